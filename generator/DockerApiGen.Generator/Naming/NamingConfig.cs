using System.Text.Json;
using System.Text.Json.Nodes;
using DockerApiGen.Generator.Diagnostics;
using DockerApiGen.Generator.Loading;

namespace DockerApiGen.Generator.Naming;

/// <summary>
/// The project's naming decisions that no rule can make (<c>specs/&lt;family&gt;/naming.yaml</c>): renames of types
/// whose spec name would collide in user code (Docker's <c>Task</c> against
/// <c>System.Threading.Tasks.Task</c>), and names for inline schemas whose derived name reads badly.
/// </summary>
/// <param name="TypeRenames">Spec-derived type name → C# name.</param>
/// <param name="InlineNames">JSON pointer of an inline schema → C# name, before title and x-go-name.</param>
/// <param name="File">Where the configuration was read from.</param>
public sealed record NamingConfig(IReadOnlyDictionary<string, string> TypeRenames, IReadOnlyDictionary<string, string> InlineNames, string File)
{
    /// <summary>Names of operations (without an operationId in the spec) where the method-and-path rule reads badly (the family's <c>operations.yaml</c>).</summary>
    public OperationNameOverrides OperationNames { get; init; } = OperationNameOverrides.Empty;

    /// <summary>No renames.</summary>
    public static NamingConfig Empty { get; } = new(new Dictionary<string, string>(), new Dictionary<string, string>(), "(no naming file)");

    /// <summary>Applies the renames to a candidate name.</summary>
    /// <param name="candidate">The name a rule produced.</param>
    public string Rename(string candidate) => TypeRenames.TryGetValue(candidate, out var renamed) ? renamed : candidate;

    /// <summary>Reads the configuration; a missing file means no renames.</summary>
    /// <param name="path">The file.</param>
    /// <exception cref="GenerationException">The file is malformed.</exception>
    public static NamingConfig Load(string path)
    {
        if (!System.IO.File.Exists(path))
        {
            return Empty with { File = path }; // Messages then name the file to create.
        }

        var (document, map) = YamlToJson.Parse(System.IO.File.ReadAllText(path), path);
        return new NamingConfig(ReadNames(document, map, "typeRenames"), ReadNames(document, map, "inlineNames"), path);
    }

    private static Dictionary<string, string> ReadNames(JsonObject document, SourceMap map, string section)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        if (document[section] is not JsonObject items)
        {
            return names;
        }

        foreach (var (from, to) in items)
        {
            if (to is not JsonValue value || value.GetValueKind() != JsonValueKind.String || !Identifiers.IsValidIdentifier((string)value!))
            {
                var position = map.Find($"/{section}/{SourceMap.Escape(from)}");
                throw new GenerationException(new SpecProblem(map.File, position?.Line, position?.Column, null, $"The name given to '{from}' in {section} must be a valid C# identifier."));
            }

            names[from] = (string)value!;
        }

        return names;
    }
}
