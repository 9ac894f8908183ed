namespace DockerApiGen.Contract.Tests.Responses;

/// <summary>
/// <c>GET</c> and <c>HEAD /_ping</c>: <c>OK</c> as text, with the headers a daemon sends (API-Version,
/// OSType, Docker-Experimental, Builder-Version) and those the spec declares (Swarm, Cache-Control…).
/// </summary>
public sealed class PingResponse : WireBehaviour
{
    /// <summary>The one instance.</summary>
    public static PingResponse Instance { get; } = new();

    private PingResponse()
    {
    }

    /// <inheritdoc />
    public override async Task<bool> RespondAsync(ResponseContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var fixedHeaders = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["API-Version"] = context.Spec.Version.ToString(),
            ["OSType"] = "linux",
            ["Docker-Experimental"] = "false",
            ["Builder-Version"] = "2",
            ["Content-Type"] = "text/plain; charset=utf-8",
        };
        var declared = context.Operation.Success is { } success ? ResponseHeaders.Declared(success.Response, context) : [];
        var headers = fixedHeaders.Concat(declared.Where(h => !fixedHeaders.ContainsKey(h.Key))).ToList();
        await Server.HttpResponseWriter.WriteAsync(context.Connection, 200, headers, "OK"u8.ToArray(), context.IsHead, cancellationToken).ConfigureAwait(false);
        return true;
    }
}
