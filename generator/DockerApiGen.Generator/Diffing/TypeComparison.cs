using DockerApiGen.Generator.Model;

namespace DockerApiGen.Generator.Diffing;

/// <summary>How two type references relate once renamed schemas are taken as the same.</summary>
public enum TypeDifference
{
    /// <summary>The same type (a renamed schema counts as itself).</summary>
    Same,

    /// <summary>
    /// Only a spec <c>format</c> differs where the generated C# type does not (<c>string</c> →
    /// <c>string(ip-address)</c>): the kind of value, and so the client's type, is unchanged.
    /// </summary>
    FormatOnly,

    /// <summary>Another type: other JSON kind, other integer width, other schema, list instead of value…</summary>
    Different,
}

/// <summary>Compares type references across two versions, through the renames between them.</summary>
/// <param name="Renames">Old schema name → new schema name.</param>
public sealed record TypeComparison(IReadOnlyDictionary<string, string> Renames)
{
    /// <summary>No renames: names must match.</summary>
    public static TypeComparison Exact { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal));

    /// <summary>How <paramref name="newer"/> relates to <paramref name="older"/>.</summary>
    /// <param name="older">The type in the older version (null: no body).</param>
    /// <param name="newer">The type in the newer version.</param>
    public TypeDifference Compare(TypeRef? older, TypeRef? newer)
        => (older, newer) switch
        {
            (null, null) => TypeDifference.Same,
            (NamedRef a, NamedRef b) => a.Name == b.Name || (Renames.TryGetValue(a.Name, out var renamed) && renamed == b.Name) ? TypeDifference.Same : TypeDifference.Different,

            // The primitive kind is what the C# type is made from; the format string may differ beyond it.
            (PrimitiveRef a, PrimitiveRef b) when a.Kind == b.Kind => a.Format == b.Format ? TypeDifference.Same : TypeDifference.FormatOnly,
            (ArrayRef a, ArrayRef b) => Compare(a.Item, b.Item),
            (MapRef a, MapRef b) => Compare(a.Value, b.Value),
            (StringSetRef, StringSetRef) or (CommandLineRef, CommandLineRef) or (AnyRef, AnyRef) => TypeDifference.Same,
            _ => TypeDifference.Different,
        };

    /// <summary>
    /// Whether two schemas have the same shape: the same properties (<see cref="PropertyMatch"/>) with the
    /// same types, or the same enum values.
    /// </summary>
    /// <param name="older">The older schema.</param>
    /// <param name="newer">The newer schema.</param>
    public bool SameShape(TypeDefinition older, TypeDefinition newer)
        => (older, newer) switch
        {
            (ObjectType a, ObjectType b) => PropertyMatch.Of(a, b) is var match
                && match.Removed.Count == 0 && match.Added.Count == 0
                && match.Matched.All(p => Compare(p.Older.Type, p.Newer.Type) == TypeDifference.Same),
            (EnumType a, EnumType b) => a.Members.Select(m => m.WireValue).ToHashSet(StringComparer.Ordinal).SetEquals(b.Members.Select(m => m.WireValue)),
            _ => false,
        };

    /// <summary>The old schema name as the newer version calls it.</summary>
    /// <param name="oldName">A schema name of the older version.</param>
    public string NewNameOf(string oldName) => Renames.TryGetValue(oldName, out var renamed) ? renamed : oldName;
}
