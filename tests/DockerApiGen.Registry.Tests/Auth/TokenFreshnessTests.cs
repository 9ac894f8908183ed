using DockerApiGen.Registry.Auth;
using Microsoft.Extensions.Time.Testing;

namespace DockerApiGen.Registry.Tests.Auth;

/// <summary>The token cache: reuse by coverage, renewal margins, replacement and the refresh tokens it keeps.</summary>
public sealed class TokenFreshnessTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(60, 53, true)]
    [InlineData(60, 54, false)]   // a tenth of 60 s: renewed 6 s before
    [InlineData(600, 569, true)]
    [InlineData(600, 570, false)] // at most 30 s before
    [InlineData(2, 1, true)]
    [InlineData(2, 2, false)]
    public void A_token_is_renewed_a_tenth_of_its_lifetime_but_at_most_30_s_before_it_expires(int lifetime, int after, bool fresh)
    {
        var token = new RegistryToken("t", TokenScope.Empty, Start, Start.AddSeconds(lifetime));
        Assert.Equal(fresh, token.IsFresh(Start.AddSeconds(after), TimeSpan.FromSeconds(30)));
        Assert.DoesNotContain("\"t\"", token.ToString(), StringComparison.Ordinal);
        Assert.Contains("***", token.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_cache_finds_a_covering_token_per_server_and_replaces_same_scope_tokens()
    {
        var time = new FakeTimeProvider(Start);
        var cache = new TokenCache(time, TimeSpan.FromSeconds(30));
        var pullPush = TokenScope.Parse("repository:a:pull,push");
        cache.Add("https://auth/token", "svc", new RegistryToken("one", pullPush, Start, Start.AddMinutes(5)));

        Assert.Equal("one", cache.Find("https://auth/token", "svc", TokenScope.Parse("repository:a:pull"))?.Value);
        Assert.Null(cache.Find("https://auth/token", "other", TokenScope.Parse("repository:a:pull")));
        Assert.Null(cache.Find("https://auth/token", "svc", TokenScope.Parse("repository:a:delete")));

        cache.Add("https://auth/token", "svc", new RegistryToken("two", pullPush, Start, Start.AddMinutes(5)));
        Assert.Equal("two", cache.Find("https://auth/token", "svc", pullPush)?.Value);
        cache.Remove("https://auth/token", "svc", "two");
        Assert.Null(cache.Find("https://auth/token", "svc", pullPush));

        time.Advance(TimeSpan.FromMinutes(10));
        cache.Add("https://auth/token", "svc", new RegistryToken("three", TokenScope.Empty, time.GetUtcNow(), time.GetUtcNow().AddMinutes(1)));
        Assert.Equal("three", cache.Find("https://auth/token", "svc", TokenScope.Empty)?.Value);
    }

    [Fact]
    public void The_cache_is_bounded()
    {
        var time = new FakeTimeProvider(Start);
        var cache = new TokenCache(time, TimeSpan.FromSeconds(30));
        for (var i = 0; i < TokenCache.Capacity + 10; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(1));
            cache.Add("r", "s", new RegistryToken($"t{i}", TokenScope.Parse($"repository:app{i}:pull"), time.GetUtcNow(), time.GetUtcNow().AddHours(1)));
        }

        Assert.Null(cache.Find("r", "s", TokenScope.Parse("repository:app0:pull")));
        Assert.NotNull(cache.Find("r", "s", TokenScope.Parse($"repository:app{TokenCache.Capacity + 9}:pull")));
    }

    [Fact]
    public void Refresh_tokens_are_kept_per_server()
    {
        var cache = new TokenCache(TimeProvider.System, TimeSpan.FromSeconds(30));
        cache.SetRefreshToken("r", "s", "refresh");
        Assert.Equal("refresh", cache.GetRefreshToken("r", "s"));
        Assert.Null(cache.GetRefreshToken("r", "other"));
        cache.SetRefreshToken("r", "s", null);
        Assert.Null(cache.GetRefreshToken("r", "s"));
    }
}
