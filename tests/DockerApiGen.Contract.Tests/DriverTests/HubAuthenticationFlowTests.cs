using DockerApiGen.Contract.Tests.Driver;
using DockerApiGen.Contract.Tests.Responses;
using DockerApiGen.Contract.Tests.Server;
using DockerApiGen.Contract.Tests.Spec;
using DockerApiGen.Generator.Specs;
using DockerApiGen.Hub;
using DockerApiGen.Hub.Auth;
using DockerApiGen.Hub.Errors;
using DockerApiGen.Hub.Http;
using DockerApiGen.Runtime.Http;
using Microsoft.Extensions.Time.Testing;

namespace DockerApiGen.Contract.Tests.DriverTests;

/// <summary>
/// The committed Hub client's sign-in, renewal, retries and paging against the 2025-03 spec server, every request
/// validated against the snapshot (bearer tokens included): the token exchange, renewal after a short expiry, one retry
/// on 401, 429 with <c>Retry-After</c>, and lists across several linked pages.
/// </summary>
public sealed class HubAuthenticationFlowTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
    private TokenAuthority _tokens = null!;
    private SpecServer _server = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var spec = await ContractSpecs.Hub.GetAsync(ApiVersion.Parse(HubClient.ApiVersion, VersionScheme.Date));
        _tokens = new TokenAuthority(HubClientContractTests.User, HubClientContractTests.Token, _time) { Lifetime = TimeSpan.FromSeconds(60) };
        _server = SpecServer.Start(spec, new SpecServerOptions { Tokens = _tokens, RateLimitPerMinute = 180, TimeProvider = _time });
    }

    public async ValueTask DisposeAsync()
    {
        Assert.Empty(_server.Errors);
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task The_first_call_exchanges_the_token_and_later_calls_reuse_it_while_it_is_fresh()
    {
        using var hub = Client();
        await hub.Repositories.GetTagAsync("team", "app", "latest", Cancel);
        _time.Advance(TimeSpan.FromSeconds(30));
        await hub.Repositories.GetTagAsync("team", "app", "latest", Cancel);

        Assert.Equal(["AuthCreateAccessToken", "RepositoryGetTag", "RepositoryGetTag"], Operations());
        Assert.Equal(1, _tokens.Exchanges);
        Assert.Equal(_time.GetUtcNow().AddSeconds(30), hub.Authentication.ExpiresAt);
        AssertValid();
    }

    [Fact]
    public async Task A_token_about_to_expire_or_expired_is_renewed_before_the_call()
    {
        using var hub = Client();
        await hub.Repositories.GetTagAsync("team", "app", "latest", Cancel);
        _time.Advance(TimeSpan.FromSeconds(55)); // within the renewal margin: a tenth of the 60 s lifetime
        await hub.Repositories.GetTagAsync("team", "app", "latest", Cancel);
        _time.Advance(TimeSpan.FromSeconds(61)); // past the second token's expiry: the server would refuse it
        await hub.Repositories.GetTagAsync("team", "app", "latest", Cancel);

        Assert.Equal(3, _tokens.Exchanges);
        Assert.Equal(["AuthCreateAccessToken", "RepositoryGetTag", "AuthCreateAccessToken", "RepositoryGetTag", "AuthCreateAccessToken", "RepositoryGetTag"], Operations());
        AssertValid();
    }

    [Fact]
    public async Task A_refused_token_is_renewed_and_the_call_sent_once_more_but_only_once()
    {
        using var hub = Client();
        await hub.Authentication.LoginAsync(Cancel);
        _server.Faults.RefuseNextToken();
        var tag = await hub.Repositories.GetTagAsync("team", "app", "latest", Cancel);
        Assert.NotNull(tag);
        Assert.Equal(["AuthCreateAccessToken", "RepositoryGetTag", "AuthCreateAccessToken", "RepositoryGetTag"], Operations());

        _server.Faults.RefuseNextToken();
        _server.Faults.RefuseNextToken();
        var denied = await Assert.ThrowsAsync<HubAccessDeniedException>(() => hub.Repositories.GetTagAsync("team", "app", "latest", Cancel));
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, denied.StatusCode);
        Assert.Equal(["RepositoryGetTag", "AuthCreateAccessToken", "RepositoryGetTag"], Operations().Skip(4));
        Assert.DoesNotContain(HubClientContractTests.Token, denied.Message, StringComparison.Ordinal);
        AssertValid();
    }

    [Fact]
    public async Task A_429_is_waited_for_as_Retry_After_says_and_the_rate_limit_headers_are_read()
    {
        // The system clock here: the wait is a real second.
        _tokens = new TokenAuthority(HubClientContractTests.User, HubClientContractTests.Token, TimeProvider.System);
        await using var server = SpecServer.Start(_server.Spec, new SpecServerOptions { Tokens = _tokens, RateLimitPerMinute = 180 });
        using var hub = Client(server, TimeProvider.System);
        await hub.Authentication.LoginAsync(Cancel);
        server.Faults.Throttle(1, retryAfterSeconds: 1);
        var started = TimeProvider.System.GetTimestamp();

        await hub.Repositories.GetTagAsync("team", "app", "latest", Cancel);

        Assert.True(TimeProvider.System.GetElapsedTime(started) >= TimeSpan.FromSeconds(0.9), "The client did not wait for Retry-After.");
        Assert.Equal(["AuthCreateAccessToken", "RepositoryGetTag", "RepositoryGetTag"], server.Requests.Select(r => r.OperationId));
        Assert.Equal(180, hub.Connection.LastRateLimit?.Limit);
        Assert.Equal(180 - 3, hub.Connection.LastRateLimit?.Remaining);
        Assert.All(server.Requests, r => Assert.True(r.Violations.Count == 0, r.ToString()));
        Assert.Empty(server.Errors);
    }

    [Fact]
    public async Task A_429_asking_for_more_than_the_budget_throws_at_once_saying_when_to_retry()
    {
        using var hub = Client(rateLimit: new RateLimitOptions { MaxRetries = 3, MaxTotalWait = TimeSpan.FromSeconds(5) });
        await hub.Authentication.LoginAsync(Cancel);
        _server.Faults.Throttle(1, retryAfterSeconds: 30);

        var throttled = await Assert.ThrowsAsync<HubTooManyRequestsException>(() => hub.Repositories.GetTagAsync("team", "app", "latest", Cancel));

        Assert.Equal(_time.GetUtcNow().AddSeconds(30), throttled.RetryAt);
        Assert.Equal(["AuthCreateAccessToken", "RepositoryGetTag"], Operations());
        AssertValid();
    }

    [Fact]
    public async Task A_paged_list_follows_next_across_every_page_on_the_clients_own_address()
    {
        using var hub = Client();
        var tags = new List<Hub.Models.Tag>();
        await foreach (var tag in hub.Repositories.ListTagsAsync("team", "app", new RepositoryListTagsOptions { PageSize = 1 }, Cancel))
        {
            tags.Add(tag);
        }

        Assert.Equal(PagedResponse.Pages, tags.Count);
        var pages = _server.Requests.Where(r => r.OperationId == "RepositoryListTags").ToList();
        Assert.Equal(["page_size=1", "page_size=1&page=2", "page_size=1&page=3"], pages.Select(p => p.Request.RawQuery));
        Assert.All(pages, p => Assert.Equal("localhost", p.Request.Header("Host"))); // links name hub.docker.com; the client stays on its base address
        AssertValid();
    }

    [Fact]
    public async Task Stopping_an_enumeration_stops_fetching_pages()
    {
        using var hub = Client();
        await foreach (var _ in hub.Orgs.ListMembersAsync("team", cancellationToken: Cancel))
        {
            break;
        }

        Assert.Equal(["AuthCreateAccessToken", "OrgListMembers"], Operations());
        AssertValid();
    }

    private HubClient Client(SpecServer? server = null, TimeProvider? time = null, RateLimitOptions? rateLimit = null)
        => new(new HubClientOptions
        {
            BaseAddress = HubClients.BaseAddress,
            Credentials = HubCredentials.PersonalAccessToken(HubClientContractTests.User, HubClientContractTests.Token),
            ConfigureHandler = HubClients.UnixSocket((server ?? _server).SocketPath),
            TimeProvider = time ?? _time,
            RateLimit = rateLimit ?? new RateLimitOptions { MaxTotalWait = TimeSpan.FromSeconds(60) },
        });

    private List<string?> Operations() => [.. _server.Requests.Select(r => r.OperationId)];

    private void AssertValid() => Assert.All(_server.Requests, r => Assert.True(r.Violations.Count == 0, r.ToString()));
}
