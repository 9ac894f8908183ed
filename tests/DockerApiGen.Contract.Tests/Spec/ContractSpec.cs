using System.Text.Json.Nodes;
using DockerApiGen.Generator.Loading;
using DockerApiGen.Generator.Specs;

namespace DockerApiGen.Contract.Tests.Spec;

/// <summary>One version's patched spec, indexed for the server: its operations and its schemas.</summary>
/// <param name="Version">The API version (or dated snapshot).</param>
/// <param name="Operations">Every operation, in spec order.</param>
/// <param name="Schemas">Resolves <c>$ref</c> and <c>allOf</c> in the document's schemas.</param>
public sealed record ContractSpec(ApiVersion Version, IReadOnlyList<SpecOperation> Operations, SchemaResolver Schemas)
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "head", "options", "patch"];

    /// <summary>The spec family (<c>engine</c>, <c>hub</c>): which table of wire behaviours answers.</summary>
    public string Family { get; init; } = SpecFamily.DefaultName;

    /// <summary>
    /// What every request path starts with: Swagger 2's <c>basePath</c> (the Engine's <c>/v1.47</c>, the version a
    /// client is pinned to), OpenAPI 3's first server's path (empty for <c>https://hub.docker.com</c>).
    /// </summary>
    public string PathPrefix { get; init; } = string.Empty;

    /// <summary>The security schemes the document declares (OpenAPI 3), by name.</summary>
    public IReadOnlyDictionary<string, JsonObject> SecuritySchemes { get; init; } = new Dictionary<string, JsonObject>();

    /// <summary>The operation with an id.</summary>
    /// <param name="operationId">The spec's operationId.</param>
    /// <exception cref="KeyNotFoundException">The spec has no such operation.</exception>
    public SpecOperation Operation(string operationId)
        => Operations.FirstOrDefault(o => o.OperationId == operationId)
            ?? throw new KeyNotFoundException($"{Version.Label} has no operation {operationId}.");

    /// <summary>Indexes a spec loaded by the generator.</summary>
    /// <param name="spec">The loaded, patched spec.</param>
    /// <param name="family">The spec family.</param>
    /// <param name="idOf">The id of an operation without one (method, path → the generator's id); required for OpenAPI 3 documents that leave ids out.</param>
    public static ContractSpec From(LoadedSpec spec, string family = SpecFamily.DefaultName, Func<string, string, string>? idOf = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var document = spec.Json;
        var isOpenApi3 = spec.Format == SpecFormat.OpenApi3;
        var consumes = StringList(document["consumes"]);
        var produces = StringList(document["produces"]);
        var operations = new List<SpecOperation>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, node) in item!.AsObject())
            {
                if (!Methods.Contains(method))
                {
                    continue;
                }

                var operation = node!.AsObject();
                var id = (string?)operation["operationId"] ?? idOf?.Invoke(method.ToUpperInvariant(), path) ?? throw new InvalidOperationException($"{method.ToUpperInvariant()} {path} has no operationId and no rule names it.");
                operations.Add(isOpenApi3
                    ? OpenApi3Operations.Read(document, path, item.AsObject(), method, operation, id)
                    : new SpecOperation(
                        id,
                        method.ToUpperInvariant(),
                        path,
                        (operation["parameters"]?.AsArray() ?? []).Select(p => SpecParameter.From(p!.AsObject())).ToList(),
                        operation["consumes"] is { } c ? StringList(c) : consumes,
                        operation["produces"] is { } p ? StringList(p) : produces,
                        operation["responses"]!.AsObject()));
            }
        }

        return new ContractSpec(spec.Version, operations, new SchemaResolver(document))
        {
            Family = family,
            PathPrefix = isOpenApi3 ? ServerPath(document) : (string?)document["basePath"] ?? $"/v{spec.Version}",
            SecuritySchemes = isOpenApi3 ? OpenApi3Operations.SecuritySchemes(document) : new Dictionary<string, JsonObject>(),
        };
    }

    /// <summary>The path of the first server's URL, without a trailing slash (empty for a server at the root).</summary>
    private static string ServerPath(JsonObject document)
        => document["servers"]?[0]?["url"] is JsonValue url && Uri.TryCreate((string)url!, UriKind.Absolute, out var uri) ? uri.AbsolutePath.TrimEnd('/') : string.Empty;

    private static List<string> StringList(JsonNode? node) => node?.AsArray().Select(n => (string)n!).ToList() ?? [];
}
