using System.Globalization;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using DockerApiGen.Contract.Tests.Responses;
using DockerApiGen.Contract.Tests.Spec;
using DockerApiGen.Contract.Tests.Validation;

namespace DockerApiGen.Contract.Tests.Server;

/// <summary>
/// Serves one client connection: reads each request, validates it, records it (before answering, so a
/// client that has its answer can read the record), and answers with the operation's wire behaviour.
/// </summary>
/// <param name="spec">The version's spec.</param>
/// <param name="validator">Validates requests against it.</param>
/// <param name="samples">Sample values of its schemas.</param>
/// <param name="record">Where each request goes.</param>
public sealed class ServerConnection(ContractSpec spec, RequestValidator validator, SampleJson samples, Action<RecordedRequest> record)
{
    private int _calls;

    /// <summary>Authentication and rate limits.</summary>
    public SpecServerOptions Options { get; init; } = new();

    /// <summary>Refusals to answer next.</summary>
    public ServerFaults Faults { get; init; } = new();

    /// <summary>Serves requests until the client closes the connection, it is hijacked, or the server stops.</summary>
    /// <param name="socket">The accepted socket; closed on return.</param>
    /// <param name="cancellationToken">Stops serving.</param>
    public async Task ServeAsync(Socket socket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(socket);
        using var _ = socket;
        await using var stream = new NetworkStream(socket, ownsSocket: false);
        var reader = new ConnectionReader(stream);
        while (!cancellationToken.IsCancellationRequested)
        {
            HttpRequest? request;
            try
            {
                request = await HttpRequestReader.ReadAsync(reader, cancellationToken).ConfigureAwait(false);
            }
            catch (MalformedRequestException ex)
            {
                var unreadable = new HttpRequest("?", "?", "?", [], [], BodyFraming.None);
                record(new RecordedRequest(unreadable, null, new Dictionary<string, string>(), [new Violation("request", ex.Message)]));
                await WriteErrorAsync(stream, 400, ex.Message, cancellationToken).ConfigureAwait(false);
                return;
            }

            if (request is null)
            {
                return;
            }

            if (!await AnswerAsync(request, socket, stream, reader, cancellationToken).ConfigureAwait(false) || request.HeaderHasToken("Connection", "close"))
            {
                return;
            }
        }
    }

    private async Task<bool> AnswerAsync(HttpRequest request, Socket socket, NetworkStream stream, ConnectionReader reader, CancellationToken cancellationToken)
    {
        var result = validator.Validate(request);
        if (result.Route.Operation is not { } operation)
        {
            record(new RecordedRequest(request, null, result.Route.PathValues, result.Violations));
            await WriteErrorAsync(stream, 404, $"page not found: {request.Method} {request.RawPath}", cancellationToken).ConfigureAwait(false);
            return true;
        }

        var behaviour = WireBehaviours.For(spec, operation);
        var violations = result.Violations.Concat(behaviour.Check(request)).ToList();
        var security = Options.Tokens is { } tokens ? SecurityValidator.Check(request, operation, spec, tokens, violations) : null;
        record(new RecordedRequest(request, operation.OperationId, result.Route.PathValues, violations));
        var rateLimit = RateLimitHeaders();
        if (Faults.TakeThrottle() is { } throttle)
        {
            var retryAt = Options.TimeProvider.GetUtcNow().AddSeconds(throttle.RetryAfterSeconds).ToUnixTimeSeconds();
            await WriteRefusalAsync(stream, 429, "Rate limit exceeded", [.. rateLimit, new("Retry-After", throttle.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture)), new("X-Retry-After", retryAt.ToString(CultureInfo.InvariantCulture))], cancellationToken).ConfigureAwait(false);
            return true;
        }

        if (security is { Refused: true })
        {
            await WriteRefusalAsync(stream, 401, "Authentication credentials were not provided or are not valid.", rateLimit, cancellationToken).ConfigureAwait(false);
            return true;
        }

        // A refused token must be one the token endpoints issued (the SCIM API token is fixed; the client does not renew it).
        if (security?.Token is { } token && operation.RequiresAuthentication && operation.Security![0] is [var scheme, ..]
            && !Options.Tokens!.FixedTokens.ContainsKey(scheme) && Options.Tokens.Refusal(scheme, token) is null && Faults.TakeTokenRefusal())
        {
            Options.Tokens.Revoke(token);
            await WriteRefusalAsync(stream, 401, "Token is revoked.", rateLimit, cancellationToken).ConfigureAwait(false);
            return true;
        }

        var context = new ResponseContext(spec, operation, request, socket, stream, reader, samples) { ExtraHeaders = rateLimit, Tokens = Options.Tokens };
        return await behaviour.RespondAsync(context, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The Hub's rate-limit headers, when the server announces a limit: one call fewer left with each request.</summary>
    private IReadOnlyList<KeyValuePair<string, string>> RateLimitHeaders()
    {
        if (Options.RateLimitPerMinute is not { } limit)
        {
            return [];
        }

        var remaining = Math.Max(0, limit - Interlocked.Increment(ref _calls));
        var reset = Options.TimeProvider.GetUtcNow().AddMinutes(1).ToUnixTimeSeconds();
        return
        [
            new("X-RateLimit-Limit", limit.ToString(CultureInfo.InvariantCulture)),
            new("X-RateLimit-Remaining", remaining.ToString(CultureInfo.InvariantCulture)),
            new("X-RateLimit-Reset", reset.ToString(CultureInfo.InvariantCulture)),
        ];
    }

    // The Hub's error form: {"detail": "...", "message": "..."}.
    private static Task WriteRefusalAsync(Stream stream, int status, string detail, IEnumerable<KeyValuePair<string, string>> headers, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(new JsonObject { ["detail"] = detail, ["message"] = detail }.ToJsonString());
        return HttpResponseWriter.WriteAsync(stream, status, [.. headers, new("Content-Type", "application/json")], body, isHead: false, cancellationToken);
    }

    // The daemon's error form: {"message": "..."}.
    private static Task WriteErrorAsync(Stream stream, int status, string message, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(new JsonObject { ["message"] = message }.ToJsonString() + "\n");
        return HttpResponseWriter.WriteAsync(stream, status, [new("Content-Type", "application/json")], body, isHead: false, cancellationToken);
    }
}
