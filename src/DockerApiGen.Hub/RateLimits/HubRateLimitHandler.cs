using DockerApiGen.Hub.Errors;
using DockerApiGen.Hub.Http;
using DockerApiGen.Runtime.Http;

namespace DockerApiGen.Hub.RateLimits;

/// <summary>
/// Reads the rate-limit headers of every answer (<see cref="LastRateLimit"/>, and the observer given), and waits and
/// retries on 429 as long as the Hub asks (<c>Retry-After</c>, <c>X-Retry-After</c>, else until
/// <c>X-RateLimit-Reset</c>; a doubling backoff when it says nothing) within <see cref="RateLimitOptions"/>'s budget.
/// Beyond the budget it throws <see cref="HubTooManyRequestsException"/>, which says when to retry.
/// </summary>
public sealed class HubRateLimitHandler : RateLimitRetryHandler
{
    private const int MaxBodyBytes = 64 * 1024;
    private readonly Action<HubRateLimitObservation>? _observed;
    private HubRateLimit? _last;

    /// <summary>Creates the handler; set <see cref="DelegatingHandler.InnerHandler"/> or use it in a chain.</summary>
    /// <param name="options">The 429 budget; null for the defaults.</param>
    /// <param name="observed">Called with every answer that has rate-limit headers (it must not throw); null for none.</param>
    public HubRateLimitHandler(RateLimitOptions? options = null, Action<HubRateLimitObservation>? observed = null)
        : base(options)
    {
        _observed = observed;
    }

    /// <summary>The rate-limit headers of the most recent answer that had any (from any thread), or null before the first.</summary>
    public HubRateLimit? LastRateLimit => Volatile.Read(ref _last);

    /// <inheritdoc />
    protected override TimeSpan? ReadRequestedWait(HttpResponseMessage response, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(response);
        return HubRateLimit.RequestedWait(response.Headers, now);
    }

    /// <inheritdoc />
    protected override void OnAnswer(HttpRequestMessage request, HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(response);
        if (HubRateLimit.Read(response.Headers, Options.TimeProvider.GetUtcNow()) is not { } rateLimit)
        {
            return;
        }

        Volatile.Write(ref _last, rateLimit);
        _observed?.Invoke(new HubRateLimitObservation(HubRequestOptions.OperationOf(request), request.Method.Method, request.RequestUri?.AbsolutePath ?? "", response.StatusCode, rateLimit));
    }

    /// <inheritdoc />
    protected override async Task<Exception> CreateExceptionAsync(HttpRequestMessage request, HttpResponseMessage response, TimeSpan? requestedWait, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(response);
        var body = await ResponseBodies.ReadBoundedAsync(response.Content, MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        var rateLimit = HubRateLimit.Read(response.Headers, now);
        return HubApiException.FromResponse(response.StatusCode, HubRequestOptions.OperationOf(request), request.Method.Method, request.RequestUri?.AbsolutePath ?? "", body, rateLimit);
    }
}
