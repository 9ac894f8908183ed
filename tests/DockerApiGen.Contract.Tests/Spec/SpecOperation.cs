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
    /// <summary>
    /// OpenAPI 3: each media type the request body may be sent as, with its schema; null for Swagger 2, whose body
    /// parameter carries one schema and whose media types are <see cref="Consumes"/>.
    /// </summary>
    public IReadOnlyDictionary<string, JsonNode?>? BodyContents { get; init; }

    /// <summary>
    /// The security requirements in force (the operation's, else the document's): any one requirement satisfies, every
    /// scheme of it is needed, an empty one allows anonymous calls; null when the spec declares none.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>>? Security { get; init; }

    /// <summary>Whether the spec declares security and every requirement needs some scheme (no anonymous alternative).</summary>
    public bool RequiresAuthentication => Security is { Count: > 0 } requirements && requirements.All(r => r.Count > 0);

    /// <summary>Whether the spec says explicitly that the operation takes no credentials (<c>security: []</c>, the token endpoints).</summary>
    public bool IsAnonymousByDeclaration => Security is { Count: 0 };

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
                .Where(r => int.TryParse(r.Key, NumberStyles.None, CultureInfo.InvariantCulture, out _)) // not `default`
                .Select(r => (Status: int.Parse(r.Key, CultureInfo.InvariantCulture), Response: r.Value!.AsObject()))
                .Where(r => r.Status is >= 200 and < 300)
                .ToList();
            return successes.Count == 0 ? null : successes.FirstOrDefault(r => r.Response["schema"] is not null, successes[0]);
        }
    }

    /// <summary>The media type of the success answer (OpenAPI 3), or null (Swagger 2: see <see cref="Produces"/>).</summary>
    public string? SuccessMediaType => (string?)Success?.Response[OpenApi3Operations.MediaTypeKey];

    /// <inheritdoc />
    public override string ToString() => $"{OperationId} ({Method} {PathTemplate})";
}
