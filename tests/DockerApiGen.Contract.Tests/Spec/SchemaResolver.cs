using System.Text.Json.Nodes;

namespace DockerApiGen.Contract.Tests.Spec;

/// <summary>
/// Turns a schema node of the document into an <see cref="EffectiveSchema"/>: <c>$ref</c>s followed (Swagger 2's
/// <c>#/definitions/</c>, OpenAPI 3's <c>#/components/schemas/</c>) and <c>allOf</c> parts merged (container create's
/// body is config + host config + networking config). Null is allowed by Swagger 2's <c>x-nullable</c> and OpenAPI 3's
/// <c>nullable</c>.
/// </summary>
/// <param name="document">The patched spec document.</param>
public sealed class SchemaResolver(JsonObject document)
{
    private static readonly string[] Prefixes = ["#/definitions/", "#/components/schemas/"];

    /// <summary>The effective schema of a node.</summary>
    /// <param name="schema">A schema node (possibly a <c>$ref</c> or an <c>allOf</c>).</param>
    /// <exception cref="InvalidOperationException">A <c>$ref</c> points outside the document's definitions.</exception>
    public EffectiveSchema Resolve(JsonNode schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var node = Follow(schema.AsObject(), out var name);
        var parts = node["allOf"]?.AsArray().Select(part => Resolve(part!)).ToList() ?? [];

        var properties = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        var required = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in parts)
        {
            foreach (var (key, value) in part.Properties)
            {
                properties[key] = value;
            }

            required.UnionWith(part.Required);
        }

        foreach (var (key, value) in node["properties"]?.AsObject() ?? [])
        {
            properties[key] = value!;
        }

        required.UnionWith(node["required"]?.AsArray().Select(r => (string)r!) ?? []);

        return new EffectiveSchema(
            name ?? parts.Select(p => p.Name).FirstOrDefault(n => n is not null),
            Types(node) ?? parts.Select(p => p.Types).FirstOrDefault(t => t.Count > 0) ?? [],
            (string?)node["format"],
            node["enum"]?.AsArray(),
            node["items"],
            properties,
            required,
            node["additionalProperties"] ?? parts.Select(p => p.AdditionalProperties).FirstOrDefault(a => a is not null),
            (bool?)node["x-nullable"] ?? (bool?)node["nullable"] ?? parts.Any(p => p.Nullable));
    }

    private JsonObject Follow(JsonObject node, out string? name)
    {
        name = null;
        for (var hops = 0; node["$ref"] is { } reference; hops++)
        {
            var target = (string)reference!;
            var prefix = Prefixes.FirstOrDefault(p => target.StartsWith(p, StringComparison.Ordinal));
            if (prefix is null || hops > 16)
            {
                throw new InvalidOperationException($"Cannot follow $ref '{target}'.");
            }

            name = target[prefix.Length..];
            var container = prefix == Prefixes[0] ? document["definitions"] : document["components"]?["schemas"];
            node = container?[name]?.AsObject() ?? throw new InvalidOperationException($"$ref '{target}' names no schema.");
        }

        return node;
    }

    // Swagger 2 allows one type; v1.25–v1.34 also write a list (["array", "string"]).
    private static List<string>? Types(JsonObject node) => node["type"] switch
    {
        null => null,
        JsonArray list => list.Select(t => (string)t!).ToList(),
        var single => [(string)single!],
    };
}
