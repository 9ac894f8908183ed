using System.Globalization;
using System.Net;
using DockerApiGen.Registry.Http;

namespace DockerApiGen.Registry.Errors;

/// <summary>
/// The registry (or its token server) answered 429 / TOOMANYREQUESTS and waiting within the retry budget did not help.
/// <see cref="RetryAfter"/> says when the registry asked to be tried again, when it said.
/// </summary>
public sealed class RegistryTooManyRequestsException : RegistryApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="method">The request method.</param>
    /// <param name="target">What the request addressed.</param>
    /// <param name="errors">The registry's errors.</param>
    /// <param name="bodyText">The body as text when it was not an error body.</param>
    /// <param name="retryAfter">When the registry asked to be tried again, if it said.</param>
    public RegistryTooManyRequestsException(HttpStatusCode statusCode, string method, RegistryRequestTarget target, IReadOnlyList<RegistryError> errors, string? bodyText, DateTimeOffset? retryAfter)
        : base(statusCode, method, target, errors, bodyText, Hint(retryAfter))
    {
        RetryAfter = retryAfter;
    }

    /// <summary>When the registry asked to be tried again (from <c>Retry-After</c>), or null when it did not say.</summary>
    public DateTimeOffset? RetryAfter { get; }

    private static string Hint(DateTimeOffset? retryAfter) => retryAfter is { } at
        ? $"The registry asks to retry after {at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC."
        : "The registry did not say when to retry; wait before trying again.";
}
