using System.Text.Json;
using System.Text.Json.Nodes;

namespace DockerApiGen.Generator.Loading;

/// <summary>
/// OpenAPI 3 lets a response name its headers by reference to <c>#/components/headers/…</c>. NSwag reads those
/// components as bare schemas, so the header's own <c>schema</c> (and description) would be lost; this copies each
/// referenced header object in place of its reference before NSwag reads the document. The validator has already
/// checked that every local reference resolves; the document the later stages point into is left as written.
/// </summary>
public static class HeaderComponents
{
    private const string Prefix = "#/components/headers/";

    /// <summary>A copy of the document whose response headers are written out, or the document itself when none refers to a component.</summary>
    /// <param name="document">The validated OpenAPI 3 document.</param>
    public static JsonObject Inline(JsonObject document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document["components"]?["headers"] is not JsonObject components || components.Count == 0)
        {
            return document;
        }

        var copy = document.DeepClone().AsObject();
        var headers = copy["components"]!["headers"]!.AsObject();
        Visit(copy, headers);
        return copy;
    }

    private static void Visit(JsonNode? node, JsonObject components)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj.ToList())
                {
                    if (key == "headers" && value is JsonObject headerMap && !ReferenceEquals(value, components))
                    {
                        foreach (var (name, header) in headerMap.ToList())
                        {
                            if (Target(header) is { } target && components[target] is JsonObject component)
                            {
                                headerMap[name] = component.DeepClone();
                            }
                        }
                    }

                    Visit(value, components);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Visit(item, components);
                }

                break;
        }
    }

    private static string? Target(JsonNode? header)
        => header is JsonObject obj && obj["$ref"] is JsonValue value && value.GetValueKind() == JsonValueKind.String && ((string)value!).StartsWith(Prefix, StringComparison.Ordinal)
            ? SourceMap.Unescape(((string)value!)[Prefix.Length..])
            : null;
}
