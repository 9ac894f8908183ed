using System.Text.Json.Nodes;
using DockerApiGen.Contract.Tests.Spec;

namespace DockerApiGen.Contract.Tests.Responses;

/// <summary>
/// Deterministic sample values for a schema, to answer with: strings <c>"sample"</c>, integers 1, numbers
/// 1.5, booleans true, dates as RFC 3339 (with nanoseconds, as the daemon writes them), enums their first
/// value, arrays one item, maps one entry, every property filled (required and optional).
/// </summary>
/// <param name="schemas">The spec's schemas.</param>
public sealed class SampleJson(SchemaResolver schemas)
{
    /// <summary>The sample string.</summary>
    public const string Text = "sample";

    /// <summary>The sample date and time.</summary>
    public const string DateTime = "2024-01-02T03:04:05.123456789Z";

    // Deep enough for every real schema (container inspect nests about 6 levels); stops recursive ones.
    private const int MaxDepth = 12;

    /// <summary>A sample value of a schema.</summary>
    /// <param name="schema">The schema node.</param>
    public JsonNode? For(JsonNode schema) => Build(schema, 0, []);

    private JsonNode? Build(JsonNode schema, int depth, HashSet<string> enclosing)
    {
        var effective = schemas.Resolve(schema);
        if (effective.Enum is [var first, ..])
        {
            return first?.DeepClone();
        }

        // A definition inside itself, or too deep: the smallest value of the type, so the recursion ends.
        var recursive = effective.Name is { } name && enclosing.Contains(name);
        var type = effective.Types.FirstOrDefault() ?? (effective.Items is not null ? "array" : "object");
        if (recursive || depth > MaxDepth)
        {
            return type switch { "object" => new JsonObject(), "array" => new JsonArray(), _ => Scalar(type, effective.Format) };
        }

        if (effective.Name is { } definition)
        {
            enclosing = [.. enclosing, definition];
        }

        return type switch
        {
            "object" => Object(effective, depth, enclosing),
            "array" => new JsonArray(effective.Items is { } items ? Build(items, depth + 1, enclosing) : JsonValue.Create(Text)),
            _ => Scalar(type, effective.Format),
        };
    }

    private JsonObject Object(EffectiveSchema schema, int depth, HashSet<string> enclosing)
    {
        var result = new JsonObject();
        foreach (var (name, property) in schema.Properties)
        {
            result[name] = Build(property, depth + 1, enclosing);
        }

        if (schema.MapValues is { } values && schema.Properties.Count == 0)
        {
            result[Text] = Build(values, depth + 1, enclosing);
        }

        return result;
    }

    private static JsonNode Scalar(string type, string? format) => type switch
    {
        "integer" => JsonValue.Create(1),
        "number" => JsonValue.Create(1.5),
        "boolean" => JsonValue.Create(true),
        _ when format is "dateTime" or "date-time" => JsonValue.Create(DateTime),
        _ => JsonValue.Create(Text),
    };
}
