using DockerApiGen.Generator.Model;
using DockerApiGen.Generator.Specs;

namespace DockerApiGen.Generator.Availability;

/// <summary>
/// What the client-model stage marks in one version's package: the <see cref="MemberAvailability"/> of each of its
/// operations, parameters and model properties, seen from that version.
/// </summary>
public sealed class VersionAvailability
{
    private readonly ApiHistory? _history;
    private readonly int _index;

    internal VersionAvailability(ApiHistory history, int index)
    {
        _history = history;
        _index = index;
        Version = history.Versions[index];
    }

    private VersionAvailability(ApiVersion version) => Version = version;

    /// <summary>The version.</summary>
    public ApiVersion Version { get; }

    /// <summary>The first locked version (members since then carry no Since), or null without a history.</summary>
    public ApiVersion? Earliest => _history?.Versions[0];

    /// <summary>Whether anything is marked (false for a version outside the lock).</summary>
    public bool IsMarking => _history is not null;

    /// <summary>Nothing marked: every member is <see cref="MemberAvailability.Always"/>.</summary>
    /// <param name="version">The version.</param>
    public static VersionAvailability Unmarked(ApiVersion version) => new(version);

    /// <summary>An operation's availability.</summary>
    /// <param name="operation">The operation.</param>
    public MemberAvailability Operation(OperationModel operation) => Lookup(MemberKey.Operation(operation));

    /// <summary>A parameter's availability.</summary>
    /// <param name="operation">Its operation.</param>
    /// <param name="parameter">The parameter.</param>
    public MemberAvailability Parameter(OperationModel operation, ParameterModel parameter) => Lookup(MemberKey.Parameter(operation, parameter));

    /// <summary>A model property's availability.</summary>
    /// <param name="typeName">The object type's name in this version.</param>
    /// <param name="wireName">The property's wire name.</param>
    /// <exception cref="InvalidOperationException">The history does not know the type in this version.</exception>
    public MemberAvailability Property(string typeName, string wireName)
    {
        if (_history is null)
        {
            return MemberAvailability.Always;
        }

        return _history.Lineages[_index].TryGetValue(typeName, out var lineage)
            ? Lookup(MemberKey.Property(lineage, wireName))
            : throw new InvalidOperationException($"The availability history has no type {typeName} in v{Version}: it was built from other specs than this generation's.");
    }

    private MemberAvailability Lookup(MemberKey key) => _history is null ? MemberAvailability.Always : _history.Availability(key, _index);
}
