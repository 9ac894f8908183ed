using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace DockerApiGen.Extensions.DependencyInjection;

/// <summary>
/// Logs each request to the daemon: method, path, status and duration at Information, failures at Warning, and
/// at Debug the request's headers with credentials (<c>X-Registry-Auth</c>, <c>X-Registry-Config</c>,
/// <c>Authorization</c>, <c>Proxy-Authorization</c>) shown as <c>***</c>. The query string is not logged. For a
/// stream (events, logs, pulls) the duration is the time to the response headers.
/// </summary>
/// <param name="logger">Where to log.</param>
public sealed partial class DockerRequestLoggingHandler(ILogger logger) : DelegatingHandler
{
    /// <summary>The headers whose values are never logged.</summary>
    public static IReadOnlySet<string> CredentialHeaders { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "X-Registry-Auth", "X-Registry-Config", "Authorization", "Proxy-Authorization",
    };

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var method = request.Method.Method;
        var path = request.RequestUri?.AbsolutePath ?? "";
        if (logger.IsEnabled(LogLevel.Debug))
        {
            LogHeaders(logger, method, path, DescribeHeaders(request));
        }

        var start = Stopwatch.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            LogAnswered(logger, method, path, (int)response.StatusCode, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            return response;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(logger, ex, method, path, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            throw;
        }
    }

    /// <summary>The request's headers as <c>Name: value</c> lines, credentials shown as <c>***</c>.</summary>
    /// <param name="request">The request.</param>
    public static string DescribeHeaders(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var headers = request.Headers.NonValidated.AsEnumerable();
        if (request.Content is not null)
        {
            headers = headers.Concat(request.Content.Headers.NonValidated);
        }

        return string.Join("; ", headers.Select(h => $"{h.Key}: {(CredentialHeaders.Contains(h.Key) ? "***" : string.Join(", ", h.Value))}"));
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Docker {Method} {Path} answered {StatusCode} in {ElapsedMilliseconds:0.0} ms")]
    private static partial void LogAnswered(ILogger logger, string method, string path, int statusCode, double elapsedMilliseconds);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Docker {Method} {Path} failed after {ElapsedMilliseconds:0.0} ms")]
    private static partial void LogFailed(ILogger logger, Exception exception, string method, string path, double elapsedMilliseconds);

    [LoggerMessage(EventId = 3, Level = LogLevel.Debug, Message = "Docker {Method} {Path} sends headers {Headers}")]
    private static partial void LogHeaders(ILogger logger, string method, string path, string headers);
}
