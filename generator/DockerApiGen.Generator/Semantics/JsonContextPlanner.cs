using DockerApiGen.Generator.Diagnostics;
using DockerApiGen.Generator.Model;

namespace DockerApiGen.Generator.Semantics;

/// <summary>
/// Collects, in one place, every type the package's source-generated JSON context must know (every model,
/// and every other type an operation sends or receives as JSON), and names the metadata property the
/// System.Text.Json source generator gives each, so that the context's attributes and the clients' calls
/// come from the same entries.
/// </summary>
public sealed class JsonContextPlanner
{
    private readonly TypeMapper _types;
    private readonly SortedDictionary<string, JsonContextEntry> _entries = new(StringComparer.Ordinal);

    /// <summary>Starts with every model type and every collection an operation's body or any response carries.</summary>
    /// <param name="model">The version's model.</param>
    /// <param name="types">The type mapping.</param>
    public JsonContextPlanner(ApiModel model, TypeMapper types)
    {
        ArgumentNullException.ThrowIfNull(model);
        _types = types;
        foreach (var type in model.Types)
        {
            Entry(types.NameOf(new NamedRef(type.Name)));
        }

        var collections = model.Operations
            .SelectMany(o => o.Parameters.Where(p => p.Location == ParameterLocation.Body).Select(p => p.Type)
                .Concat(o.Responses.Select(r => r.Type).OfType<TypeRef>()))
            .Where(t => t is ArrayRef or MapRef);
        foreach (var collection in collections)
        {
            Entry(types.NameOf(collection));
        }
    }

    /// <summary>The entry of a model type reference, added if new.</summary>
    /// <param name="type">The reference.</param>
    public JsonContextEntry Entry(TypeRef type) => Entry(_types.NameOf(type));

    /// <summary>The entry of a C# type, added if new.</summary>
    /// <param name="type">The type (a nullable marker on a reference type is dropped: <c>typeof</c> refuses it).</param>
    public JsonContextEntry Entry(CSharpTypeName type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var serialized = type is NullableTypeName { IsValueType: false } ? type.WithoutNullable() : type;
        var key = FullName(serialized);
        if (!_entries.TryGetValue(key, out var entry))
        {
            entry = new JsonContextEntry(serialized, PropertyName(serialized));
            _entries.Add(key, entry);
        }

        return entry;
    }

    /// <summary>The context: every entry, ordered by full type name.</summary>
    /// <param name="className">The context's class name.</param>
    public JsonContextModel Build(string className) => new(className, _entries.Values.ToList());

    /// <summary>
    /// The context matches property names without regard to case (as the daemon's Go decoder does), which
    /// needs the wire names of each object to differ by more than case.
    /// </summary>
    /// <param name="model">The version's model.</param>
    /// <exception cref="GenerationException">An object has two properties whose names differ only in case.</exception>
    public static void RequireCaseDistinctProperties(ApiModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var problems = new List<SpecProblem>();
        foreach (var type in model.Types.OfType<ObjectType>())
        {
            foreach (var clash in type.Properties.GroupBy(p => p.WireName, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            {
                problems.Add(new SpecProblem(model.SpecFile, null, null, type.SchemaPointer, $"{type.Name} has properties {string.Join(" and ", clash.Select(p => $"'{p.WireName}'"))}, which differ only in case; the generated JSON context matches names without regard to case.", "Patch the spec (the family's patches under specs/), or teach JsonContextPlanner to give this type case-sensitive metadata."));
            }
        }

        if (problems.Count > 0)
        {
            throw new GenerationException(problems);
        }
    }

    /// <summary>The name System.Text.Json's source generator gives a type's metadata property.</summary>
    /// <param name="type">The type.</param>
    public static string PropertyName(CSharpTypeName type)
        => type switch
        {
            KeywordTypeName keyword => keyword.ClrName,
            NamedTypeName named => named.Name + string.Concat(named.Arguments.Select(PropertyName)),
            NullableTypeName { IsValueType: true } nullable => "Nullable" + PropertyName(nullable.Underlying),
            NullableTypeName nullable => PropertyName(nullable.Underlying),
            _ => throw new InvalidOperationException($"No metadata name for {type}."),
        };

    private static string FullName(CSharpTypeName type)
        => type switch
        {
            KeywordTypeName keyword => keyword.Keyword,
            NamedTypeName named => $"{named.Namespace}.{named.Name}" + (named.Arguments.Count == 0 ? string.Empty : $"<{string.Join(", ", named.Arguments.Select(FullName))}>"),
            NullableTypeName nullable => FullName(nullable.Underlying) + "?",
            _ => throw new InvalidOperationException($"Unknown type {type}."),
        };
}
