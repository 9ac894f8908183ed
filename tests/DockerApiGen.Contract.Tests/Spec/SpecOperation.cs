using System.Globalization;
using System.Text.Json.Nodes;

namespace DockerApiGen.Contract.Tests.Spec;

/// <summary>One operation of a spec.</summary>
/// <param name="OperationId">The spec's operationId (<c>ContainerList</c>).</param>
/// <param name="Method">The HTTP method, upper case.</param>
/// <param name="PathTemplate">The path without the version prefix (<c>/containers/{id}/json</c>).</param>
/// <param name="Parameters">Its parameters, in spec order.</param>
/// <param name="Consumes">The media types its body may have (the document's when the operation has none).</param>
/// <param name="Produces">The media types it answers with (likewise).</param>
/// <param name="Responses">The spec's responses, keyed by status code.</param>
public sealed record SpecOperation(
    string OperationId,
    string Method,
    string PathTemplate,
    IReadOnlyList<SpecParameter> Parameters,
    IReadOnlyList<string> Consumes,
    IReadOnlyList<string> Produces,
    JsonObject Responses)
{
    /// <summary>The body parameter, if the operation has one.</summary>
    public SpecParameter? Body => Parameters.FirstOrDefault(p => p.In == ParameterLocation.Body);

    /// <summary>The parameters in one location.</summary>
    /// <param name="location">One of <see cref="ParameterLocation"/>'s values.</param>
    public IEnumerable<SpecParameter> In(string location) => Parameters.Where(p => p.In == location);

    /// <summary>
    /// The success response to answer with: the first 2xx the spec lists, preferring one with a schema
    /// (<c>/auth</c> lists 200 with a body and 204 without). Null when the spec lists none (<c>/session</c>
    /// only lists 101).
    /// </summary>
    public (int Status, JsonObject Response)? Success
    {
        get
        {
            var successes = Responses
                .Select(r => (Status: int.Parse(r.Key, CultureInfo.InvariantCulture), Response: r.Value!.AsObject()))
                .Where(r => r.Status is >= 200 and < 300)
                .ToList();
            return successes.Count == 0 ? null : successes.FirstOrDefault(r => r.Response["schema"] is not null, successes[0]);
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"{OperationId} ({Method} {PathTemplate})";
}
