using System.Text.Json;
using System.Text.Json.Nodes;
using DockerApiGen.Generator.Diagnostics;

namespace DockerApiGen.Generator.Loading;

/// <summary>
/// Structural checks that NSwag either does not make or reports without a location: every local
/// <c>$ref</c> resolves, every schema <c>type</c> is one Swagger 2.0 knows, operation ids are unique.
/// All problems are collected in one pass and reported with file, line and JSON pointer.
/// </summary>
public static class SpecValidator
{
    private static readonly HashSet<string> KnownTypes = new(StringComparer.Ordinal)
    {
        "string", "integer", "number", "boolean", "array", "object", "file", "null",
    };

    private static readonly HashSet<string> HttpMethods = new(StringComparer.Ordinal)
    {
        "get", "put", "post", "delete", "options", "head", "patch",
    };

    /// <summary>Checks a loaded spec document.</summary>
    /// <param name="document">The document (after patches).</param>
    /// <param name="map">Where its nodes came from.</param>
    /// <exception cref="GenerationException">Any check failed.</exception>
    public static void Validate(JsonObject document, SourceMap map)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(map);
        var problems = new List<SpecProblem>();
        if (document["swagger"]?.GetValueKind() != JsonValueKind.String || (string?)document["swagger"] != "2.0")
        {
            problems.Add(Problem(map, string.Empty, "The document is not a Swagger 2.0 spec (no `swagger: \"2.0\"`)."));
        }

        Walk(document, document, string.Empty, map, problems);
        CheckOperationIds(document, map, problems);
        if (problems.Count > 0)
        {
            throw new GenerationException(problems);
        }
    }

    private static void Walk(JsonObject root, JsonNode? node, string pointer, SourceMap map, List<SpecProblem> problems)
    {
        if (node is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                Walk(root, array[i], $"{pointer}/{i}", map, problems);
            }

            return;
        }

        if (node is not JsonObject obj)
        {
            return;
        }

        var isPropertyMap = pointer.EndsWith("/properties", StringComparison.Ordinal) || pointer.EndsWith("/definitions", StringComparison.Ordinal);
        foreach (var (key, value) in obj)
        {
            var childPointer = pointer + "/" + SourceMap.Escape(key);
            if (!isPropertyMap && IsOpaque(key))
            {
                continue; // Examples, defaults, enums and vendor extensions hold data, not schema.
            }

            if (!isPropertyMap && key == "$ref")
            {
                CheckReference(root, value, childPointer, map, problems);
                continue;
            }

            if (!isPropertyMap && key == "type" && pointer.Length > 0)
            {
                CheckType(value, childPointer, map, problems);
                continue;
            }

            Walk(root, value, childPointer, map, problems);
        }
    }

    private static bool IsOpaque(string key)
        => key is "example" or "examples" or "default" or "enum" or "securityDefinitions" || key.StartsWith("x-", StringComparison.Ordinal);

    private static void CheckReference(JsonObject root, JsonNode? value, string pointer, SourceMap map, List<SpecProblem> problems)
    {
        if (value?.GetValueKind() != JsonValueKind.String)
        {
            problems.Add(Problem(map, pointer, "A $ref must be a string."));
            return;
        }

        var target = (string)value!;
        if (!target.StartsWith("#/", StringComparison.Ordinal))
        {
            problems.Add(Problem(map, pointer, $"The reference '{target}' is not local; only '#/…' references are supported."));
            return;
        }

        if (JsonPointer.Resolve(root, target[1..]) is null)
        {
            problems.Add(Problem(map, pointer, $"The reference '{target}' points at nothing.", "Fix the reference or add the definition it names."));
        }
    }

    private static void CheckType(JsonNode? value, string pointer, SourceMap map, List<SpecProblem> problems)
    {
        IEnumerable<JsonNode?> names = value is JsonArray many ? many : new[] { value };
        foreach (var name in names)
        {
            if (name?.GetValueKind() != JsonValueKind.String)
            {
                if (value is JsonObject)
                {
                    return; // A property literally named "type", reached outside a properties map: not a keyword.
                }

                problems.Add(Problem(map, pointer, "A schema type must be a string or a list of strings."));
                continue;
            }

            var text = (string)name!;
            if (!KnownTypes.Contains(text))
            {
                problems.Add(Problem(map, pointer, $"Unknown schema type '{text}'.", "Swagger 2.0 types are string, integer, number, boolean, array, object and file."));
            }
        }
    }

    private static void CheckOperationIds(JsonObject document, SourceMap map, List<SpecProblem> problems)
    {
        if (document["paths"] is not JsonObject paths)
        {
            problems.Add(Problem(map, string.Empty, "The spec has no paths."));
            return;
        }

        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (path, item) in paths)
        {
            if (item is not JsonObject methods)
            {
                continue;
            }

            foreach (var (method, operation) in methods)
            {
                if (!HttpMethods.Contains(method))
                {
                    continue;
                }

                var pointer = $"/paths/{SourceMap.Escape(path)}/{method}";
                if (operation?["operationId"] is not JsonValue idValue || idValue.GetValueKind() != JsonValueKind.String)
                {
                    problems.Add(Problem(map, pointer, "The operation has no operationId.", "Every operation needs one: it names the generated method."));
                    continue;
                }

                var id = (string)idValue!;
                if (seen.TryGetValue(id, out var first))
                {
                    problems.Add(Problem(map, pointer + "/operationId", $"Duplicate operationId '{id}' (first used at {first})."));
                }
                else
                {
                    seen[id] = pointer;
                }
            }
        }
    }

    private static SpecProblem Problem(SourceMap map, string pointer, string message, string? hint = null)
    {
        var position = map.Find(pointer);
        return new SpecProblem(map.File, position?.Line, position?.Column, pointer.Length == 0 ? "/" : pointer, message, hint);
    }
}
