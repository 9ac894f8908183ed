using System.Text.Json;
using System.Text.Json.Nodes;
using DockerApiGen.Generator.Loading;
using DockerApiGen.Generator.Model;
using DockerApiGen.Generator.Naming;
using DockerApiGen.Generator.Specs;
using NSwag;

namespace DockerApiGen.Generator.Parsing;

/// <summary>Operations: parameters (path-level ones included), request bodies, responses and their media types, security.</summary>
public sealed partial class ModelBuilder
{
    private readonly Dictionary<OpenApiParameter, string> _parameterKeys = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<OpenApiResponse, string> _responseKeys = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<OpenApiRequestBody, string> _requestBodyKeys = new(ReferenceEqualityComparer.Instance);

    private bool IsOpenApi3 => _format == SpecFormat.OpenApi3;

    private void IndexComponents()
    {
        foreach (var (key, parameter) in _document.Components.Parameters)
        {
            _parameterKeys[parameter] = key;
        }

        foreach (var (key, response) in _document.Components.Responses)
        {
            _responseKeys[response] = key;
        }

        foreach (var (key, body) in _document.Components.RequestBodies)
        {
            _requestBodyKeys[body] = key;
        }
    }

    private string ComponentPointer(string kind, string key) => $"{_componentsPointer}/{kind}/{SourceMap.Escape(key)}";

    private List<OperationModel> BuildOperations()
    {
        var operations = new List<OperationModel>();
        foreach (var (path, item) in _document.Paths.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            foreach (var (method, operation) in item.OrderBy(m => m.Key, StringComparer.Ordinal))
            {
                operations.Add(BuildOperation(path, item, method, operation));
            }
        }

        foreach (var clash in operations.GroupBy(o => o.OperationId, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var where = string.Join(" and ", clash.Select(o => $"{o.Method} {o.Path}"));
            Report(clash.Last().SchemaPointer, $"The operations {where} both get the id '{clash.Key}'.", $"Name one of them under `operationNames` in {_naming.OperationNames.File} (\"METHOD /path\": {{ area: …, name: … }}).");
        }

        return operations.OrderBy(o => o.OperationId, StringComparer.Ordinal).ToList();
    }

    private OperationModel BuildOperation(string path, OpenApiPathItem item, string method, OpenApiOperation operation)
    {
        var pointer = $"/paths/{SourceMap.Escape(path)}/{method}";
        var pathName = _naming.OperationNames.NameOf(method, path);
        var hasId = !string.IsNullOrWhiteSpace(operation.OperationId);
        var id = hasId ? operation.OperationId : pathName.OperationId;
        var parameters = BuildParameters(path, item, operation, pointer, id);

        RequestBodyModel? requestBody = null;
        if (IsOpenApi3 && operation.RequestBody is { } declaredBody)
        {
            (requestBody, var bodyParameter) = BuildRequestBody(declaredBody, pointer, id);
            parameters.Add(bodyParameter);
        }
        else if (parameters.FirstOrDefault(p => p.Location == ParameterLocation.Body) is { } swaggerBody)
        {
            requestBody = new RequestBodyModel(
                swaggerBody.Description,
                swaggerBody.IsRequired,
                operation.ActualConsumes.Select(mediaType => new ContentModel(mediaType, swaggerBody.Type)).ToList(),
                swaggerBody.SchemaPointer);
        }

        var responses = new List<ResponseModel>();
        foreach (var (code, response) in operation.Responses.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            responses.Add(BuildResponse(code, response, pointer, id, operation));
        }

        return new OperationModel(
            id,
            method.ToUpperInvariant(),
            path,
            operation.Tags.FirstOrDefault() ?? "Default",
            Text(operation.Summary),
            Text(operation.Description),
            operation.IsDeprecated,
            parameters,
            responses,
            IsOpenApi3 ? requestBody?.Contents.Select(c => c.MediaType).ToList() ?? [] : operation.ActualConsumes.ToList(),
            IsOpenApi3 ? responses.SelectMany(r => r.Contents).Select(c => c.MediaType).Distinct(StringComparer.Ordinal).ToList() : operation.ActualProduces.ToList(),
            pointer)
        {
            PathName = pathName,
            HasSpecOperationId = hasId,
            RequestBody = requestBody,
            Security = Requirements(operation.Security ?? _document.Security),
            Tags = operation.Tags.ToList(),
        };
    }

    /// <summary>The path item's parameters, then the operation's (which replace a path parameter of the same name and location).</summary>
    private List<ParameterModel> BuildParameters(string path, OpenApiPathItem item, OpenApiOperation operation, string pointer, string id)
    {
        var declared = new List<(OpenApiParameter Parameter, string Pointer)>();
        declared.AddRange(item.Parameters.Select((p, i) => (p, $"/paths/{SourceMap.Escape(path)}/parameters/{i}")));

        // NSwag lists an OpenAPI 3 request body among the parameters; it is read from requestBody instead.
        var own = operation.Parameters.Where(p => !IsOpenApi3 || p.Kind != OpenApiParameterKind.Body).ToList();
        foreach (var (parameter, index) in own.Select((p, i) => (p, i)))
        {
            declared.RemoveAll(d => d.Parameter.ActualParameter.Name == parameter.ActualParameter.Name && d.Parameter.ActualParameter.Kind == parameter.ActualParameter.Kind);
            declared.Add((parameter, $"{pointer}/parameters/{index}"));
        }

        return declared.Select(d => BuildParameter(d.Parameter, d.Pointer, id)).ToList();
    }

    private ParameterModel BuildParameter(OpenApiParameter declared, string pointer, string id)
    {
        var parameter = declared.ActualParameter;
        var componentKey = declared.Reference is OpenApiParameter target && _parameterKeys.TryGetValue(target, out var key) ? key : null;
        var where = componentKey is null ? pointer : ComponentPointer("parameters", componentKey);
        var (contextName, contextSource) = componentKey is null
            ? (id + Identifiers.ToPascalCase(parameter.Name), NameSource.Context)
            : (Identifiers.ToPascalCase(componentKey), NameSource.Component);
        var location = parameter.Kind switch
        {
            OpenApiParameterKind.Path => ParameterLocation.Path,
            OpenApiParameterKind.Query => ParameterLocation.Query,
            OpenApiParameterKind.Header => ParameterLocation.Header,
            OpenApiParameterKind.Body => ParameterLocation.Body,
            OpenApiParameterKind.FormData => ParameterLocation.FormData,
            OpenApiParameterKind.Cookie => ParameterLocation.Cookie,
            _ => ParameterLocation.Query,
        };
        TypeRef type;
        object? defaultValue = parameter.Default;
        if (IsOpenApi3)
        {
            // OpenAPI 3 keeps a parameter's type under `schema`.
            if (parameter.Schema is null)
            {
                Report(where, $"The parameter '{parameter.Name}' has no schema; parameters described by `content` are not supported.", "Give it a `schema` with a patch.");
            }

            type = Resolve(parameter.Schema, contextName, where + "/schema", contextSource);
            defaultValue ??= parameter.Schema?.Default;
        }
        else
        {
            type = location == ParameterLocation.Body
                ? Resolve(parameter.Schema, id + "Request", where + "/schema")
                : Resolve(parameter, contextName, where, contextSource);
        }

        var json = JsonPointer.Resolve(_json, where) as JsonObject;
        return new ParameterModel(
            parameter.Name,
            Identifiers.ToCamelCase(parameter.Name),
            location,
            type,
            parameter.IsRequired,
            defaultValue is null ? null : Newtonsoft.Json.JsonConvert.SerializeObject(defaultValue),
            Text(parameter.Description),
            pointer)
        {
            IsDeprecated = parameter.IsDeprecated,
            Style = json?["style"] is JsonValue style && style.GetValueKind() == JsonValueKind.String ? (string?)style : null,
            Explode = json?["explode"] is JsonValue explode && explode.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? (bool)explode : null,
            ComponentKey = componentKey,
        };
    }

    private (RequestBodyModel Body, ParameterModel Parameter) BuildRequestBody(OpenApiRequestBody declared, string pointer, string id)
    {
        var body = declared.ActualRequestBody;
        var componentKey = declared.Reference is { } target && _requestBodyKeys.TryGetValue(target, out var key) ? key : null;
        var contents = componentKey is null
            ? BuildContents(body.Content, pointer + "/requestBody", id + "Request", NameSource.Context)
            : BuildContents(body.Content, ComponentPointer("requestBodies", componentKey), Identifiers.ToPascalCase(componentKey), NameSource.Component);
        var model = new RequestBodyModel(Text(body.Description), body.IsRequired, contents, pointer + "/requestBody") { ComponentKey = componentKey };
        var name = string.IsNullOrWhiteSpace(body.ActualName) ? "body" : body.ActualName;
        var parameter = new ParameterModel(
            name,
            Identifiers.ToCamelCase(name),
            ParameterLocation.Body,
            PrimaryType(contents) ?? new AnyRef(),
            body.IsRequired,
            null,
            model.Description,
            model.SchemaPointer)
        {
            ComponentKey = componentKey,
        };
        return (model, parameter);
    }

    private ResponseModel BuildResponse(string code, OpenApiResponse declared, string pointer, string id, OpenApiOperation operation)
    {
        var actual = declared.ActualResponse;
        var responsePointer = $"{pointer}/responses/{SourceMap.Escape(code)}";
        var role = code.StartsWith('2') ? "Response" : "Error" + code + "Response";
        if (!IsOpenApi3)
        {
            var body = actual.Schema is null ? null : Resolve(actual.Schema, id + role, responsePointer + "/schema");
            var swaggerHeaders = actual.Headers
                .OrderBy(h => h.Key, StringComparer.Ordinal)
                .Select(h => new HeaderModel(h.Key, Resolve(h.Value, id + Identifiers.ToPascalCase(h.Key) + "Header", $"{responsePointer}/headers/{SourceMap.Escape(h.Key)}"), Text(h.Value.Description)))
                .ToList();
            return new ResponseModel(code, Text(actual.Description), body, swaggerHeaders)
            {
                Contents = body is null ? [] : operation.ActualProduces.Select(mediaType => new ContentModel(mediaType, body)).ToList(),
            };
        }

        var componentKey = declared.Reference is { } target && _responseKeys.TryGetValue(target, out var key) ? key : null;
        var (basePointer, contextName, source) = componentKey is null
            ? (responsePointer, id + role, NameSource.Context)
            : (ComponentPointer("responses", componentKey), Identifiers.ToPascalCase(componentKey), NameSource.Component);
        var contents = BuildContents(actual.Content, basePointer, contextName, source);
        var headers = actual.Headers
            .OrderBy(h => h.Key, StringComparer.Ordinal)
            .Select(h => new HeaderModel(
                h.Key,
                Resolve(h.Value.Schema ?? h.Value, contextName + Identifiers.ToPascalCase(h.Key) + "Header", $"{basePointer}/headers/{SourceMap.Escape(h.Key)}/schema", source),
                Text(h.Value.Description)))
            .ToList();
        return new ResponseModel(code, Text(actual.Description), PrimaryType(contents), headers)
        {
            Contents = contents,
            ComponentKey = componentKey,
        };
    }

    /// <summary>
    /// Each media type's schema. The JSON media type's inline schema takes the context name; another media type's
    /// inline schema takes it with the media type's subtype appended (<c>…Csv</c>), so that each name stays stable.
    /// </summary>
    private List<ContentModel> BuildContents(IDictionary<string, OpenApiMediaType> content, string basePointer, string contextName, NameSource source)
    {
        var primary = PrimaryMediaType(content.Keys);
        return content
            .Select(c => new ContentModel(
                c.Key,
                c.Value.Schema is null
                    ? null
                    : Resolve(c.Value.Schema, c.Key == primary ? contextName : contextName + MediaTypeSuffix(c.Key), $"{basePointer}/content/{SourceMap.Escape(c.Key)}/schema", source)))
            .ToList();
    }

    private static TypeRef? PrimaryType(IReadOnlyList<ContentModel> contents)
    {
        var primary = PrimaryMediaType(contents.Select(c => c.MediaType));
        return contents.FirstOrDefault(c => c.MediaType == primary)?.Type;
    }

    /// <summary>The media type whose schema is the body's type: JSON first (<c>application/json</c>, then any <c>+json</c>), else the first listed.</summary>
    private static string? PrimaryMediaType(IEnumerable<string> mediaTypes)
    {
        var list = mediaTypes.ToList();
        return list.FirstOrDefault(m => m.Split(';')[0].Trim().Equals("application/json", StringComparison.OrdinalIgnoreCase))
            ?? list.FirstOrDefault(m => m.Split(';')[0].Trim().EndsWith("json", StringComparison.OrdinalIgnoreCase))
            ?? list.FirstOrDefault();
    }

    private static string MediaTypeSuffix(string mediaType)
    {
        var subtype = mediaType.Split(';')[0].Split('/').Last();
        return Identifiers.ToPascalCase(subtype.Replace("+json", string.Empty, StringComparison.OrdinalIgnoreCase));
    }

    private static IReadOnlyList<SecurityRequirementModel> Requirements(ICollection<OpenApiSecurityRequirement>? requirements)
        => requirements?.Select(r => new SecurityRequirementModel(
                r.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => new SecuritySchemeUse(s.Key, s.Value?.ToList() ?? [])).ToList()))
            .ToList() ?? [];
}
