using DockerApiGen.Generator.Model;

namespace DockerApiGen.Generator.Availability;

/// <summary>Where a new type's properties were, on the wire, before the type had its name.</summary>
/// <param name="Version">The index of the version where the type's lineage starts.</param>
/// <param name="Lineage">The new lineage.</param>
/// <param name="FromLineage">The type it was split from (it continues beside it), if so.</param>
/// <param name="FromMember">The member that held the value as a free-form map before, if so.</param>
public sealed record LineageInheritance(int Version, string Lineage, string? FromLineage, MemberKey? FromMember);

/// <summary>
/// Which object types of the locked versions are one type under different names. Types are known by name, and
/// names change without the wire changing (v1.39 renamed <c>VolumeCreateRequest</c> to <c>VolumeCreateOptions</c>,
/// v1.52 back again; v1.32 turned many inline schemas into definitions). The rule, applied to each pair of
/// consecutive versions:
/// <list type="number">
/// <item>a name present in both versions is the same type, unless the two share no property (the name was given to
/// another type: v1.30 called the container config <c>ContainerConfig</c> and gave <c>Config</c> to swarm configs);</item>
/// <item>a type not continued by rule 1 in the later version continues one not continued in the earlier version when
/// both are reached from the same place: the same operation's body or response (same status), or the same property
/// (by wire name, inside lists and maps however nested) of two types reached from the same place, and they share at
/// least one property;</item>
/// <item>likewise, a type gone from the later version whose place is taken by a type that existed beside it folds into
/// that type (v1.35 replaced host config's own port binding object with the <c>PortBinding</c> that v1.32 had
/// added).</item>
/// </list>
/// Matches chain across versions (a lineage); one type may continue several (v1.27 merged the five
/// <c>…Version</c> objects into <c>ObjectVersion</c>). A lineage is named after its earliest name and version
/// (<c>VolumeCreateRequest@1.25</c>). "Share a property" compares wire names without regard to case; two types
/// without properties share.
/// <para>
/// A new type that takes the place of one that lives on elsewhere (a split: v1.41's <c>Limit</c> replaced
/// <c>ResourceObject</c> under a task's resource limits, v1.39's <c>ImageConfig</c> replaced <c>ContainerConfig</c>
/// under an image's config), or of a free-form map (v1.41's <c>IPAMConfig</c> replaced a map of strings), starts a
/// lineage that inherits, for the versions before it, where those properties already were: the old type's
/// properties of the same names, or, for a map, the map itself (<see cref="Inheritances"/>).
/// </para>
/// </summary>
public sealed class TypeLineage
{
    private TypeLineage(IReadOnlyList<IReadOnlyDictionary<string, string>> byVersion, IReadOnlyList<LineageInheritance> inheritances)
    {
        ByVersion = byVersion;
        Inheritances = inheritances;
    }

    /// <summary>The lineage of each object type, per version index.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> ByVersion { get; }

    /// <summary>New lineages that inherit their properties' earlier history, in version order.</summary>
    public IReadOnlyList<LineageInheritance> Inheritances { get; }

    /// <summary>Finds the lineages of the object types of consecutive versions.</summary>
    /// <param name="models">The models, in ascending version order.</param>
    public static TypeLineage Build(IReadOnlyList<ApiModel> models)
    {
        ArgumentNullException.ThrowIfNull(models);
        var sets = new DisjointSets();
        var pending = new List<(int Version, string To, string? From, Site? Site)>();
        for (var i = 1; i < models.Count; i++)
        {
            var previous = Objects(models[i - 1]);
            var current = Objects(models[i]);
            var continued = current.Keys.Where(n => previous.TryGetValue(n, out var before) && ShareAProperty(before, current[n])).ToHashSet(StringComparer.Ordinal);
            foreach (var name in continued)
            {
                sets.Union((i - 1, name), (i, name));
            }

            var added = current.Keys.Where(n => !continued.Contains(n)).ToHashSet(StringComparer.Ordinal);
            var gone = previous.Keys.Where(n => !continued.Contains(n)).ToHashSet(StringComparer.Ordinal);
            if (added.Count == 0 && gone.Count == 0)
            {
                continue;
            }

            var renamed = new HashSet<string>(StringComparer.Ordinal);
            var alignments = Align(models[i - 1], models[i], previous, current);
            foreach (var alignment in alignments.Where(a => a.From is not null && gone.Contains(a.From) && ShareAProperty(previous[a.From], current[a.To])))
            {
                // A rename, or a type folded into one that already existed beside it.
                sets.Union((i - 1, alignment.From!), (i, alignment.To));
                renamed.Add(alignment.To);
            }

            foreach (var alignment in alignments.Where(a => added.Contains(a.To) && !renamed.Contains(a.To)))
            {
                if (alignment.From is null)
                {
                    pending.Add((i, alignment.To, null, alignment.Site));
                }
                else if (!gone.Contains(alignment.From) && ShareAProperty(previous[alignment.From], current[alignment.To]))
                {
                    pending.Add((i, alignment.To, alignment.From, null));
                }
            }
        }

        var byVersion = new List<IReadOnlyDictionary<string, string>>(models.Count);
        var names = new Dictionary<(int, string), string>();
        var starts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < models.Count; i++)
        {
            var lineages = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var type in models[i].Types.OfType<ObjectType>().Select(t => t.Name))
            {
                var root = sets.Find((i, type));
                if (!names.TryGetValue(root, out var lineage))
                {
                    // The first node of a lineage met in version order is its earliest name.
                    lineage = names[root] = $"{type}@{models[i].Version}";
                    starts[lineage] = i;
                }

                lineages[type] = lineage;
            }

            byVersion.Add(lineages);
        }

        var inheritances = pending
            .Select(p => (p.Version, Lineage: byVersion[p.Version][p.To], p.From, p.Site))
            .Where(p => starts[p.Lineage] == p.Version) // only a lineage that starts there has an earlier history to inherit
            .Select(p => p.From is not null
                ? new LineageInheritance(p.Version, p.Lineage, byVersion[p.Version - 1][p.From], null)
                : new LineageInheritance(p.Version, p.Lineage, null, p.Site!.Key ?? MemberKey.Property(byVersion[p.Version - 1][p.Site.Owner!], p.Site.WireName!)))
            .Distinct()
            .ToList();
        return new TypeLineage(byVersion, inheritances);
    }

    private static Dictionary<string, ObjectType> Objects(ApiModel model)
        => model.Types.OfType<ObjectType>().ToDictionary(t => t.Name, StringComparer.Ordinal);

    private static bool ShareAProperty(ObjectType from, ObjectType to)
        => (from.Properties.Count == 0 && to.Properties.Count == 0)
            || from.Properties.Any(p => to.Properties.Any(q => string.Equals(p.WireName, q.WireName, StringComparison.OrdinalIgnoreCase)));

    /// <summary>
    /// Types of the later version reached from the same place as a type (<see cref="Alignment.From"/>) or a free-form
    /// map (<see cref="Alignment.Site"/>) of the earlier one.
    /// </summary>
    private static List<Alignment> Align(ApiModel previous, ApiModel current, Dictionary<string, ObjectType> previousTypes, Dictionary<string, ObjectType> currentTypes)
    {
        var alignments = new List<Alignment>();
        var pairs = new HashSet<(string, string)>();
        var queue = new Queue<(string, string)>();
        void Pair(TypeRef? from, TypeRef? to, Site site)
        {
            if (from is null || to is null)
            {
                return;
            }

            var (toNesting, toName) = Unwrap(to);
            if (toName is null || !currentTypes.ContainsKey(toName))
            {
                return;
            }

            var (_, fromName) = Unwrap(from);
            // The nesting may differ: specs fix it (v1.32 made port bindings a map of lists, as the daemon always sent).
            if (fromName is not null && previousTypes.ContainsKey(fromName))
            {
                if (pairs.Add((fromName, toName)))
                {
                    alignments.Add(new Alignment(fromName, toName, null));
                    queue.Enqueue((fromName, toName));
                }
            }
            else if (IsFreeFormAt(from, toNesting))
            {
                alignments.Add(new Alignment(null, toName, site));
            }
        }

        var currentOperations = current.Operations.ToLookup(MemberKey.Endpoint, StringComparer.Ordinal);
        foreach (var before in previous.Operations)
        {
            foreach (var after in currentOperations[MemberKey.Endpoint(before)])
            {
                var body = before.Parameters.FirstOrDefault(p => p.Location == ParameterLocation.Body);
                Pair(body?.Type, after.Parameters.FirstOrDefault(p => p.Location == ParameterLocation.Body)?.Type, new Site(body is null ? null : MemberKey.Parameter(before, body), null, null));
                foreach (var response in before.Responses)
                {
                    Pair(response.Type, after.Responses.FirstOrDefault(r => r.StatusCode == response.StatusCode)?.Type, new Site(MemberKey.Operation(before), null, null));
                }
            }
        }

        foreach (var name in previousTypes.Keys.Where(currentTypes.ContainsKey))
        {
            Pair(new NamedRef(name), new NamedRef(name), new Site(null, null, null));
        }

        while (queue.TryDequeue(out var pair))
        {
            var to = currentTypes[pair.Item2];
            foreach (var property in previousTypes[pair.Item1].Properties)
            {
                Pair(property.Type, to.Properties.FirstOrDefault(p => string.Equals(p.WireName, property.WireName, StringComparison.OrdinalIgnoreCase))?.Type, new Site(null, pair.Item1, property.WireName));
            }
        }

        return alignments;
    }

    /// <summary>Whether <paramref name="type"/>, followed through <paramref name="nesting"/>, is a map (of anything) or any JSON: a place where any property could already be.</summary>
    private static bool IsFreeFormAt(TypeRef type, string nesting)
    {
        for (var i = 0; i < nesting.Length; i += 2)
        {
            switch (type)
            {
                case ArrayRef array when nesting[i] == '[':
                    type = array.Item;
                    break;
                case MapRef map when nesting[i] == '{':
                    type = map.Value;
                    break;
                default:
                    return false;
            }
        }

        return type is MapRef or AnyRef;
    }

    /// <summary>The named type inside lists and maps, and the nesting around it (<c>[]{}</c>).</summary>
    private static (string Nesting, string? Name) Unwrap(TypeRef type)
    {
        var nesting = string.Empty;
        while (true)
        {
            switch (type)
            {
                case ArrayRef array:
                    nesting += "[]";
                    type = array.Item;
                    break;
                case MapRef map:
                    nesting += "{}";
                    type = map.Value;
                    break;
                case NamedRef named:
                    return (nesting, named.Name);
                default:
                    return (nesting, null);
            }
        }
    }

    /// <summary>The place a value is reached from: a member known at once (an operation's body or response), or a property of a type whose lineage is known later.</summary>
    private sealed record Site(MemberKey? Key, string? Owner, string? WireName);

    /// <summary>A type of the later version and what held its place in the earlier one.</summary>
    private sealed record Alignment(string? From, string To, Site? Site);

    /// <summary>Union-find over (version index, type name).</summary>
    private sealed class DisjointSets
    {
        private readonly Dictionary<(int, string), (int, string)> _parent = [];

        public (int, string) Find((int, string) node)
        {
            var root = node;
            while (_parent.TryGetValue(root, out var parent) && parent != root)
            {
                root = parent;
            }

            // Path compression keeps later lookups short.
            while (_parent.TryGetValue(node, out var parent) && parent != root)
            {
                _parent[node] = root;
                node = parent;
            }

            return root;
        }

        public void Union((int, string) a, (int, string) b)
        {
            var rootA = Find(a);
            var rootB = Find(b);
            if (rootA == rootB)
            {
                return;
            }

            // The earlier node stays the root, so a lineage's root is its earliest member.
            if (rootB.CompareTo(rootA) < 0)
            {
                (rootA, rootB) = (rootB, rootA);
            }

            _parent[rootA] = rootA;
            _parent[rootB] = rootA;
        }
    }
}
