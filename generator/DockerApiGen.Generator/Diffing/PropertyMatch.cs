using DockerApiGen.Generator.Model;

namespace DockerApiGen.Generator.Diffing;

/// <summary>
/// Pairs the properties of two versions of an object by wire name: exactly, else ignoring letter case
/// when that pairs one with one. The daemon's Go decoder and the generated clients match JSON names
/// case-insensitively, and the C# name is the same, so <c>MediaType</c> → <c>mediaType</c> is the same
/// property with a new spelling, not a removal and an addition.
/// </summary>
/// <param name="Matched">Pairs (older, newer) of the same property.</param>
/// <param name="Removed">Properties only the older version has.</param>
/// <param name="Added">Properties only the newer version has.</param>
public sealed record PropertyMatch(IReadOnlyList<(PropertyModel Older, PropertyModel Newer)> Matched, IReadOnlyList<PropertyModel> Removed, IReadOnlyList<PropertyModel> Added)
{
    /// <summary>Pairs the properties of <paramref name="older"/> and <paramref name="newer"/>.</summary>
    /// <param name="older">The older version of the object.</param>
    /// <param name="newer">The newer version.</param>
    public static PropertyMatch Of(ObjectType older, ObjectType newer)
    {
        ArgumentNullException.ThrowIfNull(older);
        ArgumentNullException.ThrowIfNull(newer);
        var matched = new List<(PropertyModel, PropertyModel)>();
        var removed = new List<PropertyModel>();
        var byName = new Dictionary<string, PropertyModel>(StringComparer.Ordinal);
        foreach (var property in newer.Properties)
        {
            byName.TryAdd(property.WireName, property);
        }

        var oldNames = older.Properties.Select(p => p.WireName).ToHashSet(StringComparer.Ordinal);
        var added = newer.Properties.Where(p => !oldNames.Contains(p.WireName)).ToList();
        foreach (var property in older.Properties)
        {
            if (byName.TryGetValue(property.WireName, out var exact))
            {
                matched.Add((property, exact));
                continue;
            }

            var sameLetters = added.Where(p => string.Equals(p.WireName, property.WireName, StringComparison.OrdinalIgnoreCase)).ToList();
            if (sameLetters.Count == 1 && older.Properties.Count(o => string.Equals(o.WireName, property.WireName, StringComparison.OrdinalIgnoreCase)) == 1)
            {
                matched.Add((property, sameLetters[0]));
                added.Remove(sameLetters[0]);
            }
            else
            {
                removed.Add(property);
            }
        }

        return new PropertyMatch(matched, removed, added);
    }
}
