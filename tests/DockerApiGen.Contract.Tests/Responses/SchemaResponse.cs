using System.Text;
using System.Text.Json.Nodes;

namespace DockerApiGen.Contract.Tests.Responses;

/// <summary>
/// The default answer: the operation's success status, its declared headers, and a sample of its schema
/// as JSON (or as text when the operation produces no JSON), with the media type an OpenAPI 3 response declares
/// (<c>application/scim+json</c>).
/// </summary>
public sealed class SchemaResponse : WireBehaviour
{
    /// <summary>The one instance.</summary>
    public static SchemaResponse Instance { get; } = new();

    private SchemaResponse()
    {
    }

    /// <inheritdoc />
    public override async Task<bool> RespondAsync(ResponseContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (status, response) = context.Operation.Success ?? (200, new JsonObject());
        var headers = ResponseHeaders.Declared(response, context).Concat(context.ExtraHeaders).ToList();
        var body = ReadOnlyMemory<byte>.Empty;
        if (response["schema"] is { } schema)
        {
            var sample = context.Samples.For(schema);
            var declared = context.Operation.SuccessMediaType;
            var asText = sample is JsonValue && declared is null && !context.Operation.Produces.Contains("application/json");
            headers.Add(new("Content-Type", asText ? "text/plain; charset=utf-8" : declared ?? "application/json"));
            body = Encoding.UTF8.GetBytes(asText ? sample!.ToString() : sample?.ToJsonString() + "\n");
        }

        await Server.HttpResponseWriter.WriteAsync(context.Connection, status, headers, body, context.IsHead, cancellationToken).ConfigureAwait(false);
        return true;
    }
}
