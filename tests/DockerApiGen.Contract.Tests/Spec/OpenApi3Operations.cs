using System.Text.Json.Nodes;

namespace DockerApiGen.Contract.Tests.Spec;

/// <summary>
/// Reads an OpenAPI 3 operation into the shape the server works with (Swagger 2's, which the Engine specs have):
/// path-level and operation parameters with <c>#/components/parameters</c> followed, the request body (a
/// <c>#/components/requestBodies</c> reference followed) as a body parameter with a schema per media type, each
/// response (a <c>#/components/responses</c> reference followed) as <c>schema</c> and <c>headers</c> of its JSON
/// media type (else its first) with that media type beside them, and the security requirements in force.
/// </summary>
public static class OpenApi3Operations
{
    /// <summary>The key of a normalised response's media type.</summary>
    public const string MediaTypeKey = "x-media-type";

    /// <summary>Reads one operation.</summary>
    /// <param name="document">The patched document.</param>
    /// <param name="path">The path template.</param>
    /// <param name="item">The path item (its parameters apply to every operation).</param>
    /// <param name="method">The method, lower case.</param>
    /// <param name="operation">The operation node.</param>
    /// <param name="operationId">The id the generator gives it (the spec's, or one from method and path).</param>
    public static SpecOperation Read(JsonObject document, string path, JsonObject item, string method, JsonObject operation, string operationId)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(operation);
        var parameters = new List<SpecParameter>();
        foreach (var node in (item["parameters"]?.AsArray() ?? []).Concat(operation["parameters"]?.AsArray() ?? []))
        {
            var parameter = SpecParameter.From(Parameter(document, node!.AsObject()));
            parameters.RemoveAll(p => p.Name == parameter.Name && p.In == parameter.In); // the operation's replaces the path's
            parameters.Add(parameter);
        }

        IReadOnlyDictionary<string, JsonNode?>? bodyContents = null;
        if (operation["requestBody"] is JsonObject declaredBody)
        {
            var body = Follow(document, declaredBody, "requestBodies");
            var contents = (body["content"]?.AsObject() ?? []).ToDictionary(c => c.Key, c => c.Value?["schema"]?.DeepClone(), StringComparer.OrdinalIgnoreCase);
            bodyContents = contents;
            var first = contents.Values.FirstOrDefault();
            parameters.Add(new SpecParameter("body", ParameterLocation.Body, (bool?)body["required"] ?? false, (string?)body["description"] ?? string.Empty, new JsonObject { ["schema"] = first?.DeepClone() }));
        }

        var responses = new JsonObject();
        foreach (var (status, declared) in operation["responses"]?.AsObject() ?? [])
        {
            responses[status] = Response(document, declared!.AsObject());
        }

        var produces = responses.Select(r => (string?)r.Value?[MediaTypeKey]).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return new SpecOperation(operationId, method.ToUpperInvariant(), path, parameters, bodyContents?.Keys.ToList() ?? [], produces, responses)
        {
            BodyContents = bodyContents,
            Security = Requirements(operation["security"] ?? document["security"]),
        };
    }

    /// <summary>The security schemes the document declares, by name.</summary>
    /// <param name="document">The patched document.</param>
    public static IReadOnlyDictionary<string, JsonObject> SecuritySchemes(JsonObject document)
        => (document?["components"]?["securitySchemes"]?.AsObject() ?? []).ToDictionary(s => s.Key, s => s.Value!.AsObject(), StringComparer.Ordinal);

    /// <summary>A parameter with its component followed and its schema's <c>$ref</c> resolved in place (the value checks read it directly).</summary>
    private static JsonObject Parameter(JsonObject document, JsonObject declared)
    {
        var parameter = Follow(document, declared, "parameters").DeepClone().AsObject();
        if (parameter["schema"] is JsonObject { } schema && schema["$ref"] is JsonValue reference)
        {
            var name = ((string)reference!).Split('/')[^1];
            parameter["schema"] = document["components"]?["schemas"]?[name]?.DeepClone() ?? throw new InvalidOperationException($"$ref '{reference}' names no schema.");
        }

        return parameter;
    }

    /// <summary>A response as Swagger 2 writes it: <c>schema</c> and <c>headers</c> (each its schema, with the spec's example as <c>default</c>), plus its media type.</summary>
    private static JsonObject Response(JsonObject document, JsonObject declared)
    {
        var response = Follow(document, declared, "responses");
        var normalized = new JsonObject { ["description"] = response["description"]?.DeepClone() };
        var contents = response["content"]?.AsObject() ?? [];
        var chosen = contents.FirstOrDefault(c => c.Key.Equals("application/json", StringComparison.OrdinalIgnoreCase));
        if (chosen.Key is null && contents.Count > 0)
        {
            chosen = contents.First();
        }

        if (chosen.Key is not null)
        {
            normalized[MediaTypeKey] = chosen.Key;
            if (chosen.Value?["schema"] is { } schema)
            {
                normalized["schema"] = schema.DeepClone();
            }
        }

        if (response["headers"] is JsonObject headers)
        {
            var written = new JsonObject();
            foreach (var (name, header) in headers)
            {
                var schema = header?["schema"]?.DeepClone().AsObject() ?? new JsonObject { ["type"] = "string" };
                if (header?["example"] is { } example)
                {
                    schema["default"] = example.DeepClone();
                }

                written[name] = schema;
            }

            normalized["headers"] = written;
        }

        return normalized;
    }

    /// <summary>Follows a <c>#/components/{kind}/…</c> reference (and chains of them).</summary>
    private static JsonObject Follow(JsonObject document, JsonObject node, string kind)
    {
        for (var hops = 0; node["$ref"] is JsonValue reference; hops++)
        {
            var target = (string)reference!;
            var prefix = $"#/components/{kind}/";
            if (!target.StartsWith(prefix, StringComparison.Ordinal) || hops > 16)
            {
                throw new InvalidOperationException($"Cannot follow $ref '{target}'.");
            }

            node = document["components"]?[kind]?[target[prefix.Length..]]?.AsObject() ?? throw new InvalidOperationException($"$ref '{target}' names nothing.");
        }

        return node;
    }

    /// <summary>The requirements: each a list of scheme names (all needed); an empty one allows anonymous calls; null when nothing is declared.</summary>
    private static IReadOnlyList<IReadOnlyList<string>>? Requirements(JsonNode? security)
        => security?.AsArray().Select(r => (IReadOnlyList<string>)[.. r!.AsObject().Select(s => s.Key)]).ToList();
}
