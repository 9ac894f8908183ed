using DockerApiGen.Generator.Specs;

namespace DockerApiGen.Generator.Availability;

/// <summary>
/// When one member of a generated package (an operation, a parameter, a model property) appeared in the API, and,
/// where the locked specs say so, when it was deprecated and when it was removed. All three are relative to the
/// locked versions: a member present in the first locked version has no <see cref="Since"/>.
/// </summary>
/// <param name="Since">The first version of the uninterrupted run of versions that holds the member and ends at or after the package's version; null when that run starts at the first locked version.</param>
/// <param name="RemovedIn">The first locked version after that run, when the run ends before the newest locked version.</param>
/// <param name="DeprecatedSince">The first version of the last deprecated stretch within that run (it may start after the package's version), when there is one.</param>
public sealed record MemberAvailability(ApiVersion? Since, ApiVersion? RemovedIn, ApiVersion? DeprecatedSince)
{
    /// <summary>Present in every locked version, never deprecated: nothing to mark.</summary>
    public static MemberAvailability Always { get; } = new(null, null, null);

    /// <summary>Whether there is anything to mark.</summary>
    public bool IsMarked => Since is not null || RemovedIn is not null || DeprecatedSince is not null;

    /// <summary>Whether the member exists in <paramref name="version"/> according to this record (from <see cref="Since"/> up to <see cref="RemovedIn"/>).</summary>
    /// <param name="version">A version.</param>
    public bool IsAvailableIn(ApiVersion version) => (Since is not { } since || version >= since) && (RemovedIn is not { } removed || version < removed);

    /// <summary>The marker as the docs say it: <c>Since API 1.44. Deprecated since API 1.47. Removed in API 1.50.</c>; empty when unmarked.</summary>
    public string Describe()
    {
        var parts = new List<string>(3);
        if (Since is { } since)
        {
            parts.Add($"Since API {since}.");
        }

        if (DeprecatedSince is { } deprecated)
        {
            parts.Add($"Deprecated since API {deprecated}.");
        }

        if (RemovedIn is { } removed)
        {
            parts.Add($"Removed in API {removed}.");
        }

        return string.Join(' ', parts);
    }
}
