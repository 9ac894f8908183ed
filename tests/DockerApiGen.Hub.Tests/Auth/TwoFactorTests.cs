using System.Text.Json;
using DockerApiGen.Hub.Auth;
using DockerApiGen.Hub.Tests.Support;

namespace DockerApiGen.Hub.Tests.Auth;

/// <summary>The older login's second factor: a typed challenge the caller answers with a code, or a provider that answers it.</summary>
public sealed class TwoFactorTests : HubTestBase
{
    private static HubCredentials Bob => HubCredentials.Password(FakeHub.TwoFactorUser, FakeHub.TwoFactorPassword);

    [Fact]
    public async Task A_call_that_needs_a_second_factor_throws_a_challenge_the_caller_answers_with_a_code()
    {
        var hub = Connect(Bob, HubLoginEndpoint.UsersLogin);
        var error = await Assert.ThrowsAsync<HubTwoFactorRequiredException>(() => GetTagsAsync(hub));
        Assert.Equal(HubAuthenticationFailure.TwoFactorRequired, error.Failure);
        Assert.Equal(FakeHub.TwoFactorUser, error.Challenge.Username);
        Assert.Equal("Require secondary authentication on MFA enabled account", error.Challenge.Detail);
        Assert.Empty(Hub.ApiRequests);

        var result = await hub.Authentication.CompleteTwoFactorAsync(error.Challenge, FakeHub.TwoFactorCode, Cancel);
        Assert.True(result.IsAuthenticated);
        var page = await GetTagsAsync(hub);
        Assert.Equal(10, page.Results!.Count);

        var (login, secondFactor) = (Hub.TokenRequests.First(), Hub.TokenRequests.Last());
        Assert.Equal("/v2/users/login", login.Path);
        Assert.Equal("/v2/users/2fa-login", secondFactor.Path);
        using var body = JsonDocument.Parse(secondFactor.Body!);
        Assert.Equal(FakeHub.TwoFactorCode, body.RootElement.GetProperty("code").GetString());
        Assert.Equal(error.Challenge.LoginToken, body.RootElement.GetProperty("login_2fa_token").GetString());
        Assert.Equal(2, Hub.TokenRequests.Count());
    }

    [Fact]
    public async Task Signing_in_up_front_returns_the_challenge_as_a_result()
    {
        var hub = Connect(Bob, HubLoginEndpoint.UsersLogin);
        var result = await hub.Authentication.LoginAsync(Cancel);
        Assert.False(result.IsAuthenticated);
        var challenge = Assert.IsType<HubTwoFactorChallenge>(result.TwoFactorChallenge);
        Assert.Equal(Time.GetUtcNow(), challenge.IssuedAt);

        var signedIn = await hub.Authentication.CompleteTwoFactorAsync(challenge, " " + FakeHub.TwoFactorCode + " ", Cancel);
        Assert.Equal(Time.GetUtcNow().AddMinutes(10), signedIn.ExpiresAt);
    }

    [Fact]
    public async Task A_code_provider_answers_the_challenge_during_the_call()
    {
        var asked = new List<string>();
        var hub = Connect(Bob, HubLoginEndpoint.UsersLogin, o => new()
        {
            BaseAddress = o.BaseAddress, Credentials = o.Credentials, LoginEndpoint = o.LoginEndpoint, TimeProvider = o.TimeProvider,
            TwoFactorCodeProvider = (challenge, _) =>
            {
                asked.Add(challenge.Username);
                return ValueTask.FromResult<string?>(FakeHub.TwoFactorCode);
            },
        });

        var page = await GetTagsAsync(hub);
        Assert.Equal(10, page.Results!.Count);
        Assert.Equal([FakeHub.TwoFactorUser], asked);
        Assert.Equal(["/v2/users/login", "/v2/users/2fa-login"], Hub.TokenRequests.Select(r => r.Path));
    }

    [Fact]
    public async Task A_provider_that_gives_no_code_leaves_the_challenge_to_the_caller()
    {
        var hub = Connect(Bob, HubLoginEndpoint.UsersLogin, o => new()
        {
            BaseAddress = o.BaseAddress, Credentials = o.Credentials, LoginEndpoint = o.LoginEndpoint, TimeProvider = o.TimeProvider,
            TwoFactorCodeProvider = (_, _) => ValueTask.FromResult<string?>(null),
        });

        await Assert.ThrowsAsync<HubTwoFactorRequiredException>(() => GetTagsAsync(hub));
        Assert.Single(Hub.TokenRequests);
    }

    [Fact]
    public async Task A_wrong_code_is_refused_with_a_typed_failure()
    {
        var hub = Connect(Bob, HubLoginEndpoint.UsersLogin);
        var challenge = (await hub.Authentication.LoginAsync(Cancel)).TwoFactorChallenge!;
        var error = await Assert.ThrowsAsync<HubAuthenticationException>(() => hub.Authentication.CompleteTwoFactorAsync(challenge, "999999", Cancel));
        Assert.Equal(HubAuthenticationFailure.TwoFactorCodeRefused, error.Failure);
        Assert.Contains("refused the second-factor code for 'bob' at PostUsers2FALogin", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("999999", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(challenge.LoginToken, error.Message, StringComparison.Ordinal);
        Assert.Null(hub.Authentication.ExpiresAt);
    }
}
