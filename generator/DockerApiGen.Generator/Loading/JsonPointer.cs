using System.Globalization;
using System.Text.Json.Nodes;

namespace DockerApiGen.Generator.Loading;

/// <summary>Resolves RFC 6901 JSON pointers (<c>/definitions/Foo/properties/Bar</c>) in a JSON tree.</summary>
public static class JsonPointer
{
    /// <summary>The node a pointer names, or null when any step is missing.</summary>
    /// <param name="root">The document.</param>
    /// <param name="pointer">The pointer; empty for the root.</param>
    public static JsonNode? Resolve(JsonNode root, string pointer)
    {
        ArgumentNullException.ThrowIfNull(pointer);
        var current = root;
        if (pointer.Length == 0)
        {
            return current;
        }

        foreach (var token in pointer.TrimStart('/').Split('/').Select(SourceMap.Unescape))
        {
            current = current switch
            {
                JsonObject obj => obj.TryGetPropertyValue(token, out var next) ? next : null,
                JsonArray array when int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < array.Count => array[index],
                _ => null,
            };
            if (current is null)
            {
                return null;
            }
        }

        return current;
    }
}
