using System.Net;
using DockerApiGen.Registry.Errors;

namespace DockerApiGen.Registry.Http;

/// <summary>
/// Waits and retries when a registry or token server answers 429 Too Many Requests: as long as <c>Retry-After</c>
/// asks (or with a doubling backoff when it does not say), within <see cref="RateLimitOptions"/>'s budget. When the
/// budget would be exceeded, or the request's body cannot be sent twice (a streamed upload), it throws a
/// <see cref="RegistryTooManyRequestsException"/> that says when to retry.
/// </summary>
public sealed class RateLimitHandler : DelegatingHandler
{
    private readonly RateLimitOptions _options;

    /// <summary>Creates the handler; set <see cref="DelegatingHandler.InnerHandler"/> or use it in a chain.</summary>
    /// <param name="options">The budget; null for the defaults.</param>
    public RateLimitHandler(RateLimitOptions? options = null)
    {
        _options = options ?? new RateLimitOptions();
        if (_options.MaxRetries < 0 || _options.MaxTotalWait < TimeSpan.Zero || _options.InitialBackoff < TimeSpan.Zero)
        {
            throw new ArgumentException("RateLimitOptions: MaxRetries, MaxTotalWait and InitialBackoff cannot be negative.", nameof(options));
        }
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var waited = TimeSpan.Zero;
        var backoff = _options.InitialBackoff;
        for (var attempt = 0; ; attempt++)
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.TooManyRequests)
            {
                return response;
            }

            var now = _options.TimeProvider.GetUtcNow();
            var asked = RetryAfter.Read(response.Headers, now);
            var wait = asked ?? backoff;
            backoff += backoff;
            if (attempt >= _options.MaxRetries || waited + wait > _options.MaxTotalWait || !ReplayableContent.CanResend(request))
            {
                using (response)
                {
                    var body = await RegistryApiException.ReadBoundedAsync(response.Content, cancellationToken).ConfigureAwait(false);
                    throw RegistryApiException.FromResponse(response.StatusCode, request.Method.Method, request.RequestUri!, body, asked, now);
                }
            }

            response.Dispose();
            await Task.Delay(wait, _options.TimeProvider, cancellationToken).ConfigureAwait(false);
            waited += wait;
        }
    }
}
