using System.Text.Json;
using System.Text.Json.Nodes;
using DockerApiGen.Generator.Loading;
using DockerApiGen.Generator.Model;
using DockerApiGen.Generator.Naming;
using NSwag;

namespace DockerApiGen.Generator.Parsing;

/// <summary>What the document says besides types and operations: servers, security schemes, component names.</summary>
public sealed partial class ModelBuilder
{
    /// <summary>
    /// Components of one kind whose keys give the same C# name (<c>Unauthorized</c> and <c>unauthorized</c>,
    /// <c>BadRequest</c> and <c>bad_request</c>) would be indistinguishable in generated code (and on file
    /// systems that ignore case): each must be renamed by a patch. Schemas are checked as types are named.
    /// </summary>
    private void CheckComponentNames()
    {
        var kinds = new (string Kind, string Noun, IEnumerable<string> Keys)[]
        {
            ("responses", "response", _document.Components.Responses.Keys),
            ("parameters", "parameter", _document.Components.Parameters.Keys),
            ("requestBodies", "request body", _document.Components.RequestBodies.Keys),
        };
        foreach (var (kind, noun, keys) in kinds)
        {
            foreach (var clash in keys.GroupBy(Identifiers.ToPascalCase, StringComparer.Ordinal).Where(g => g.Count() > 1))
            {
                var names = string.Join(" and ", clash.Select(k => $"'{k}'"));
                var onlyCase = clash.Select(k => k.ToUpperInvariant()).Distinct().Count() == 1 ? " (they differ only in case)" : string.Empty;
                Report(
                    ComponentPointer(kind, clash.Last()),
                    $"The {noun} components {names} {(clash.Count() == 2 ? "both" : "all")} give the C# name '{clash.Key}'{onlyCase}.",
                    "Rename one with a `renameTo` patch in the family's patches (every $ref follows).");
            }
        }
    }

    /// <summary>OpenAPI 3 <c>servers</c>; for Swagger 2, the url made of <c>schemes</c>, <c>host</c> and <c>basePath</c>.</summary>
    private List<ServerModel> BuildServers()
    {
        if (IsOpenApi3)
        {
            return (_json["servers"] as JsonArray ?? [])
                .OfType<JsonObject>()
                .Select(server => new ServerModel(
                    String(server["url"]) ?? string.Empty,
                    Text(String(server["description"])),
                    (server["variables"] as JsonObject ?? [])
                        .Select(v => new ServerVariableModel(
                            v.Key,
                            String(v.Value?["default"]) ?? string.Empty,
                            (v.Value?["enum"] as JsonArray ?? []).Select(String).OfType<string>().ToList(),
                            Text(String(v.Value?["description"]))))
                        .ToList()))
                .ToList();
        }

        var basePath = String(_json["basePath"]) ?? string.Empty;
        if (String(_json["host"]) is not { } host)
        {
            return basePath.Length == 0 ? [] : [new ServerModel(basePath, null, [])];
        }

        var schemes = (_json["schemes"] as JsonArray ?? []).Select(String).OfType<string>().ToList();
        return (schemes.Count == 0 ? ["https"] : schemes).Select(scheme => new ServerModel($"{scheme}://{host}{basePath}", null, [])).ToList();
    }

    private List<SecuritySchemeModel> BuildSecuritySchemes()
    {
        var schemes = new List<SecuritySchemeModel>();
        foreach (var (key, scheme) in _document.Components.SecuritySchemes.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            var pointer = IsOpenApi3 ? ComponentPointer("securitySchemes", key) : "/securityDefinitions/" + SourceMap.Escape(key);
            var kind = scheme.Type switch
            {
                OpenApiSecuritySchemeType.Http => SecuritySchemeKind.Http,
                OpenApiSecuritySchemeType.Basic => SecuritySchemeKind.Basic,
                OpenApiSecuritySchemeType.ApiKey => SecuritySchemeKind.ApiKey,
                OpenApiSecuritySchemeType.OAuth2 => SecuritySchemeKind.OAuth2,
                OpenApiSecuritySchemeType.OpenIdConnect => SecuritySchemeKind.OpenIdConnect,
                _ => (SecuritySchemeKind?)null,
            };
            if (kind is null)
            {
                Report(pointer, $"The security scheme '{key}' has a type the generator does not know.");
                continue;
            }

            var flows = new List<OAuthFlowModel>();
            if (scheme.Flows is { } declared)
            {
                foreach (var (name, flow) in new[] { ("implicit", declared.Implicit), ("password", declared.Password), ("clientCredentials", declared.ClientCredentials), ("authorizationCode", declared.AuthorizationCode) })
                {
                    if (flow is not null)
                    {
                        flows.Add(new OAuthFlowModel(name, flow.AuthorizationUrl, flow.TokenUrl, flow.RefreshUrl, flow.Scopes?.Keys.Order(StringComparer.Ordinal).ToList() ?? []));
                    }
                }
            }

            schemes.Add(new SecuritySchemeModel(key, kind.Value, Text(scheme.Description), pointer)
            {
                Scheme = scheme.Scheme?.ToLowerInvariant(),
                BearerFormat = scheme.BearerFormat,
                In = scheme.Type == OpenApiSecuritySchemeType.ApiKey ? scheme.In.ToString().ToLowerInvariant() : null,
                ParameterName = scheme.Type == OpenApiSecuritySchemeType.ApiKey ? scheme.Name : null,
                OpenIdConnectUrl = scheme.OpenIdConnectUrl,
                Flows = flows,
            });
        }

        return schemes;
    }

    private static string? String(JsonNode? node)
        => node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? (string?)value : null;
}
