using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using DockerApiGen.Hub.Auth;
using DockerApiGen.Hub.Errors;
using DockerApiGen.Hub.RateLimits;
using DockerApiGen.Hub.Tests.Support;
using DockerApiGen.Runtime.Http;

namespace DockerApiGen.Hub.Tests.RateLimits;

/// <summary>Rate-limit headers on every answer, and 429 answers waited for within the budget.</summary>
public sealed class RateLimitTests : HubTestBase
{
    private static HubCredentials Alice => HubCredentials.PersonalAccessToken(FakeHub.User, FakeHub.PersonalToken);

    private static FakeHub.Scripted TooMany(params (string Name, string Value)[] headers)
        => new(429, """{"detail":"Rate limit exceeded","error":false}""", Headers: headers.ToDictionary(h => h.Name, h => h.Value));

    private string UnixIn(TimeSpan wait) => Time.GetUtcNow().Add(wait).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task Every_answer_s_rate_limit_headers_are_readable()
    {
        var observed = new ConcurrentQueue<HubRateLimitObservation>();
        var hub = Connect(Alice, configure: o => new() { BaseAddress = o.BaseAddress, Credentials = o.Credentials, TimeProvider = o.TimeProvider, RateLimitObserved = observed.Enqueue });
        Assert.Null(hub.LastRateLimit);

        await GetTagsAsync(hub);
        var last = Assert.IsType<HubRateLimit>(hub.LastRateLimit);
        Assert.Equal(180, last.Limit);
        Assert.Equal(178, last.Remaining);
        Assert.Equal(Time.GetUtcNow().AddSeconds(60), last.ResetAt);
        Assert.Null(last.RetryAt);

        Assert.Equal(["AuthCreateAccessToken", "ListRepositoryTags"], observed.Select(o => o.Operation));
        Assert.Equal(("GET", "/v2/namespaces/team/repositories/app/tags", HttpStatusCode.OK), (observed.Last().Method, observed.Last().Path, observed.Last().StatusCode));
        Assert.Equal([179, 178], observed.Select(o => o.RateLimit.Remaining));
    }

    [Fact]
    public async Task A_429_waits_as_long_as_retry_after_asks_then_succeeds()
    {
        var hub = Connect(Alice);
        Hub.ApiScript.Enqueue(TooMany(("Retry-After", "3")));
        var start = Time.GetUtcNow();

        var page = await RunWithClockAsync(GetTagsAsync(hub));
        Assert.Equal(10, page.Results!.Count);
        Assert.Equal([429, 200], Hub.ApiRequests.Select(r => r.Status));
        Assert.True(Time.GetUtcNow() - start >= TimeSpan.FromSeconds(3));
        Assert.Single(Hub.TokenRequests);
    }

    [Fact]
    public async Task A_429_waits_until_the_documented_x_retry_after_time()
    {
        var hub = Connect(Alice);
        Hub.ApiScript.Enqueue(TooMany(("X-Retry-After", UnixIn(TimeSpan.FromSeconds(5)))));
        var start = Time.GetUtcNow();

        await RunWithClockAsync(GetTagsAsync(hub));
        Assert.Equal([429, 200], Hub.ApiRequests.Select(r => r.Status));
        Assert.True(Time.GetUtcNow() - start >= TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_wait_beyond_the_budget_fails_at_once_saying_when_to_retry()
    {
        var hub = Connect(Alice);
        Hub.ApiScript.Enqueue(TooMany(("X-Retry-After", UnixIn(TimeSpan.FromMinutes(10)))));

        var error = await Assert.ThrowsAsync<HubTooManyRequestsException>(() => GetTagsAsync(hub));
        Assert.Single(Hub.ApiRequests);
        Assert.Equal(Time.GetUtcNow().AddMinutes(10), error.RetryAt);
        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Equal("ListRepositoryTags", error.Operation);
        Assert.Equal("Docker Hub answered 429 TooManyRequests to ListRepositoryTags (GET /v2/namespaces/team/repositories/app/tags): Rate limit exceeded. Docker Hub asks to retry after 2026-12-01 12:10:00 UTC.", error.Message);
        Assert.Equal(180, error.RateLimit!.Limit);
    }

    [Fact]
    public async Task Repeated_429s_give_up_after_the_retries()
    {
        var hub = Connect(Alice);
        for (var i = 0; i < 6; i++)
        {
            Hub.ApiScript.Enqueue(TooMany(("Retry-After", "1")));
        }

        var error = await Assert.ThrowsAsync<HubTooManyRequestsException>(() => RunWithClockAsync(GetTagsAsync(hub)));
        Assert.Equal(4, Hub.ApiRequests.Count());
        Assert.NotNull(error.RetryAt);
    }

    [Fact]
    public async Task Without_a_time_it_backs_off_until_the_reset()
    {
        var hub = Connect(Alice);
        Hub.ApiScript.Enqueue(new FakeHub.Scripted(429, "Too Many Requests", "text/plain"));
        var start = Time.GetUtcNow();

        // The fake Hub sends X-RateLimit-Reset (a minute on) with every answer: that is the wait.
        await RunWithClockAsync(GetTagsAsync(hub));
        Assert.True(Time.GetUtcNow() - start >= TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task Cancelling_during_a_wait_cancels_the_call()
    {
        var hub = Connect(Alice);
        Hub.ApiScript.Enqueue(TooMany(("Retry-After", "30")));
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        var call = hub.SendAsync(ListTags("team", "app"), TestJsonContext.Default.TagPage, cancel.Token);
        while (!Hub.ApiRequests.Any())
        {
            await Task.Delay(5, Cancel);
        }

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Single(Hub.ApiRequests);
    }

    [Fact]
    public async Task A_wait_longer_than_the_request_timeout_ends_as_a_timeout()
    {
        var hub = Connect(Alice, configure: o => new() { BaseAddress = o.BaseAddress, Credentials = o.Credentials, TimeProvider = o.TimeProvider, RequestTimeout = TimeSpan.FromMilliseconds(300) });
        Hub.ApiScript.Enqueue(TooMany(("Retry-After", "30")));

        // The fake clock does not move: the 30 s wait outlasts the 300 ms limit.
        var error = await Assert.ThrowsAsync<TimeoutException>(() => GetTagsAsync(hub));
        Assert.Contains("did not answer ListRepositoryTags (GET /v2/namespaces/team/repositories/app/tags) within 0.3 s (HubClientOptions.RequestTimeout), rate-limit waits included", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_header_forms_are_read()
    {
        var now = Time.GetUtcNow();
        HubRateLimit? Read(params (string Name, string Value)[] headers)
        {
            using var response = new HttpResponseMessage();
            foreach (var (name, value) in headers)
            {
                response.Headers.TryAddWithoutValidation(name, value);
            }

            return HubRateLimit.Read(response.Headers, now);
        }

        Assert.Null(Read());
        Assert.Equal(new HubRateLimit { Limit = 100, Remaining = 76, Window = TimeSpan.FromHours(6), ObservedAt = now }, Read(("RateLimit-Limit", "100;w=21600"), ("RateLimit-Remaining", "76;w=21600")));
        Assert.Equal(now.AddSeconds(42), Read(("RateLimit-Reset", "42"))!.ResetAt);
        Assert.Equal(now.AddSeconds(7), Read(("X-Retry-After", "7"))!.RetryAt);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_800_000_000), Read(("X-Retry-After", "1800000000"))!.RetryAt);
        Assert.Equal(now.AddMinutes(2), Read(("X-Retry-After", now.AddMinutes(2).ToString("r", CultureInfo.InvariantCulture)))!.RetryAt);
        Assert.Equal(now.AddSeconds(9), Read(("Retry-After", "9"), ("X-Retry-After", "1800000000"))!.RetryAt);
        Assert.Equal(180, Read(("X-RateLimit-Limit", "180"), ("RateLimit-Limit", "100"))!.Limit);
        Assert.Null(Read(("X-RateLimit-Limit", "many"))?.Limit);
    }

    [Fact]
    public void The_budget_cannot_be_negative()
        => Assert.Throws<ArgumentException>(() => new HubRateLimitHandler(new RateLimitOptions { MaxRetries = -1 }));
}
