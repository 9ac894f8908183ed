using System.Text.Json;
using System.Text.Json.Nodes;
using DockerApiGen.Generator.Diagnostics;
using DockerApiGen.Generator.Loading;

namespace DockerApiGen.Generator.Naming;

/// <summary>A declared name for one operation, overriding what <see cref="OperationNaming.FromPath"/> derives.</summary>
/// <param name="Area">The area, or null to keep the derived one.</param>
/// <param name="Name">The method name, or null to keep the derived one.</param>
/// <param name="Line">The entry's line, for messages.</param>
public sealed record OperationNameOverride(string? Area, string? Name, int? Line);

/// <summary>
/// The <c>operationNames</c> section of a family's <c>operations.yaml</c>: names for operations, keyed by
/// <c>"METHOD /path"</c>, where the rule of <see cref="OperationNaming"/> reads badly
/// (<c>"PATCH /v2/invites/{id}/resend": { name: Resend }</c>).
/// </summary>
/// <param name="Entries">"METHOD /path" → the declared area and name.</param>
/// <param name="File">Where they were read from.</param>
public sealed record OperationNameOverrides(IReadOnlyDictionary<string, OperationNameOverride> Entries, string File)
{
    private static readonly HashSet<string> Methods = new(StringComparer.Ordinal) { "GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE" };

    /// <summary>No overrides.</summary>
    public static OperationNameOverrides Empty { get; } = new(new Dictionary<string, OperationNameOverride>(), "(no operations file)");

    /// <summary>The key of an operation: <c>GET /v2/access-tokens</c>.</summary>
    /// <param name="method">The HTTP method, any case.</param>
    /// <param name="path">The path template.</param>
    public static string Key(string method, string path) => $"{method?.ToUpperInvariant()} {path}";

    /// <summary>The name of an operation: derived from method and path, with any declared override applied.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The path template.</param>
    public OperationName NameOf(string method, string path)
    {
        var derived = OperationNaming.FromPath(method, path);
        return Entries.TryGetValue(Key(method, path), out var declared)
            ? new OperationName(declared.Area ?? derived.Area, declared.Name ?? derived.Name)
            : derived;
    }

    /// <summary>Reads the <c>operationNames</c> section of an operations file; a missing file or section means none.</summary>
    /// <param name="path">The family's <c>operations.yaml</c>.</param>
    /// <exception cref="GenerationException">An entry is malformed; each problem names its line.</exception>
    public static OperationNameOverrides Load(string path)
    {
        if (!System.IO.File.Exists(path))
        {
            return Empty with { File = path }; // Messages then name the file to create.
        }

        var (document, map) = YamlToJson.Parse(System.IO.File.ReadAllText(path), path);
        var entries = new Dictionary<string, OperationNameOverride>(StringComparer.Ordinal);
        var problems = new List<SpecProblem>();
        foreach (var (key, value) in document["operationNames"] as JsonObject ?? [])
        {
            var pointer = "/operationNames/" + SourceMap.Escape(key);
            var position = map.Find(pointer);
            void Problem(string message) => problems.Add(new SpecProblem(path, position?.Line, position?.Column, pointer, message));

            var space = key.IndexOf(' ', StringComparison.Ordinal);
            if (space < 0 || !Methods.Contains(key[..space]) || !key[(space + 1)..].StartsWith('/'))
            {
                Problem($"'{key}' is not an operation: write the method in capitals, a space and the path template, e.g. \"GET /v2/access-tokens\".");
                continue;
            }

            var area = Identifier(value, "area");
            var name = Identifier(value, "name");
            if (value is not JsonObject || (area is null && name is null) || area == string.Empty || name == string.Empty)
            {
                Problem($"The name of '{key}' must be a mapping with `area`, `name` or both, each a C# identifier (the method name without Async).");
                continue;
            }

            entries[key] = new OperationNameOverride(area, name, position?.Line);
        }

        return problems.Count > 0 ? throw new GenerationException(problems) : new OperationNameOverrides(entries, path);
    }

    /// <summary>The identifier under a key: null when absent, empty when present but not a valid identifier.</summary>
    private static string? Identifier(JsonNode? node, string key)
    {
        if (node is not JsonObject obj || obj[key] is not { } value)
        {
            return null;
        }

        return value is JsonValue text && text.GetValueKind() == JsonValueKind.String && Identifiers.IsValidIdentifier((string)text!) ? (string)text! : string.Empty;
    }
}
