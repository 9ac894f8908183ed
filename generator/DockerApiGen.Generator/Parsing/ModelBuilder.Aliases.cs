using System.Text.Json;
using System.Text.Json.Nodes;
using DockerApiGen.Generator.Model;
using NJsonSchema;

namespace DockerApiGen.Generator.Parsing;

/// <summary>
/// Schema components that are only another name for one another (the Hub's <c>createAccessTokensResponse: {$ref:
/// accessToken}</c>): they are not types of their own, every use of either name is the target's type, and the
/// target keeps its own key (NSwag may hand back the target's instance for the alias, which would otherwise give
/// the target the alias's name).
/// </summary>
public sealed partial class ModelBuilder
{
    /// <summary>The key an alias component refers to, or null when the component is a schema of its own.</summary>
    /// <param name="key">The component (definition) key.</param>
    private string? AliasTarget(string key)
    {
        var node = _json.GetPropertyValue(_schemasPointer.Trim('/').Split('/'))?[key] as JsonObject;
        if (node is not { Count: 1 } || node["$ref"] is not JsonValue reference || reference.GetValueKind() != JsonValueKind.String)
        {
            return null;
        }

        var prefix = "#" + _schemasPointer + "/";
        var target = (string)reference!;
        return target.StartsWith(prefix, StringComparison.Ordinal) && _document.Definitions.ContainsKey(target[prefix.Length..]) ? target[prefix.Length..] : null;
    }

    /// <summary>Registers the keys of the document's schemas by instance, aliases last so that a shared instance keeps its own key.</summary>
    private void IndexDefinitions()
    {
        foreach (var (key, schema) in _document.Definitions.OrderBy(d => AliasTarget(d.Key) is null ? 0 : 1))
        {
            _definitionKeys.TryAdd(schema, key);
        }
    }

    /// <summary>The type of an alias component: its target's.</summary>
    /// <param name="key">The component key.</param>
    /// <param name="pointer">The component's pointer.</param>
    private TypeRef? ResolveAlias(string key, string pointer)
    {
        if (AliasTarget(key) is not { } target)
        {
            return null;
        }

        var resolved = ResolveDefinition(target);
        _refsByPointer[pointer] = resolved;
        return resolved;
    }

    /// <summary>A reference NSwag left pointing at an alias's own schema object is followed to the schema it names.</summary>
    /// <param name="target">The referenced schema.</param>
    private JsonSchema FollowAliases(JsonSchema target)
    {
        for (var hops = 0; !_definitionKeys.ContainsKey(target) && target.Reference is { } next && hops < 16; hops++)
        {
            target = next;
        }

        return target;
    }
}

/// <summary>Reading the patched document by keys.</summary>
internal static class JsonNodePaths
{
    /// <summary>The node under a path of keys, or null.</summary>
    /// <param name="node">Where to start.</param>
    /// <param name="keys">The keys.</param>
    public static JsonNode? GetPropertyValue(this JsonNode? node, IEnumerable<string> keys)
    {
        foreach (var key in keys)
        {
            node = node is JsonObject obj ? obj[key] : null;
        }

        return node;
    }
}
