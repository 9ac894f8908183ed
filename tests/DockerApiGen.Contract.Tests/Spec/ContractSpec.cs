using System.Text.Json.Nodes;
using DockerApiGen.Generator.Loading;
using DockerApiGen.Generator.Specs;

namespace DockerApiGen.Contract.Tests.Spec;

/// <summary>One version's patched spec, indexed for the server: its operations and its schemas.</summary>
/// <param name="Version">The API version; requests must carry it as their <c>/v1.NN</c> path prefix.</param>
/// <param name="Operations">Every operation, in spec order.</param>
/// <param name="Schemas">Resolves <c>$ref</c> and <c>allOf</c> in the document's schemas.</param>
public sealed record ContractSpec(ApiVersion Version, IReadOnlyList<SpecOperation> Operations, SchemaResolver Schemas)
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "head", "options", "patch"];

    /// <summary>The operation with an id.</summary>
    /// <param name="operationId">The spec's operationId.</param>
    /// <exception cref="KeyNotFoundException">The spec has no such operation.</exception>
    public SpecOperation Operation(string operationId)
        => Operations.FirstOrDefault(o => o.OperationId == operationId)
            ?? throw new KeyNotFoundException($"v{Version} has no operation {operationId}.");

    /// <summary>Indexes a spec loaded by the generator.</summary>
    /// <param name="spec">The loaded, patched spec.</param>
    public static ContractSpec From(LoadedSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var document = spec.Json;
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
                operations.Add(new SpecOperation(
                    (string)operation["operationId"]!,
                    method.ToUpperInvariant(),
                    path,
                    (operation["parameters"]?.AsArray() ?? []).Select(p => SpecParameter.From(p!.AsObject())).ToList(),
                    operation["consumes"] is { } c ? StringList(c) : consumes,
                    operation["produces"] is { } p ? StringList(p) : produces,
                    operation["responses"]!.AsObject()));
            }
        }

        return new ContractSpec(spec.Version, operations, new SchemaResolver(document));
    }

    private static List<string> StringList(JsonNode? node) => node?.AsArray().Select(n => (string)n!).ToList() ?? [];
}
