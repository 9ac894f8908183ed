using System.Text;
using System.Text.Json.Nodes;

namespace DockerApiGen.Contract.Tests.Responses;

/// <summary>
/// The default answer: the operation's success status, its declared headers, and a sample of its schema
/// as JSON (or as text when the operation produces no JSON), with the media type an OpenAPI 3 response declares
/// (<c>application/scim+json</c>). <c>/version</c>'s API versions say the version the server plays (the newest)
/// and the oldest a current daemon serves, as a negotiating client reads them.
/// </summary>
public sealed class SchemaResponse : WireBehaviour
{
    /// <summary>The oldest API version the server says it serves (as Docker Engine 25–28 do).</summary>
    public const string OldestServedVersion = "1.24";

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
            if (context.Operation.OperationId == "SystemVersion" && sample is JsonObject version)
            {
                version["ApiVersion"] = context.Spec.Version.ToString();
                version["MinAPIVersion"] = OldestServedVersion;
            }

            var declared = context.Operation.SuccessMediaType;
            var asText = sample is JsonValue && declared is null && !context.Operation.Produces.Contains("application/json");
            headers.Add(new("Content-Type", asText ? "text/plain; charset=utf-8" : declared ?? "application/json"));
            body = Encoding.UTF8.GetBytes(asText ? sample!.ToString() : sample?.ToJsonString() + "\n");
        }

        await Server.HttpResponseWriter.WriteAsync(context.Connection, status, headers, body, context.IsHead, cancellationToken).ConfigureAwait(false);
        return true;
    }
}
