using DockerApiGen.Generator.Model;

namespace DockerApiGen.Generator.Availability;

/// <summary>
/// Builds the <see cref="ApiHistory"/> from the models of every locked version: for each version, which
/// operations, parameters and properties (keyed as <see cref="MemberKey"/> says) it has and which it marks
/// deprecated. Two types of one version in the same lineage pool their properties; such a property counts as
/// deprecated only where every one of them marks it so. A lineage that inherits (<see cref="TypeLineage.Inheritances"/>)
/// gets, for the properties it has when it starts, the earlier versions of the same-named properties of the type it
/// was split from, or of the free-form map it replaced.
/// </summary>
public static class ApiHistoryBuilder
{
    /// <summary>Builds the history.</summary>
    /// <param name="models">The models of the locked versions, in any order (one per version).</param>
    public static ApiHistory Build(IReadOnlyList<ApiModel> models)
    {
        ArgumentNullException.ThrowIfNull(models);
        var ordered = models.OrderBy(m => m.Version).ToList();
        var lineage = TypeLineage.Build(ordered);
        var present = new Dictionary<MemberKey, HashSet<int>>();
        var current = new Dictionary<MemberKey, HashSet<int>>(); // versions where some occurrence is not deprecated
        void Record(MemberKey key, int index, bool deprecated)
        {
            (present.TryGetValue(key, out var seen) ? seen : present[key] = []).Add(index);
            if (!deprecated)
            {
                (current.TryGetValue(key, out var live) ? live : current[key] = []).Add(index);
            }
        }

        for (var i = 0; i < ordered.Count; i++)
        {
            foreach (var operation in ordered[i].Operations)
            {
                Record(MemberKey.Operation(operation), i, operation.IsDeprecated);
                foreach (var parameter in operation.Parameters)
                {
                    Record(MemberKey.Parameter(operation, parameter), i, parameter.IsDeprecated);
                }
            }

            foreach (var type in ordered[i].Types.OfType<ObjectType>())
            {
                var typeLineage = lineage.ByVersion[i][type.Name];
                foreach (var property in type.Properties)
                {
                    Record(MemberKey.Property(typeLineage, property.WireName), i, property.IsDeprecated);
                }
            }
        }

        foreach (var inheritance in lineage.Inheritances.OrderBy(i => i.Version))
        {
            var start = inheritance.Version;
            var names = ordered[start].Types.OfType<ObjectType>()
                .Where(t => lineage.ByVersion[start][t.Name] == inheritance.Lineage)
                .SelectMany(t => t.Properties.Select(p => p.WireName))
                .Distinct(StringComparer.OrdinalIgnoreCase);
            foreach (var name in names)
            {
                var key = MemberKey.Property(inheritance.Lineage, name);
                var source = inheritance.FromMember ?? MemberKey.Property(inheritance.FromLineage!, name);
                if (!present.TryGetValue(source, out var earlier))
                {
                    continue;
                }

                foreach (var index in earlier.Where(index => index < start))
                {
                    // A free-form map says nothing of deprecation; a split-off property keeps its origin's.
                    Record(key, index, deprecated: inheritance.FromMember is null && !(current.TryGetValue(source, out var live) && live.Contains(index)));
                }
            }
        }

        var members = present.ToDictionary(
            kv => kv.Key,
            kv => new MemberHistory(VersionSet.Of(kv.Value), VersionSet.Of(kv.Value.Where(i => !(current.TryGetValue(kv.Key, out var live) && live.Contains(i))))));
        return new ApiHistory(ordered.Select(m => m.Version).ToList(), lineage.ByVersion, members);
    }
}
