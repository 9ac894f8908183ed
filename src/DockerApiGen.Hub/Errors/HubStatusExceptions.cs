using System.Globalization;
using System.Net;
using DockerApiGen.Hub.RateLimits;

namespace DockerApiGen.Hub.Errors;

/// <summary>400: the Hub refused the request's content; <see cref="HubError.Fields"/> names the invalid fields when it said.</summary>
/// <param name="operation">The operation.</param>
/// <param name="method">The request method.</param>
/// <param name="path">The request path.</param>
/// <param name="error">The Hub's error body, if any.</param>
/// <param name="bodyText">The body as text when it was not an error body.</param>
/// <param name="rateLimit">The answer's rate-limit headers, if any.</param>
public sealed class HubBadRequestException(string operation, string method, string path, HubError? error, string? bodyText, HubRateLimit? rateLimit)
    : HubApiException(HttpStatusCode.BadRequest, operation, method, path, error, bodyText, rateLimit);

/// <summary>404: the repository, tag, organization, group, token… does not exist (or is not visible to the account).</summary>
/// <param name="operation">The operation.</param>
/// <param name="method">The request method.</param>
/// <param name="path">The request path.</param>
/// <param name="error">The Hub's error body, if any.</param>
/// <param name="bodyText">The body as text when it was not an error body.</param>
/// <param name="rateLimit">The answer's rate-limit headers, if any.</param>
public sealed class HubNotFoundException(string operation, string method, string path, HubError? error, string? bodyText, HubRateLimit? rateLimit)
    : HubApiException(HttpStatusCode.NotFound, operation, method, path, error, bodyText, rateLimit);

/// <summary>409: the request conflicts with what exists (an invitee already a member, a user who already exists).</summary>
/// <param name="operation">The operation.</param>
/// <param name="method">The request method.</param>
/// <param name="path">The request path.</param>
/// <param name="error">The Hub's error body, if any.</param>
/// <param name="bodyText">The body as text when it was not an error body.</param>
/// <param name="rateLimit">The answer's rate-limit headers, if any.</param>
public sealed class HubConflictException(string operation, string method, string path, HubError? error, string? bodyText, HubRateLimit? rateLimit)
    : HubApiException(HttpStatusCode.Conflict, operation, method, path, error, bodyText, rateLimit);

/// <summary>
/// 401 or 403: the call needs credentials, the Hub refused the token (the client renews it once before giving up),
/// or the account lacks the right (a token's scopes, an organization role, a plan's feature).
/// </summary>
/// <param name="statusCode">401 or 403.</param>
/// <param name="operation">The operation.</param>
/// <param name="method">The request method.</param>
/// <param name="path">The request path.</param>
/// <param name="error">The Hub's error body, if any.</param>
/// <param name="bodyText">The body as text when it was not an error body.</param>
/// <param name="rateLimit">The answer's rate-limit headers, if any.</param>
/// <param name="hint">What to do; null for the default advice.</param>
public sealed class HubAccessDeniedException(HttpStatusCode statusCode, string operation, string method, string path, HubError? error, string? bodyText, HubRateLimit? rateLimit, string? hint = null)
    : HubApiException(statusCode, operation, method, path, error, bodyText, rateLimit, hint ?? DefaultHint(statusCode))
{
    private static string DefaultHint(HttpStatusCode statusCode) => statusCode == HttpStatusCode.Forbidden
        ? "The account is signed in but lacks the right: check the token's scopes (a personal or organization access token) and the account's role in the organization."
        : "Check the credentials (HubClientOptions.Credentials).";
}

/// <summary>
/// 429: the Hub's rate limit was reached and waiting within the client's budget (<see cref="Http.HubClientOptions.RateLimit"/>)
/// did not help, or would have taken longer than it allows. <see cref="RetryAt"/> says when the Hub asked to be called again.
/// </summary>
public sealed class HubTooManyRequestsException : HubApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="operation">The operation.</param>
    /// <param name="method">The request method.</param>
    /// <param name="path">The request path.</param>
    /// <param name="error">The Hub's error body, if any.</param>
    /// <param name="bodyText">The body as text when it was not an error body.</param>
    /// <param name="rateLimit">The answer's rate-limit headers, if any.</param>
    public HubTooManyRequestsException(string operation, string method, string path, HubError? error, string? bodyText, HubRateLimit? rateLimit)
        : base(HttpStatusCode.TooManyRequests, operation, method, path, error, bodyText, rateLimit, Hint(RetryMoment(rateLimit)))
    {
        RetryAt = RetryMoment(rateLimit);
    }

    /// <summary>When the Hub asked to be called again (<c>Retry-After</c>, <c>X-Retry-After</c>, else <c>X-RateLimit-Reset</c>), or null when it did not say.</summary>
    public DateTimeOffset? RetryAt { get; }

    private static DateTimeOffset? RetryMoment(HubRateLimit? rateLimit) => rateLimit?.RetryAt ?? rateLimit?.ResetAt;

    private static string Hint(DateTimeOffset? retryAt) => retryAt is { } at
        ? $"Docker Hub asks to retry after {at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC."
        : "Docker Hub did not say when to retry; wait before calling again.";
}
