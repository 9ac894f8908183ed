using DockerApiGen.Hub.Auth;
using DockerApiGen.Hub.Tests.Support;

namespace DockerApiGen.Hub.Tests.Auth;

/// <summary>When a token expires, from its claims.</summary>
public sealed class JwtLifetimeTests : HubTestBase
{
    private DateTimeOffset Now => Time.GetUtcNow();

    [Fact]
    public void The_lifetime_exp_minus_iat_counts_from_when_the_token_arrived()
    {
        // The Hub's clock is five minutes behind: exp alone would look five minutes early.
        var token = Hub.Issue("alice", Now.AddMinutes(-5), TimeSpan.FromMinutes(10));
        var (expiresAt, source) = JwtLifetime.Read(token, Now);
        Assert.Equal(Now.AddMinutes(10), expiresAt);
        Assert.Equal("JWT exp − iat", source);
    }

    [Fact]
    public void Exp_alone_is_taken_as_it_is()
    {
        var token = Hub.Issue("alice", Now, TimeSpan.FromMinutes(3), includeIssuedAt: false);
        Assert.Equal((Now.AddMinutes(3), "JWT exp"), JwtLifetime.Read(token, Now));
    }

    [Theory]
    [InlineData("opaque-token")]
    [InlineData("a.b.c")]
    [InlineData("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.")]
    [InlineData("eyJhbGciOiJub25lIn0.eyJleHAiOiJzb29uIn0.x")]
    [InlineData("eyJhbGciOiJub25lIn0.W10.x")]
    public void A_token_without_a_readable_exp_gets_the_documented_ten_minutes(string token)
        => Assert.Equal((Now.AddMinutes(10), "documented 10-minute lifetime"), JwtLifetime.Read(token, Now));

    [Fact]
    public void Freshness_keeps_a_margin_of_a_tenth_of_the_lifetime_at_most_the_maximum()
    {
        var shortLived = new HubToken("t", Now, Now.AddMinutes(2), "test");
        Assert.True(shortLived.IsFresh(Now.AddSeconds(107), TimeSpan.FromSeconds(30)));
        Assert.False(shortLived.IsFresh(Now.AddSeconds(108), TimeSpan.FromSeconds(30)));

        var longLived = new HubToken("t", Now, Now.AddHours(1), "test");
        Assert.True(longLived.IsFresh(Now.AddSeconds(3569), TimeSpan.FromSeconds(30)));
        Assert.False(longLived.IsFresh(Now.AddSeconds(3570), TimeSpan.FromSeconds(30)));
    }
}
