using System.Net;
using System.Net.Http.Headers;
using DockerApiGen.Registry.Errors;
using DockerApiGen.Registry.Http;
using DockerApiGen.Runtime.Http;
using Microsoft.Extensions.Time.Testing;

namespace DockerApiGen.Registry.Tests.Http;

public sealed class RateLimitHandlerTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private (HttpClient Client, List<DateTimeOffset> Calls) Create(Queue<Func<HttpResponseMessage>> answers, RateLimitOptions? options = null)
    {
        var calls = new List<DateTimeOffset>();
        var handler = new RateLimitHandler(options ?? new RateLimitOptions { TimeProvider = _time })
        {
            InnerHandler = new Answering(request =>
            {
                calls.Add(_time.GetUtcNow());
                var response = answers.Count > 0 ? answers.Dequeue()() : new HttpResponseMessage(HttpStatusCode.OK);
                response.RequestMessage = request;
                return response;
            }),
        };
        return (new HttpClient(handler) { BaseAddress = new Uri("https://r.example/") }, calls);
    }

    private static HttpResponseMessage TooMany(TimeSpan? after = null, DateTimeOffset? at = null)
    {
        var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests) { Content = new StringContent("""{"errors":[{"code":"TOOMANYREQUESTS","message":"pull rate limit"}]}""") };
        response.Headers.RetryAfter = after is { } delta ? new RetryConditionHeaderValue(delta) : at is { } date ? new RetryConditionHeaderValue(date) : null;
        return response;
    }

    private async Task<T> RunWithClock<T>(Task<T> pending)
    {
        while (!pending.IsCompleted)
        {
            _time.Advance(TimeSpan.FromMilliseconds(500));
            await Task.Delay(2, Cancel);
        }

        return await pending;
    }

    [Fact]
    public async Task Waits_as_long_as_retry_after_asks_then_succeeds()
    {
        var (client, calls) = Create(new([() => TooMany(TimeSpan.FromSeconds(3)), () => TooMany(at: _time.GetUtcNow().AddSeconds(5))]));
        using var response = await RunWithClock(client.GetAsync("/v2/a/tags/list", Cancel));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, calls.Count);
        Assert.True(calls[1] - calls[0] >= TimeSpan.FromSeconds(3));
        Assert.True(calls[2] - calls[0] >= TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_retry_after_beyond_the_budget_fails_at_once_saying_when()
    {
        var (client, calls) = Create(new([() => TooMany(TimeSpan.FromMinutes(10))]));
        var error = await Assert.ThrowsAsync<RegistryTooManyRequestsException>(() => client.GetAsync("/v2/team/app/manifests/latest", Cancel));
        Assert.Single(calls);
        Assert.Equal(_time.GetUtcNow().AddMinutes(10), error.RetryAfter);
        Assert.Contains("retry after 2026-12-01 12:10:00 UTC", error.Message, StringComparison.Ordinal);
        Assert.Contains("manifest 'latest' of r.example/team/app", error.Message, StringComparison.Ordinal);
        Assert.Contains("pull rate limit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_retry_after_backs_off_and_gives_up_after_the_retries()
    {
        var answers = new Queue<Func<HttpResponseMessage>>(Enumerable.Repeat<Func<HttpResponseMessage>>(() => TooMany(), 10));
        var (client, calls) = Create(answers, new RateLimitOptions { TimeProvider = _time, MaxRetries = 3, MaxTotalWait = TimeSpan.FromMinutes(1) });
        var error = await Assert.ThrowsAsync<RegistryTooManyRequestsException>(() => RunWithClock(client.GetAsync("/v2/a/tags/list", Cancel)));
        Assert.Equal(4, calls.Count);
        Assert.Equal([1.0, 2.0, 4.0], calls.Zip(calls.Skip(1), (a, b) => Math.Round((b - a).TotalSeconds)));
        Assert.Null(error.RetryAfter);
        Assert.Contains("did not say when to retry", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_streamed_body_is_not_sent_twice()
    {
        var (client, calls) = Create(new([() => TooMany(TimeSpan.FromSeconds(1))]));
        using var body = new StreamContent(new MemoryStream(new byte[10]));
        await Assert.ThrowsAsync<RegistryTooManyRequestsException>(() => client.PatchAsync("/v2/a/blobs/uploads/x", body, Cancel));
        Assert.Single(calls);
    }

    private sealed class Answering(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) => Task.FromResult(answer(request));
    }
}
