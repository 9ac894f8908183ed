using System.Net;
using DockerApiGen.Hub.RateLimits;
using DockerApiGen.Runtime.Errors;

namespace DockerApiGen.Hub.Errors;

/// <summary>
/// Docker Hub answered a call with an error status. The message names the operation, the method and path, the status
/// and what the Hub said (<see cref="Error"/>, read from its error body); it never holds a token or secret. Subtypes
/// mark the statuses that call for a different reaction: <see cref="HubBadRequestException"/> (400),
/// <see cref="HubAccessDeniedException"/> (401, 403), <see cref="HubNotFoundException"/> (404),
/// <see cref="HubConflictException"/> (409) and <see cref="HubTooManyRequestsException"/> (429).
/// </summary>
public class HubApiException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="operation">The operation.</param>
    /// <param name="method">The request method.</param>
    /// <param name="path">The request path, without the query.</param>
    /// <param name="error">The Hub's error body, if it sent one.</param>
    /// <param name="bodyText">The body as text when it was not an error body (one line, shortened), else null.</param>
    /// <param name="rateLimit">The answer's rate-limit headers, if any.</param>
    /// <param name="hint">What to do, appended to the message; null for none.</param>
    public HubApiException(HttpStatusCode statusCode, string operation, string method, string path, HubError? error, string? bodyText, HubRateLimit? rateLimit, string? hint = null)
        : base(Describe(statusCode, operation, method, path, error, bodyText, hint))
    {
        StatusCode = statusCode;
        Operation = operation;
        Method = method;
        Path = path;
        Error = error;
        BodyText = bodyText;
        RateLimit = rateLimit;
    }

    /// <summary>The HTTP status.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The operation (the spec's operation id, or the client's method name).</summary>
    public string Operation { get; }

    /// <summary>The request method.</summary>
    public string Method { get; }

    /// <summary>The request path, without the query.</summary>
    public string Path { get; }

    /// <summary>The Hub's error body, or null when it sent none (or not JSON).</summary>
    public HubError? Error { get; }

    /// <summary>The body as text when it was not a JSON error body (a proxy's page), else null.</summary>
    public string? BodyText { get; }

    /// <summary>The answer's rate-limit headers, if it had any.</summary>
    public HubRateLimit? RateLimit { get; }

    /// <summary>Builds the exception that fits a status and body.</summary>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="operation">The operation.</param>
    /// <param name="method">The request method.</param>
    /// <param name="path">The request path, without the query.</param>
    /// <param name="body">The body (possibly empty, JSON or not).</param>
    /// <param name="rateLimit">The answer's rate-limit headers, if any.</param>
    /// <param name="secrets">Values masked wherever the body's text would show them.</param>
    /// <param name="accessHint">For 401 and 403: what to do about credentials; null for the default advice.</param>
    public static HubApiException FromResponse(HttpStatusCode statusCode, string operation, string method, string path, ReadOnlySpan<byte> body, HubRateLimit? rateLimit, IEnumerable<string?>? secrets = null, string? accessHint = null)
    {
        var error = HubError.Parse(body, secrets);
        var text = error is null ? ErrorText.Clean(ErrorText.FromBody(body), secrets) : null;
        return statusCode switch
        {
            HttpStatusCode.BadRequest => new HubBadRequestException(operation, method, path, error, text, rateLimit),
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => new HubAccessDeniedException(statusCode, operation, method, path, error, text, rateLimit, accessHint),
            HttpStatusCode.NotFound => new HubNotFoundException(operation, method, path, error, text, rateLimit),
            HttpStatusCode.Conflict => new HubConflictException(operation, method, path, error, text, rateLimit),
            HttpStatusCode.TooManyRequests => new HubTooManyRequestsException(operation, method, path, error, text, rateLimit),
            _ => new HubApiException(statusCode, operation, method, path, error, text, rateLimit),
        };
    }

    private static string Describe(HttpStatusCode statusCode, string operation, string method, string path, HubError? error, string? bodyText, string? hint)
    {
        var what = error?.Summary ?? bodyText ?? "no error body";
        var transaction = error?.TransactionId is { } id ? $" (txnid {id})" : "";
        var message = $"Docker Hub answered {(int)statusCode} {statusCode} to {operation} ({method} {path}): {what.TrimEnd('.')}{transaction}.";
        return hint is null ? message : message + " " + hint;
    }
}
