using DockerApiGen.Registry.Errors;
using DockerApiGen.Runtime.Http;

namespace DockerApiGen.Registry.Http;

/// <summary>
/// Waits and retries when a registry or token server answers 429 Too Many Requests: as long as <c>Retry-After</c>
/// asks (or with a doubling backoff when it does not say), within <see cref="RateLimitOptions"/>'s budget. When the
/// budget would be exceeded, or the request's body cannot be sent twice (a streamed upload), it throws a
/// <see cref="RegistryTooManyRequestsException"/> that says when to retry.
/// </summary>
public sealed class RateLimitHandler : RateLimitRetryHandler
{
    /// <summary>Creates the handler; set <see cref="DelegatingHandler.InnerHandler"/> or use it in a chain.</summary>
    /// <param name="options">The budget; null for the defaults.</param>
    public RateLimitHandler(RateLimitOptions? options = null)
        : base(options)
    {
    }

    /// <inheritdoc />
    protected override async Task<Exception> CreateExceptionAsync(HttpRequestMessage request, HttpResponseMessage response, TimeSpan? requestedWait, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(response);
        var body = await RegistryApiException.ReadBoundedAsync(response.Content, cancellationToken).ConfigureAwait(false);
        return RegistryApiException.FromResponse(response.StatusCode, request.Method.Method, request.RequestUri!, body, requestedWait, now);
    }
}
