using System.Net;
using System.Text.Json;
using DockerApiGen.Hub.Auth;
using DockerApiGen.Hub.Errors;
using DockerApiGen.Hub.Tests.Support;
using DockerApiGen.Runtime.Http;

namespace DockerApiGen.Hub.Tests.Auth;

/// <summary>Credentials exchanged for a bearer token at the Hub's token endpoints, and the token sent where it belongs.</summary>
public sealed class TokenExchangeTests : HubTestBase
{
    public static TheoryData<HubCredentialKind> Kinds => [HubCredentialKind.Password, HubCredentialKind.PersonalAccessToken, HubCredentialKind.OrganizationAccessToken];

    internal static HubCredentials CredentialsOf(HubCredentialKind kind) => kind switch
    {
        HubCredentialKind.Password => HubCredentials.Password(FakeHub.User, FakeHub.Password),
        HubCredentialKind.PersonalAccessToken => HubCredentials.PersonalAccessToken(FakeHub.User, FakeHub.PersonalToken),
        _ => HubCredentials.OrganizationAccessToken(FakeHub.Organization, FakeHub.OrganizationToken),
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Each_kind_of_credentials_is_exchanged_at_the_access_token_endpoint(HubCredentialKind kind)
    {
        var credentials = CredentialsOf(kind);
        var hub = Connect(credentials);
        var page = await GetTagsAsync(hub);

        Assert.Equal(10, page.Results!.Count);
        var login = Assert.Single(Hub.TokenRequests);
        Assert.Equal(("POST", "/v2/auth/token"), (login.Method, login.Path));
        Assert.Null(login.Authorization);
        using (var body = JsonDocument.Parse(login.Body!))
        {
            Assert.Equal(credentials.Identifier, body.RootElement.GetProperty("identifier").GetString());
            Assert.Equal(kind switch { HubCredentialKind.Password => FakeHub.Password, HubCredentialKind.PersonalAccessToken => FakeHub.PersonalToken, _ => FakeHub.OrganizationToken },
                body.RootElement.GetProperty("secret").GetString());
        }

        var call = Assert.Single(Hub.ApiRequests);
        Assert.Equal("Bearer " + Assert.Single(Hub.IssuedTokens), call.Authorization);
        Assert.Equal("DockerApiGen.Hub", call.UserAgent);
        Assert.Equal(Time.GetUtcNow() + TimeSpan.FromMinutes(10), hub.Authentication.ExpiresAt);
    }

    [Theory]
    [InlineData(HubCredentialKind.Password)]
    [InlineData(HubCredentialKind.PersonalAccessToken)]
    public async Task Users_sign_in_at_the_older_login_endpoint_when_asked(HubCredentialKind kind)
    {
        var hub = Connect(CredentialsOf(kind), HubLoginEndpoint.UsersLogin);
        await GetTagsAsync(hub);

        var login = Assert.Single(Hub.TokenRequests);
        Assert.Equal("/v2/users/login", login.Path);
        using var body = JsonDocument.Parse(login.Body!);
        Assert.Equal(FakeHub.User, body.RootElement.GetProperty("username").GetString());
        Assert.True(body.RootElement.TryGetProperty("password", out _));
        Assert.Equal("Bearer " + Assert.Single(Hub.IssuedTokens), Assert.Single(Hub.ApiRequests).Authorization);
    }

    [Fact]
    public async Task An_organization_access_token_is_refused_for_the_older_login_endpoint_before_anything_is_sent()
    {
        var hub = Connect(CredentialsOf(HubCredentialKind.OrganizationAccessToken), HubLoginEndpoint.UsersLogin);
        var error = await Assert.ThrowsAsync<HubAuthenticationException>(() => GetTagsAsync(hub));
        Assert.Equal(HubAuthenticationFailure.InvalidConfiguration, error.Failure);
        Assert.Contains("HubLoginEndpoint.AccessToken", error.Message, StringComparison.Ordinal);
        Assert.Empty(Hub.Requests);
    }

    [Fact]
    public async Task Without_credentials_calls_go_out_anonymously()
    {
        var hub = Connect();
        var page = await GetTagsAsync(hub, "library", "busybox");
        Assert.Equal(25, page.Count);
        Assert.Null(Assert.Single(Hub.Requests).Authorization);

        var error = await Assert.ThrowsAsync<HubAccessDeniedException>(() => GetTagsAsync(hub));
        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Contains("This call needs credentials: set HubClientOptions.Credentials", error.Message, StringComparison.Ordinal);
        Assert.Empty(Hub.TokenRequests);
    }

    [Fact]
    public async Task Refused_credentials_fail_naming_the_account_and_what_to_check()
    {
        var hub = Connect(HubCredentials.PersonalAccessToken(FakeHub.User, "dckr_pat_revoked0000000000000"));
        var error = await Assert.ThrowsAsync<HubAuthenticationException>(() => GetTagsAsync(hub));

        Assert.Equal(HubAuthenticationFailure.CredentialsRefused, error.Failure);
        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Contains("Docker Hub refused the personal access token of 'alice' at AuthCreateAccessToken (POST /v2/auth/token, 401 Unauthorized: Incorrect authentication credentials; unauthorized)", error.Message, StringComparison.Ordinal);
        Assert.Contains("active and has not expired", error.Message, StringComparison.Ordinal);
        Assert.Empty(Hub.ApiRequests);
    }

    [Fact]
    public async Task The_token_is_renewed_shortly_before_it_expires()
    {
        Hub.TokenLifetime = TimeSpan.FromMinutes(2);
        var hub = Connect(CredentialsOf(HubCredentialKind.PersonalAccessToken));
        await GetTagsAsync(hub);
        var first = hub.Authentication.ExpiresAt;
        Assert.Equal(Time.GetUtcNow().AddMinutes(2), first);

        // The margin is a tenth of the lifetime (12 s): at 100 s the token is still sent…
        Time.Advance(TimeSpan.FromSeconds(100));
        await GetTagsAsync(hub);
        Assert.Single(Hub.TokenRequests);

        // …at 110 s a new one is fetched before the call, so the Hub never sees an expired token.
        Time.Advance(TimeSpan.FromSeconds(10));
        await GetTagsAsync(hub);
        Assert.Equal(2, Hub.TokenRequests.Count());
        Assert.All(Hub.ApiRequests, r => Assert.Equal(200, r.Status));
        Assert.Equal(Time.GetUtcNow().AddMinutes(2), hub.Authentication.ExpiresAt);
        Assert.NotEqual(Hub.ApiRequests.First().Authorization, Hub.ApiRequests.Last().Authorization);
    }

    [Fact]
    public async Task A_token_without_iat_expires_at_its_exp()
    {
        Hub.IncludeIssuedAt = false;
        Hub.TokenLifetime = TimeSpan.FromMinutes(5);
        var hub = Connect(CredentialsOf(HubCredentialKind.Password));
        var result = await hub.Authentication.LoginAsync(Cancel);
        Assert.True(result.IsAuthenticated);
        Assert.Equal(Time.GetUtcNow().AddMinutes(5), result.ExpiresAt);
    }

    [Fact]
    public async Task A_refused_token_is_renewed_and_the_call_sent_exactly_once_more()
    {
        var hub = Connect(CredentialsOf(HubCredentialKind.PersonalAccessToken));
        await GetTagsAsync(hub);
        Hub.RevokeAll();

        var page = await GetTagsAsync(hub);
        Assert.Equal(10, page.Results!.Count);
        Assert.Equal([200, 401, 200], Hub.ApiRequests.Select(r => r.Status));
        Assert.Equal(2, Hub.TokenRequests.Count());
    }

    [Fact]
    public async Task A_second_401_goes_back_to_the_caller_without_a_third_attempt()
    {
        var hub = Connect(CredentialsOf(HubCredentialKind.PersonalAccessToken));
        Hub.ApiScript.Enqueue(new FakeHub.Scripted(401, """{"detail":"token revoked"}"""));
        Hub.ApiScript.Enqueue(new FakeHub.Scripted(401, """{"detail":"token revoked"}"""));

        var error = await Assert.ThrowsAsync<HubAccessDeniedException>(() => GetTagsAsync(hub));
        Assert.Equal(2, Hub.ApiRequests.Count());
        Assert.Equal(2, Hub.TokenRequests.Count());
        Assert.Equal("ListRepositoryTags", error.Operation);
        Assert.Contains("refused the token of PersonalAccessToken 'alice' even after renewing it", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Concurrent_calls_share_one_sign_in()
    {
        var hub = Connect(CredentialsOf(HubCredentialKind.PersonalAccessToken));
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => GetTagsAsync(hub)));
        Assert.Single(Hub.TokenRequests);
        Assert.Equal(8, Hub.ApiRequests.Count());
    }

    [Fact]
    public async Task Calls_of_the_token_endpoints_themselves_carry_no_token()
    {
        var hub = Connect(CredentialsOf(HubCredentialKind.PersonalAccessToken));
        await hub.Authentication.LoginAsync(Cancel);
        var login = new DockerRequest(HttpMethod.Post, "/v2/users/login", "PostUsersLogin")
            .JsonBody(new Dictionary<string, string> { ["username"] = FakeHub.User, ["password"] = FakeHub.Password }, AnswerJsonContext.Default.DictionaryStringString);
        await hub.SendAsync(login, Cancel);
        Assert.All(Hub.TokenRequests, r => Assert.Null(r.Authorization));
    }

    [Fact]
    public async Task Scim_calls_carry_the_scim_token_and_never_sign_in()
    {
        var withScim = Connect(CredentialsOf(HubCredentialKind.PersonalAccessToken), configure: o => new() { BaseAddress = o.BaseAddress, Credentials = o.Credentials, TimeProvider = o.TimeProvider, ScimToken = FakeHub.ScimToken });
        await withScim.SendAsync(new DockerRequest(HttpMethod.Get, "/v2/scim/2.0/Users", "ScimListUsers"), Cancel);
        Assert.Equal("Bearer " + FakeHub.ScimToken, Assert.Single(Hub.Requests).Authorization);

        var without = Connect(CredentialsOf(HubCredentialKind.PersonalAccessToken));
        var error = await Assert.ThrowsAsync<HubAccessDeniedException>(() => without.SendAsync(new DockerRequest(HttpMethod.Get, "/v2/scim/2.0/Users", "ScimListUsers"), Cancel));
        Assert.True(error.Error!.IsScim);
        Assert.Contains("set HubClientOptions.ScimToken", error.Message, StringComparison.Ordinal);
        Assert.Empty(Hub.TokenRequests);
    }

    [Fact]
    public async Task Signing_in_up_front_and_out_again()
    {
        var hub = Connect(CredentialsOf(HubCredentialKind.OrganizationAccessToken));
        var result = await hub.Authentication.LoginAsync(Cancel);
        Assert.True(result.IsAuthenticated);
        Assert.Null(result.TwoFactorChallenge);
        Assert.Equal(HubCredentialKind.OrganizationAccessToken, hub.Authentication.CredentialKind);
        Assert.Equal(FakeHub.Organization, hub.Authentication.Identifier);

        hub.Authentication.SignOut();
        Assert.Null(hub.Authentication.ExpiresAt);
        await GetTagsAsync(hub);
        Assert.Equal(2, Hub.TokenRequests.Count());
    }

    [Fact]
    public async Task Credentials_never_go_over_plain_http_to_a_host_that_is_not_loopback()
    {
        using var hub = new DockerApiGen.Hub.Http.HubConnection(new() { BaseAddress = new Uri("http://hub.example.test/"), Credentials = CredentialsOf(HubCredentialKind.Password) });
        var error = await Assert.ThrowsAsync<HubAuthenticationException>(() => hub.Authentication.LoginAsync(Cancel));
        Assert.Equal(HubAuthenticationFailure.InsecureTransport, error.Failure);
        Assert.Contains("http://hub.example.test: it is plain HTTP and not loopback", error.Message, StringComparison.Ordinal);
    }
}
