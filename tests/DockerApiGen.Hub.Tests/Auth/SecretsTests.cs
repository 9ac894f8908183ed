using DockerApiGen.Hub.Auth;
using DockerApiGen.Hub.Errors;
using DockerApiGen.Hub.Http;
using DockerApiGen.Hub.Tests.Support;

namespace DockerApiGen.Hub.Tests.Auth;

/// <summary>Passwords, access tokens, bearer tokens, second-factor tokens and codes never appear in a message or <c>ToString</c>.</summary>
public sealed class SecretsTests : HubTestBase
{
    private static readonly string[] Secrets = [FakeHub.Password, FakeHub.PersonalToken, FakeHub.OrganizationToken, FakeHub.TwoFactorPassword, FakeHub.TwoFactorCode, FakeHub.ScimToken];

    private void AssertClean(string? text)
    {
        Assert.NotNull(text);
        foreach (var secret in Secrets.Concat(Hub.IssuedTokens))
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }
    }

    private void AssertClean(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            AssertClean(e.Message);
            AssertClean(e.ToString());
        }
    }

    [Fact]
    public void Credentials_options_and_results_keep_secrets_out_of_ToString()
    {
        foreach (var credentials in new[] { HubCredentials.Password(FakeHub.User, FakeHub.Password), HubCredentials.PersonalAccessToken(FakeHub.User, FakeHub.PersonalToken), HubCredentials.OrganizationAccessToken(FakeHub.Organization, FakeHub.OrganizationToken) })
        {
            AssertClean(credentials.ToString());
            Assert.Contains("Secret = ***", credentials.ToString(), StringComparison.Ordinal);
            var options = new HubClientOptions { Credentials = credentials, ScimToken = FakeHub.ScimToken, TwoFactorCodeProvider = (_, _) => ValueTask.FromResult<string?>(FakeHub.TwoFactorCode) };
            AssertClean(options.ToString());
            using var connection = new HubConnection(options);
            AssertClean(connection.Authentication.ToString());
        }

        AssertClean(new HubClientOptions { BaseAddress = new Uri($"https://alice:{FakeHub.Password}@hub.test/") }.ToString());
        AssertClean(new HubToken(FakeHub.PersonalToken, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddMinutes(10), "test").ToString());
    }

    [Fact]
    public async Task Signed_in_state_and_second_factors_keep_tokens_out_of_ToString_and_messages()
    {
        var hub = Connect(HubCredentials.Password(FakeHub.TwoFactorUser, FakeHub.TwoFactorPassword), HubLoginEndpoint.UsersLogin);
        var required = await Assert.ThrowsAsync<HubTwoFactorRequiredException>(() => GetTagsAsync(hub));
        AssertClean(required);
        AssertClean(required.Challenge.ToString());
        Assert.DoesNotContain(required.Challenge.LoginToken, required.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(required.Challenge.LoginToken, required.Challenge.ToString(), StringComparison.Ordinal);

        var result = await hub.Authentication.CompleteTwoFactorAsync(required.Challenge, FakeHub.TwoFactorCode, Cancel);
        AssertClean(result.ToString());
        AssertClean(hub.Authentication.ToString());
        var refused = await Assert.ThrowsAsync<HubAuthenticationException>(() => hub.Authentication.CompleteTwoFactorAsync(required.Challenge, FakeHub.TwoFactorCode, Cancel));
        AssertClean(refused);
    }

    [Fact]
    public async Task A_secret_the_hub_echoes_is_masked_in_refusals()
    {
        var hub = Connect(HubCredentials.Password(FakeHub.User, FakeHub.Password));
        Hub.TokenScript.Enqueue(new FakeHub.Scripted(401, $$"""{"detail":"password {{FakeHub.Password}} is wrong"}"""));
        var refused = await Assert.ThrowsAsync<HubAuthenticationException>(() => GetTagsAsync(hub));
        AssertClean(refused);
        Assert.Contains("password *** is wrong", refused.Message, StringComparison.Ordinal);

        Hub.TokenScript.Enqueue(new FakeHub.Scripted(500, $$"""{"message":"cannot check {{FakeHub.Password}}","txnid":"t1"}"""));
        var failed = await Assert.ThrowsAsync<HubAuthenticationException>(() => GetTagsAsync(hub));
        Assert.Equal(HubAuthenticationFailure.TokenEndpointFailed, failed.Failure);
        AssertClean(failed);
    }

    [Fact]
    public async Task A_token_the_hub_echoes_is_masked_in_call_errors()
    {
        var hub = Connect(HubCredentials.PersonalAccessToken(FakeHub.User, FakeHub.PersonalToken), configure: o => new() { BaseAddress = o.BaseAddress, Credentials = o.Credentials, TimeProvider = o.TimeProvider, ScimToken = FakeHub.ScimToken });
        await GetTagsAsync(hub);
        var bearer = Assert.Single(Hub.IssuedTokens);
        Hub.ApiScript.Enqueue(new FakeHub.Scripted(403, $$"""{"detail":"token {{bearer}} lacks repo:admin","fields":{"secret":["{{FakeHub.PersonalToken}}"]},"errors":[{"code":"DENIED","message":"{{FakeHub.ScimToken}}"}]}"""));

        var denied = await Assert.ThrowsAsync<HubAccessDeniedException>(() => GetTagsAsync(hub));
        AssertClean(denied);
        AssertClean(denied.Error!.Summary);
        Assert.Equal("token *** lacks repo:admin", denied.Error.Detail);
    }

    [Fact]
    public async Task A_token_answer_that_is_not_a_token_is_reported_without_its_body()
    {
        var hub = Connect(HubCredentials.PersonalAccessToken(FakeHub.User, FakeHub.PersonalToken));
        Hub.TokenScript.Enqueue(new FakeHub.Scripted(200, $$"""{"jwt":"{{FakeHub.PersonalToken}}"}"""));
        var error = await Assert.ThrowsAsync<HubAuthenticationException>(() => GetTagsAsync(hub));
        Assert.Equal(HubAuthenticationFailure.TokenEndpointFailed, error.Failure);
        Assert.Contains("JSON without 'access_token' or 'token'", error.Message, StringComparison.Ordinal);
        AssertClean(error);
    }

    [Fact]
    public void A_base_address_with_a_password_is_refused_without_showing_it()
    {
        var error = Assert.Throws<ArgumentException>(() => new HubConnection(new HubClientOptions { BaseAddress = new Uri($"https://alice:{FakeHub.Password}@hub.test/") }));
        AssertClean(error);
        var ftp = Assert.Throws<ArgumentException>(() => new HubConnection(new HubClientOptions { BaseAddress = new Uri($"ftp://alice:{FakeHub.Password}@hub.test/") }));
        AssertClean(ftp);
    }
}
