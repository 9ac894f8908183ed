using DockerApiGen.Generator.Specs;

namespace DockerApiGen.Generator.Availability;

/// <summary>In which locked versions a member exists, and in which it is marked deprecated.</summary>
/// <param name="Present">The versions whose spec has the member.</param>
/// <param name="Deprecated">The versions whose spec marks it deprecated (a subset of <paramref name="Present"/>).</param>
public sealed record MemberHistory(VersionSet Present, VersionSet Deprecated);

/// <summary>
/// The history of every operation, parameter and model property over the locked versions, built by
/// <see cref="ApiHistoryBuilder"/> from every locked version's model. Generating one version asks it what to mark
/// (<see cref="For"/>). Immutable.
/// </summary>
public sealed class ApiHistory
{
    private readonly Dictionary<ApiVersion, int> _indexOf;

    /// <summary>Creates a history.</summary>
    /// <param name="versions">The locked versions, ascending.</param>
    /// <param name="lineages">Per version index: each object type's lineage.</param>
    /// <param name="members">Every member's history.</param>
    public ApiHistory(IReadOnlyList<ApiVersion> versions, IReadOnlyList<IReadOnlyDictionary<string, string>> lineages, IReadOnlyDictionary<MemberKey, MemberHistory> members)
    {
        ArgumentNullException.ThrowIfNull(versions);
        ArgumentNullException.ThrowIfNull(lineages);
        ArgumentNullException.ThrowIfNull(members);
        if (lineages.Count != versions.Count)
        {
            throw new ArgumentException($"{lineages.Count} lineage tables for {versions.Count} versions.", nameof(lineages));
        }

        Versions = versions;
        Lineages = lineages;
        Members = members;
        _indexOf = versions.Select((v, i) => (v, i)).ToDictionary(x => x.v, x => x.i);
    }

    /// <summary>No versions, nothing marked: for generating a spec outside the lock (a diff of two files).</summary>
    public static ApiHistory None { get; } = new([], [], new Dictionary<MemberKey, MemberHistory>());

    /// <summary>The locked versions, ascending.</summary>
    public IReadOnlyList<ApiVersion> Versions { get; }

    /// <summary>Per version index: each object type's lineage.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> Lineages { get; }

    /// <summary>Every member's history.</summary>
    public IReadOnlyDictionary<MemberKey, MemberHistory> Members { get; }

    /// <summary>Whether a version is one of the history's.</summary>
    /// <param name="version">The version.</param>
    public bool Covers(ApiVersion version) => _indexOf.ContainsKey(version);

    /// <summary>What to mark in one version's package; a version outside the history gets no markers.</summary>
    /// <param name="version">The version.</param>
    public VersionAvailability For(ApiVersion version)
        => _indexOf.TryGetValue(version, out var index) ? new VersionAvailability(this, index) : VersionAvailability.Unmarked(version);

    /// <summary>The availability of a member as seen from the version at <paramref name="index"/>, which must hold it.</summary>
    /// <param name="key">The member.</param>
    /// <param name="index">The version index.</param>
    /// <exception cref="InvalidOperationException">The history has no such member in that version (it was built from other specs).</exception>
    public MemberAvailability Availability(MemberKey key, int index)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!Members.TryGetValue(key, out var history) || history.Present.RunOf(index) is not { } run)
        {
            throw new InvalidOperationException($"The availability history has no {key} in v{Versions[index]}: it was built from other specs than this generation's. Delete the availability cache and generate again.");
        }

        var last = Enumerable.Range(run.Start, run.End - run.Start + 1).LastOrDefault(history.Deprecated.Contains, -1);
        ApiVersion? deprecated = null;
        if (last >= 0)
        {
            var first = last;
            while (first > run.Start && history.Deprecated.Contains(first - 1))
            {
                first--;
            }

            deprecated = Versions[first];
        }

        return new MemberAvailability(
            run.Start == 0 ? null : Versions[run.Start],
            run.End == Versions.Count - 1 ? null : Versions[run.End + 1],
            deprecated);
    }
}
