using System.Net;

namespace DockerApiGen.Runtime.Http;

/// <summary>
/// Waits and retries when a server answers 429 Too Many Requests: as long as the answer asks (see
/// <see cref="ReadRequestedWait"/>; <c>Retry-After</c> by default), or with a doubling backoff when it does not say,
/// within <see cref="RateLimitOptions"/>'s budget. When the budget would be exceeded, or the request's body cannot be
/// sent twice (a streamed upload), it throws the exception <see cref="CreateExceptionAsync"/> builds, which should say
/// when to retry. Each API family derives its own handler (the registry's, Docker Hub's) for its errors and headers.
/// </summary>
public abstract class RateLimitRetryHandler : DelegatingHandler
{
    /// <summary>Creates the handler; set <see cref="DelegatingHandler.InnerHandler"/> or use it in a chain.</summary>
    /// <param name="options">The budget; null for the defaults.</param>
    /// <exception cref="ArgumentException">A budget value is negative.</exception>
    protected RateLimitRetryHandler(RateLimitOptions? options)
    {
        Options = options ?? new RateLimitOptions();
        if (Options.MaxRetries < 0 || Options.MaxTotalWait < TimeSpan.Zero || Options.InitialBackoff < TimeSpan.Zero)
        {
            throw new ArgumentException("RateLimitOptions: MaxRetries, MaxTotalWait and InitialBackoff cannot be negative.", nameof(options));
        }
    }

    /// <summary>The budget.</summary>
    protected RateLimitOptions Options { get; }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var waited = TimeSpan.Zero;
        var backoff = Options.InitialBackoff;
        for (var attempt = 0; ; attempt++)
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            OnAnswer(request, response);
            if (response.StatusCode != HttpStatusCode.TooManyRequests)
            {
                return response;
            }

            var now = Options.TimeProvider.GetUtcNow();
            var asked = ReadRequestedWait(response, now);
            var wait = asked ?? backoff;
            backoff += backoff;
            if (attempt >= Options.MaxRetries || waited + wait > Options.MaxTotalWait || !ReplayableContent.CanResend(request))
            {
                using (response)
                {
                    throw await CreateExceptionAsync(request, response, asked, now, cancellationToken).ConfigureAwait(false);
                }
            }

            response.Dispose();
            await Task.Delay(wait, Options.TimeProvider, cancellationToken).ConfigureAwait(false);
            waited += wait;
        }
    }

    /// <summary>How long the 429 answer asks to wait from <paramref name="now"/>, or null when it does not say. Default: <c>Retry-After</c>.</summary>
    /// <param name="response">The 429 answer.</param>
    /// <param name="now">The current time.</param>
    protected virtual TimeSpan? ReadRequestedWait(HttpResponseMessage response, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(response);
        return RetryAfter.Read(response.Headers, now);
    }

    /// <summary>Called with every answer, 429s included, before it is judged (e.g. to record rate-limit headers). Default: nothing.</summary>
    /// <param name="request">The request.</param>
    /// <param name="response">Its answer.</param>
    protected virtual void OnAnswer(HttpRequestMessage request, HttpResponseMessage response)
    {
    }

    /// <summary>The exception thrown when waiting would exceed the budget: it should say when to retry.</summary>
    /// <param name="request">The request.</param>
    /// <param name="response">The last 429 answer (its body may be read; it is disposed afterwards).</param>
    /// <param name="requestedWait">How long the answer asked to wait, if it said.</param>
    /// <param name="now">When the answer was judged.</param>
    /// <param name="cancellationToken">Cancels reading the body.</param>
    protected abstract Task<Exception> CreateExceptionAsync(HttpRequestMessage request, HttpResponseMessage response, TimeSpan? requestedWait, DateTimeOffset now, CancellationToken cancellationToken);
}
