using DockerApiGen.Generator.Model;

namespace DockerApiGen.Generator.Diffing;

/// <summary>
/// Which schemas of the older version reappear under another name in the newer one (a rename upstream,
/// such as a new <c>x-go-name</c> or definition key), so the diff reports one rename instead of a removal,
/// an addition and a changed type at every place that uses it.
/// </summary>
/// <remarks>
/// Two kinds of evidence, both required to be unambiguous (one candidate each way), so that diffing back
/// finds the same pairs:
/// <list type="bullet">
/// <item>Places: where a kept operation's parameter or response, or a kept (or already paired) schema's
/// property, used a schema that is gone and now uses a new one of the same kind that shares at least half
/// of its property names (or enum values). This pairs a schema even when its content changed too.</item>
/// <item>Shape: a gone schema and a new one with the same property names and types (or enum values),
/// wherever they are used.</item>
/// </list>
/// Pairs found feed the next round (their properties are places too) until nothing new is found. A new
/// schema that takes the place of one that still exists (a split, such as Network → NetworkInspect) is
/// not a rename; <see cref="SpecDiffer"/> reports it where it happens.
/// </remarks>
public static class SchemaCorrespondence
{
    /// <summary>Old name → new name for every schema renamed from <paramref name="from"/> to <paramref name="to"/>.</summary>
    /// <param name="from">The older version.</param>
    /// <param name="to">The newer version.</param>
    public static IReadOnlyDictionary<string, string> FindRenames(ApiModel from, ApiModel to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var oldTypes = from.Types.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var newTypes = to.Types.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var removed = oldTypes.Keys.Where(n => !newTypes.ContainsKey(n)).ToHashSet(StringComparer.Ordinal);
        var added = newTypes.Keys.Where(n => !oldTypes.ContainsKey(n)).ToHashSet(StringComparer.Ordinal);
        var renames = new Dictionary<string, string>(StringComparer.Ordinal);
        if (removed.Count == 0 || added.Count == 0)
        {
            return renames;
        }

        var matches = new Dictionary<(string Old, string New), PropertyMatch>();
        var progress = true;
        while (progress)
        {
            var candidates = new HashSet<(string Old, string New)>();
            foreach (var (older, newer) in Places(from, to, oldTypes, newTypes, renames, added, matches))
            {
                Align(older, newer, (x, y) =>
                {
                    if (removed.Contains(x) && added.Contains(y) && !renames.ContainsKey(x) && Similar(oldTypes[x], newTypes[y]))
                    {
                        candidates.Add((x, y));
                    }
                });
            }

            progress = Claim(candidates, renames);
            if (!progress)
            {
                var comparison = new TypeComparison(renames);
                var claimed = renames.Values.ToHashSet(StringComparer.Ordinal);
                var shapes = from x in removed.Where(x => !renames.ContainsKey(x))
                             from y in added.Where(y => !claimed.Contains(y))
                             where SameShape(oldTypes[x], newTypes[y], comparison)
                             select (x, y);
                progress = Claim(shapes.ToHashSet(), renames);
            }
        }

        return renames;
    }

    /// <summary>Walks two type references in step and reports each pair of differently named schemas they reach.</summary>
    /// <param name="older">The older reference.</param>
    /// <param name="newer">The newer reference.</param>
    /// <param name="pair">Called with (old name, new name).</param>
    public static void Align(TypeRef? older, TypeRef? newer, Action<string, string> pair)
    {
        ArgumentNullException.ThrowIfNull(pair);
        switch (older, newer)
        {
            case (NamedRef a, NamedRef b) when a.Name != b.Name:
                pair(a.Name, b.Name);
                break;
            case (ArrayRef a, ArrayRef b):
                Align(a.Item, b.Item, pair);
                break;
            case (MapRef a, MapRef b):
                Align(a.Value, b.Value, pair);
                break;
        }
    }

    // Pairs that are the only candidate both ways become renames.
    private static bool Claim(HashSet<(string Old, string New)> candidates, Dictionary<string, string> renames)
    {
        var progress = false;
        foreach (var (x, y) in candidates.OrderBy(c => c.Old, StringComparer.Ordinal))
        {
            if (candidates.Count(c => c.Old == x) == 1 && candidates.Count(c => c.New == y) == 1 && !renames.ContainsKey(x))
            {
                renames[x] = y;
                progress = true;
            }
        }

        return progress;
    }

    // Every place that exists in both versions, as (older type, newer type).
    private static IEnumerable<(TypeRef? Older, TypeRef? Newer)> Places(
        ApiModel from,
        ApiModel to,
        Dictionary<string, TypeDefinition> oldTypes,
        Dictionary<string, TypeDefinition> newTypes,
        Dictionary<string, string> renames,
        HashSet<string> added,
        Dictionary<(string Old, string New), PropertyMatch> matches)
    {
        // Kept and renamed schemas' properties are places too, and so are the properties of a new schema
        // that takes an old one's place (found at any place, walked in turn).
        var pairs = oldTypes.Keys
            .Select(x => (Old: x, New: newTypes.ContainsKey(x) ? x : renames.GetValueOrDefault(x)))
            .Where(p => p.New is not null)
            .Select(p => (p.Old, New: p.New!))
            .ToList();
        var seen = pairs.ToHashSet();
        void Queue(TypeRef? older, TypeRef? newer)
            => Align(older, newer, (x, y) =>
            {
                if (oldTypes.ContainsKey(x) && added.Contains(y) && seen.Add((x, y)))
                {
                    pairs.Add((x, y));
                }
            });

        var newOperations = to.Operations.ToDictionary(o => o.OperationId, StringComparer.Ordinal);
        var operationPlaces = new List<(TypeRef? Older, TypeRef? Newer)>();
        foreach (var older in from.Operations)
        {
            if (!newOperations.TryGetValue(older.OperationId, out var newer))
            {
                continue;
            }

            operationPlaces.AddRange(older.Parameters
                .Select(p => (p, Match: newer.Parameters.FirstOrDefault(q => q.Location == p.Location && q.WireName == p.WireName)))
                .Where(x => x.Match is not null)
                .Select(x => ((TypeRef?)x.p.Type, (TypeRef?)x.Match!.Type)));
            operationPlaces.AddRange(older.Responses
                .Select(r => (r, Match: newer.Responses.FirstOrDefault(q => q.StatusCode == r.StatusCode)))
                .Where(x => x.Match is not null)
                .Select(x => (x.r.Type, x.Match!.Type)));
        }

        foreach (var (older, newer) in operationPlaces)
        {
            Queue(older, newer);
            yield return (older, newer);
        }

        for (var i = 0; i < pairs.Count; i++)
        {
            if (oldTypes[pairs[i].Old] is not ObjectType older || newTypes[pairs[i].New] is not ObjectType newer)
            {
                continue;
            }

            if (!matches.TryGetValue(pairs[i], out var match))
            {
                match = matches[pairs[i]] = PropertyMatch.Of(older, newer);
            }

            foreach (var (property, counterpart) in match.Matched)
            {
                Queue(property.Type, counterpart.Type);
                yield return (property.Type, counterpart.Type);
            }
        }
    }

    // Same kind, and at least half of the larger side's properties (or enum values) in common.
    private static bool Similar(TypeDefinition older, TypeDefinition newer)
        => (older, newer) switch
        {
            (ObjectType a, ObjectType b) => (a.Properties.Count == 0 && b.Properties.Count == 0)
                || PropertyMatch.Of(a, b).Matched.Count * 2 >= Math.Max(a.Properties.Count, b.Properties.Count),
            (EnumType a, EnumType b) => a.Members.Select(m => m.WireValue).Intersect(b.Members.Select(m => m.WireValue), StringComparer.Ordinal).Count() * 2 >= Math.Max(a.Members.Count, b.Members.Count),
            _ => false,
        };

    // Same shape with at least two properties (or enum values), so that trivial types are not paired by chance.
    private static bool SameShape(TypeDefinition older, TypeDefinition newer, TypeComparison comparison)
        => (older, newer) switch
        {
            (ObjectType a, ObjectType b) => a.Properties.Count >= 2 && a.Properties.Count == b.Properties.Count && comparison.SameShape(a, b),
            (EnumType a, EnumType b) => a.Members.Count >= 2 && a.Members.Count == b.Members.Count && comparison.SameShape(a, b),
            _ => false,
        };
}
