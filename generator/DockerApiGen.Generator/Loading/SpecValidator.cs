using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DockerApiGen.Generator.Diagnostics;
using DockerApiGen.Generator.Specs;

namespace DockerApiGen.Generator.Loading;

/// <summary>
/// Structural checks that NSwag either does not make or reports without a location, for Swagger 2.0 and
/// OpenAPI 3.0 documents: every local <c>$ref</c> resolves, every schema <c>type</c> is one the format knows,
/// operation ids are unique, every path template parameter is declared (and only those), security
/// requirements name declared schemes; in OpenAPI 3.0 also parameters have a location of 3.0 and a schema,
/// request bodies have content, and servers have urls. All problems are collected in one pass and reported with
/// file, line, JSON pointer and what to do.
/// </summary>
public static partial class SpecValidator
{
    private static readonly HashSet<string> Swagger2Types = new(StringComparer.Ordinal)
    {
        "string", "integer", "number", "boolean", "array", "object", "file", "null",
    };

    private static readonly HashSet<string> OpenApi3Types = new(StringComparer.Ordinal)
    {
        "string", "integer", "number", "boolean", "array", "object",
    };

    private static readonly HashSet<string> HttpMethods = new(StringComparer.Ordinal)
    {
        "get", "put", "post", "delete", "options", "head", "patch", "trace",
    };

    /// <summary>Reads the format a document declares (<c>swagger: "2.0"</c> or <c>openapi: 3.0.x</c>).</summary>
    /// <param name="document">The document.</param>
    /// <returns>The format, or null when the document declares neither.</returns>
    public static SpecFormat? FormatOf(JsonObject document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (Text(document["swagger"]) == "2.0")
        {
            return SpecFormat.Swagger2;
        }

        return Text(document["openapi"]) is { } openApi && OpenApi30().IsMatch(openApi) ? SpecFormat.OpenApi3 : null;
    }

    /// <summary>Checks a loaded spec document.</summary>
    /// <param name="document">The document (after patches).</param>
    /// <param name="map">Where its nodes came from.</param>
    /// <returns>The document's format.</returns>
    /// <exception cref="GenerationException">Any check failed.</exception>
    public static SpecFormat Validate(JsonObject document, SourceMap map)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(map);
        var problems = new List<SpecProblem>();
        var format = FormatOf(document);
        if (format is null)
        {
            var declared = Text(document["openapi"]);
            problems.Add(declared is not null
                ? Problem(map, "/openapi", $"OpenAPI {declared} is not supported; the generator reads Swagger 2.0 and OpenAPI 3.0.x.", "Describe the API in OpenAPI 3.0 (openapi: 3.0.3).")
                : Problem(map, string.Empty, "The document is neither a Swagger 2.0 spec (`swagger: \"2.0\"`) nor an OpenAPI 3.0 one (`openapi: 3.0.x`).", "Declare the format on the document's first line."));
            throw new GenerationException(problems);
        }

        var checker = new Checker(document, map, format.Value, problems);
        checker.Walk(document, string.Empty);
        checker.CheckOperations();
        checker.CheckSecurity();
        if (format == SpecFormat.OpenApi3)
        {
            checker.CheckServers();
            checker.CheckComponentRequestBodies();
        }

        return problems.Count > 0 ? throw new GenerationException(problems) : format.Value;
    }

    private static string? Text(JsonNode? node)
        => node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? (string?)value : null;

    private static SpecProblem Problem(SourceMap map, string pointer, string message, string? hint = null)
    {
        var position = map.Find(pointer);
        return new SpecProblem(map.File, position?.Line, position?.Column, pointer.Length == 0 ? "/" : pointer, message, hint);
    }

    [GeneratedRegex(@"^3\.0\.[0-9]+$")]
    private static partial Regex OpenApi30();

    [GeneratedRegex(@"\{([^}/]+)\}")]
    private static partial Regex TemplateParameter();

    [GeneratedRegex("^/components/[^/]+$")]
    private static partial Regex ComponentsMap();

    private sealed class Checker(JsonObject root, SourceMap map, SpecFormat format, List<SpecProblem> problems)
    {
        private readonly HashSet<string> _checkedParameters = new(StringComparer.Ordinal);

        private bool IsOpenApi3 => format == SpecFormat.OpenApi3;

        public void Walk(JsonNode? node, string pointer)
        {
            if (node is JsonArray array)
            {
                for (var i = 0; i < array.Count; i++)
                {
                    Walk(array[i], $"{pointer}/{i}");
                }

                return;
            }

            if (node is not JsonObject obj)
            {
                return;
            }

            var isNameMap = IsNameMap(pointer);
            foreach (var (key, value) in obj)
            {
                var childPointer = pointer + "/" + SourceMap.Escape(key);
                if (!isNameMap && IsOpaque(key))
                {
                    continue; // Examples, defaults, enums and vendor extensions hold data, not schema.
                }

                if (!isNameMap && key == "$ref")
                {
                    CheckReference(value, childPointer);
                    continue;
                }

                if (!isNameMap && key == "type" && pointer.Length > 0)
                {
                    if (CheckType(value, childPointer))
                    {
                        continue;
                    }
                }

                Walk(value, childPointer);
            }
        }

        /// <summary>Maps whose keys are names the spec's authors chose, never keywords (a parameter component may be called "type").</summary>
        private static bool IsNameMap(string pointer)
            => pointer.EndsWith("/properties", StringComparison.Ordinal) || pointer.EndsWith("/definitions", StringComparison.Ordinal)
                || pointer is "/paths" or "/parameters" or "/responses" || ComponentsMap().IsMatch(pointer);

        private static bool IsOpaque(string key)
            => key is "example" or "examples" or "default" or "enum" or "securityDefinitions" or "securitySchemes" || key.StartsWith("x-", StringComparison.Ordinal);

        private void CheckReference(JsonNode? value, string pointer)
        {
            if (Text(value) is not { } target)
            {
                problems.Add(Problem(map, pointer, "A $ref must be a string."));
                return;
            }

            if (!target.StartsWith("#/", StringComparison.Ordinal))
            {
                problems.Add(Problem(map, pointer, $"The reference '{target}' is not local; only '#/…' references are supported.", "Copy the referenced definition into the document."));
                return;
            }

            if (JsonPointer.Resolve(root, target[1..]) is null)
            {
                problems.Add(Problem(map, pointer, $"The reference '{target}' points at nothing.", "Fix the reference or add the definition it names."));
            }
        }

        /// <summary>Checks a <c>type</c> keyword; false when it is not one (a property literally named "type").</summary>
        private bool CheckType(JsonNode? value, string pointer)
        {
            if (value is JsonObject)
            {
                return false;
            }

            var known = IsOpenApi3 ? OpenApi3Types : Swagger2Types;
            if (IsOpenApi3 && value is JsonArray)
            {
                problems.Add(Problem(map, pointer, "OpenAPI 3.0 takes one type per schema, not a list.", "Keep one type; mark a schema that may be null with `nullable: true`."));
                return true;
            }

            IEnumerable<JsonNode?> names = value is JsonArray many ? many : new[] { value };
            foreach (var name in names)
            {
                if (Text(name) is not { } text)
                {
                    problems.Add(Problem(map, pointer, "A schema type must be a string or a list of strings."));
                    continue;
                }

                if (!known.Contains(text))
                {
                    problems.Add(Problem(map, pointer, $"Unknown schema type '{text}'.", IsOpenApi3
                        ? text == "file"
                            ? "OpenAPI 3.0 has no file type: use `type: string` with `format: binary`."
                            : "OpenAPI 3.0 types are string, integer, number, boolean, array and object."
                        : "Swagger 2.0 types are string, integer, number, boolean, array, object and file."));
                }
            }

            return true;
        }

        public void CheckOperations()
        {
            if (root["paths"] is not JsonObject paths)
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

                var pathPointer = $"/paths/{SourceMap.Escape(path)}";
                var pathParameters = Parameters(methods["parameters"], pathPointer + "/parameters");
                foreach (var (method, operation) in methods)
                {
                    if (!HttpMethods.Contains(method) || operation is not JsonObject op)
                    {
                        continue;
                    }

                    var pointer = $"{pathPointer}/{method}";
                    if (op["operationId"] is { } idNode)
                    {
                        if (Text(idNode) is not { Length: > 0 } id)
                        {
                            problems.Add(Problem(map, pointer + "/operationId", "An operationId must be a non-empty string."));
                        }
                        else if (seen.TryGetValue(id, out var first))
                        {
                            problems.Add(Problem(map, pointer + "/operationId", $"Duplicate operationId '{id}' (first used at {first})."));
                        }
                        else
                        {
                            seen[id] = pointer;
                        }
                    }

                    var parameters = Parameters(op["parameters"], pointer + "/parameters");
                    CheckPathParameters(path, pointer, pathParameters.Concat(parameters).ToList());
                    if (op["responses"] is not JsonObject { Count: > 0 })
                    {
                        problems.Add(Problem(map, pointer, "The operation has no responses.", "Declare at least the successful response."));
                    }

                    if (IsOpenApi3 && op["requestBody"] is { } body)
                    {
                        CheckRequestBody(body, pointer + "/requestBody");
                    }
                }
            }
        }

        /// <summary>The parameters of a list, resolved through local references, each with its pointer.</summary>
        private List<(JsonObject Parameter, string Pointer)> Parameters(JsonNode? list, string pointer)
        {
            var result = new List<(JsonObject, string)>();
            if (list is not JsonArray array)
            {
                return result;
            }

            for (var i = 0; i < array.Count; i++)
            {
                var itemPointer = $"{pointer}/{i}";
                if (Resolve(array[i]) is not JsonObject parameter)
                {
                    continue; // A dangling reference is reported by the walk.
                }

                result.Add((parameter, itemPointer));

                // A shared component is checked (and reported) once, where it is declared.
                var declaredAt = Text(array[i]?["$ref"]) is { } target ? target[1..] : itemPointer;
                if (!_checkedParameters.Add(declaredAt))
                {
                    continue;
                }

                var location = Text(parameter["in"]);
                if (Text(parameter["name"]) is null || location is null)
                {
                    problems.Add(Problem(map, declaredAt, "A parameter needs a `name` and an `in`."));
                    continue;
                }

                if (location == "path" && parameter["required"]?.GetValueKind() != JsonValueKind.True)
                {
                    problems.Add(Problem(map, declaredAt, $"The path parameter '{Text(parameter["name"])}' is not marked required.", "A path parameter is always required: add `required: true`."));
                }

                if (IsOpenApi3)
                {
                    if (location is "body" or "formData")
                    {
                        problems.Add(Problem(map, declaredAt + "/in", $"OpenAPI 3.0 has no {location} parameters.", "Describe the body under the operation's `requestBody`."));
                    }
                    else if (location is not ("path" or "query" or "header" or "cookie"))
                    {
                        problems.Add(Problem(map, declaredAt + "/in", $"'{location}' is not a parameter location.", "Use path, query, header or cookie."));
                    }
                    else if (parameter["schema"] is null && parameter["content"] is not JsonObject { Count: > 0 })
                    {
                        problems.Add(Problem(map, declaredAt, $"The parameter '{Text(parameter["name"])}' has neither `schema` nor `content`.", "Give it a schema (OpenAPI 3.0 keeps a parameter's type under `schema`)."));
                    }
                }
            }

            return result;
        }

        private void CheckPathParameters(string path, string pointer, List<(JsonObject Parameter, string Pointer)> parameters)
        {
            var declared = parameters.Where(p => Text(p.Parameter["in"]) == "path").ToList();
            var inTemplate = TemplateParameter().Matches(path).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
            foreach (var name in inTemplate.Where(n => !declared.Any(p => Text(p.Parameter["name"]) == n)))
            {
                problems.Add(Problem(map, pointer, $"The path parameter '{name}' of {path} is not declared.", "Declare it (in: path, required: true) on the path or the operation."));
            }

            foreach (var (parameter, parameterPointer) in declared.Where(p => !inTemplate.Contains(Text(p.Parameter["name"])!)))
            {
                problems.Add(Problem(map, parameterPointer, $"The path parameter '{Text(parameter["name"])}' does not appear in the path {path}.", "Remove it, or name it as the path template does."));
            }
        }

        private void CheckRequestBody(JsonNode? node, string pointer)
        {
            if (Resolve(node) is not JsonObject body)
            {
                return; // A dangling reference is reported by the walk.
            }

            if (body["content"] is not JsonObject { Count: > 0 } content)
            {
                problems.Add(Problem(map, pointer, "The request body has no `content`.", "List its media types, each with a schema (application/json: { schema: … })."));
                return;
            }

            foreach (var (mediaType, value) in content)
            {
                if (value is not JsonObject)
                {
                    problems.Add(Problem(map, $"{pointer}/content/{SourceMap.Escape(mediaType)}", $"The media type '{mediaType}' must be a mapping (with a `schema`)."));
                }
            }
        }

        public void CheckComponentRequestBodies()
        {
            foreach (var (key, body) in root["components"]?["requestBodies"] as JsonObject ?? [])
            {
                CheckRequestBody(body, "/components/requestBodies/" + SourceMap.Escape(key));
            }
        }

        public void CheckSecurity()
        {
            var schemesPointer = IsOpenApi3 ? "/components/securitySchemes" : "/securityDefinitions";
            var schemes = JsonPointer.Resolve(root, schemesPointer) as JsonObject ?? [];
            foreach (var (name, scheme) in schemes)
            {
                CheckScheme(name, scheme, $"{schemesPointer}/{SourceMap.Escape(name)}");
            }

            CheckRequirements(root["security"], "/security", schemes, schemesPointer);
            foreach (var (path, item) in root["paths"] as JsonObject ?? [])
            {
                foreach (var (method, operation) in item as JsonObject ?? [])
                {
                    if (HttpMethods.Contains(method))
                    {
                        CheckRequirements(operation?["security"], $"/paths/{SourceMap.Escape(path)}/{method}/security", schemes, schemesPointer);
                    }
                }
            }
        }

        private void CheckScheme(string name, JsonNode? node, string pointer)
        {
            var type = Text(node?["type"]);
            var types = IsOpenApi3 ? new[] { "apiKey", "http", "oauth2", "openIdConnect" } : ["basic", "apiKey", "oauth2"];
            if (type is null || !types.Contains(type))
            {
                problems.Add(Problem(map, pointer, $"The security scheme '{name}' has no valid `type`.", $"Use one of {string.Join(", ", types)}."));
            }
            else if (type == "http" && Text(node?["scheme"]) is null)
            {
                problems.Add(Problem(map, pointer, $"The http security scheme '{name}' has no `scheme`.", "Name the HTTP authentication scheme (basic, bearer)."));
            }
            else if (type == "apiKey" && (Text(node?["name"]) is null || Text(node?["in"]) is not ("query" or "header" or "cookie")))
            {
                problems.Add(Problem(map, pointer, $"The apiKey security scheme '{name}' needs `name` and `in` (query, header or cookie)."));
            }
        }

        private void CheckRequirements(JsonNode? node, string pointer, JsonObject schemes, string schemesPointer)
        {
            if (node is null)
            {
                return;
            }

            if (node is not JsonArray requirements)
            {
                problems.Add(Problem(map, pointer, "`security` must be a list of requirements."));
                return;
            }

            for (var i = 0; i < requirements.Count; i++)
            {
                foreach (var (name, _) in requirements[i] as JsonObject ?? [])
                {
                    if (!schemes.ContainsKey(name))
                    {
                        problems.Add(Problem(
                            map, $"{pointer}/{i}/{SourceMap.Escape(name)}",
                            $"The security requirement names '{name}', which is not a declared security scheme.",
                            $"Declare it under {schemesPointer}, or fix the name."));
                    }
                }
            }
        }

        public void CheckServers()
        {
            if (root["servers"] is not { } servers)
            {
                return;
            }

            if (servers is not JsonArray list)
            {
                problems.Add(Problem(map, "/servers", "`servers` must be a list."));
                return;
            }

            for (var i = 0; i < list.Count; i++)
            {
                if (Text(list[i]?["url"]) is null)
                {
                    problems.Add(Problem(map, $"/servers/{i}", "A server needs a `url`."));
                }
            }
        }

        private JsonNode? Resolve(JsonNode? node)
        {
            for (var depth = 0; depth < 8 && node is JsonObject obj && Text(obj["$ref"]) is { } target && target.StartsWith("#/", StringComparison.Ordinal); depth++)
            {
                node = JsonPointer.Resolve(root, target[1..]);
            }

            return node;
        }
    }
}
