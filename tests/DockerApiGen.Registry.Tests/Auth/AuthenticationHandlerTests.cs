using System.Net;
using DockerApiGen.Registry.Auth;
using DockerApiGen.Registry.Errors;
using DockerApiGen.Registry.Http;
using DockerApiGen.Registry.Tests.Support;
using DockerApiGen.Runtime.Auth;
using Microsoft.Extensions.Time.Testing;

namespace DockerApiGen.Registry.Tests.Auth;

/// <summary>The handler chain against an in-memory registry and token server that behave as docker-registry 2.8.</summary>
public sealed class AuthenticationHandlerTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static RegistryAuthenticationOptions As(string user, string password = FakeRegistry.Password, bool oauth = false)
        => new() { Credentials = StaticCredentialProvider.ForRegistry("registry.test", user, password), UseOAuthPasswordGrant = oauth };

    [Fact]
    public async Task Anonymous_pull_gets_a_token_by_get_and_reuses_it()
    {
        var registry = new FakeRegistry(_time);
        using var client = registry.CreateClient();

        using (var first = await client.GetAsync("/v2/public/app/manifests/latest", Cancel))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        using (var second = await client.GetAsync("/v2/public/app/blobs/sha256:" + new string('a', 64), Cancel))
        {
            Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        }

        var request = Assert.Single(registry.TokenRequests);
        Assert.Equal("GET", request.Method);
        Assert.False(request.BasicHeader);
        Assert.Equal("repository:public/app:pull", request.Scope.ToString());
        Assert.Equal("registry.test", request.Fields["service"]);
        Assert.Equal("dockerapigen", request.Fields["client_id"]);
        // The first request learns the challenge (one 401); the second is authorised up front.
        Assert.Equal([401, 200, 200], registry.RegistryStatuses);
    }

    [Fact]
    public async Task Basic_credentials_go_to_the_token_server_and_push_widens_the_scope()
    {
        var registry = new FakeRegistry(_time);
        using var client = registry.CreateClient(As("alice"));

        (await client.GetAsync("/v2/team/app/manifests/latest", Cancel)).Dispose();
        using var put = await client.PutAsync("/v2/team/app/manifests/v1", new StringContent("{}"), Cancel);

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(["repository:team/app:pull", "repository:team/app:pull,push"], registry.TokenRequests.Select(r => r.Scope.ToString()));
        Assert.All(registry.TokenRequests, r => Assert.True(r.BasicHeader));
        Assert.All(registry.TokenRequests, r => Assert.Equal("alice", r.Fields["account"]));
        Assert.Equal([401, 200, 200], registry.RegistryStatuses);
    }

    [Fact]
    public async Task A_challenge_for_a_wider_scope_is_honoured()
    {
        // This registry wants push even for reads of one repository: only its challenge can say so.
        var registry = new FakeRegistry(_time)
        {
            ExtraNeeded = r => r.RequestUri!.AbsolutePath.Contains("/strict/", StringComparison.Ordinal) ? TokenScope.Parse("repository:strict/app:push") : TokenScope.Empty,
        };
        using var client = registry.CreateClient(As("alice"));

        (await client.GetAsync("/v2/strict/app/tags/list", Cancel)).Dispose();
        using var second = await client.GetAsync("/v2/strict/app/manifests/latest", Cancel);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("repository:strict/app:pull,push", registry.TokenRequests[^1].Scope.ToString());
        Assert.Equal(1, registry.TokenRequests.Count(r => r.Scope.ToString() == "repository:strict/app:pull,push"));
    }

    [Fact]
    public async Task A_token_is_renewed_shortly_before_it_expires()
    {
        var registry = new FakeRegistry(_time) { ExpiresIn = 60 };
        using var client = registry.CreateClient(As("alice"));

        (await client.GetAsync("/v2/team/app/tags/list", Cancel)).Dispose();
        _time.Advance(TimeSpan.FromSeconds(50));
        (await client.GetAsync("/v2/team/app/tags/list", Cancel)).Dispose();
        Assert.Single(registry.TokenRequests);

        // 60 s tokens are renewed 6 s before they expire (a tenth of the lifetime).
        _time.Advance(TimeSpan.FromSeconds(5));
        using var renewed = await client.GetAsync("/v2/team/app/tags/list", Cancel);

        Assert.Equal(HttpStatusCode.OK, renewed.StatusCode);
        Assert.Equal(2, registry.TokenRequests.Count);
        Assert.DoesNotContain(401, registry.RegistryStatuses.Skip(1));
    }

    [Fact]
    public async Task A_cached_token_the_registry_refuses_is_replaced_once()
    {
        var registry = new FakeRegistry(_time);
        using var client = registry.CreateClient(As("alice"));
        (await client.GetAsync("/v2/team/app/tags/list", Cancel)).Dispose();

        // The registry stops accepting what it issued (a restart with a new key): the cached token is refused.
        registry.RevokeAll();
        using var again = await client.GetAsync("/v2/team/app/tags/list", Cancel);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(2, registry.TokenRequests.Count);
        Assert.Equal([401, 200, 401, 200], registry.RegistryStatuses);
    }

    [Fact]
    public async Task The_oauth_password_grant_returns_a_refresh_token_used_instead_of_the_password()
    {
        var registry = new FakeRegistry(_time);
        using var client = registry.CreateClient(As("alice", oauth: true));

        (await client.GetAsync("/v2/team/app/tags/list", Cancel)).Dispose();
        (await client.GetAsync("/v2/other/app/tags/list", Cancel)).Dispose();

        Assert.Equal(["password", "refresh_token"], registry.TokenRequests.Select(r => r.GrantType));
        Assert.All(registry.TokenRequests, r => Assert.Equal("POST", r.Method));
        Assert.Equal("offline", registry.TokenRequests[0].Fields["access_type"]);
        Assert.DoesNotContain("password", registry.TokenRequests[1].Fields.Keys);
        Assert.Equal("repository:other/app:pull", registry.TokenRequests[1].Fields["scope"]);
    }

    [Fact]
    public async Task A_token_server_without_post_is_asked_by_get_from_then_on()
    {
        var registry = new FakeRegistry(_time) { ServePost = false };
        using var client = registry.CreateClient(As("alice", oauth: true));

        using var first = await client.GetAsync("/v2/team/app/tags/list", Cancel);
        (await client.GetAsync("/v2/other/app/tags/list", Cancel)).Dispose();

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(["POST", "GET", "GET"], registry.TokenRequests.Select(r => r.Method));
        Assert.True(registry.TokenRequests[1].BasicHeader);
    }

    [Fact]
    public async Task An_identity_token_is_used_as_a_refresh_token()
    {
        var registry = new FakeRegistry(_time);
        registry.AddRefreshToken("identity-xyz", "alice");
        using var client = registry.CreateClient(new RegistryAuthenticationOptions { Credentials = StaticCredentialProvider.WithIdentityToken("registry.test", "identity-xyz") });

        using var response = await client.PutAsync("/v2/team/app/manifests/v1", new StringContent("{}"), Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var request = Assert.Single(registry.TokenRequests);
        Assert.Equal(("POST", "refresh_token", "identity-xyz"), (request.Method, request.GrantType, request.Fields["refresh_token"]));
        Assert.Equal("repository:team/app:pull,push", request.Fields["scope"]);
    }

    [Fact]
    public async Task A_refused_identity_token_says_to_log_in_again_without_showing_it()
    {
        var registry = new FakeRegistry(_time);
        using var client = registry.CreateClient(new RegistryAuthenticationOptions { Credentials = StaticCredentialProvider.WithIdentityToken("registry.test", "revoked-identity-token") });

        var error = await Assert.ThrowsAsync<RegistryAuthenticationException>(() => client.GetAsync("/v2/team/app/tags/list", Cancel));

        Assert.Equal(RegistryAuthenticationFailure.CredentialsRefused, error.Failure);
        Assert.Contains("refused the identity token", error.Message, StringComparison.Ordinal);
        Assert.Contains("docker login registry.test", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("revoked-identity-token", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_is_a_typed_error_that_names_the_user_not_the_password()
    {
        var registry = new FakeRegistry(_time);
        using var client = registry.CreateClient(As("alice", "wrong-password-123"));

        var error = await Assert.ThrowsAsync<RegistryAuthenticationException>(() => client.GetAsync("/v2/team/app/tags/list", Cancel));

        Assert.Equal(RegistryAuthenticationFailure.CredentialsRefused, error.Failure);
        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal("registry.test", error.Registry);
        Assert.Contains("user 'alice'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-password-123", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_with_the_oauth_grant_is_refused_the_same_way()
    {
        var registry = new FakeRegistry(_time);
        using var client = registry.CreateClient(As("alice", "wrong-password-123", oauth: true));
        var error = await Assert.ThrowsAsync<RegistryAuthenticationException>(() => client.GetAsync("/v2/team/app/tags/list", Cancel));
        Assert.Equal(RegistryAuthenticationFailure.CredentialsRefused, error.Failure);
        Assert.Contains("invalid_grant: bad credentials", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-password-123", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_right_is_an_access_denied_error_with_the_scope()
    {
        var registry = new FakeRegistry(_time);
        using var client = registry.CreateClient(As("reader"));

        using (var read = await client.GetAsync("/v2/team/app/tags/list", Cancel))
        {
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        }

        var error = await Assert.ThrowsAsync<RegistryAccessDeniedException>(() => client.PutAsync("/v2/team/app/manifests/v1", new StringContent("{}"), Cancel));

        Assert.Equal("insufficient_scope", error.ChallengeError);
        Assert.Equal("repository:team/app:pull,push", error.RequiredScope);
        Assert.Equal("team/app", error.Repository);
        Assert.Equal("v1", error.Reference);
        Assert.Equal(RegistryErrorCode.Unauthorized, error.Code);
        Assert.Contains("does not grant repository:team/app:pull,push", error.Message, StringComparison.Ordinal);
        // One fresh token for push was asked for and refused; the handler does not loop.
        Assert.Equal(2, registry.TokenRequests.Count);
    }

    [Fact]
    public async Task The_scope_in_an_access_denied_error_lists_its_actions_sorted_whatever_order_the_registry_sent()
    {
        // Docker's registry writes a challenge's actions from a Go map: pull,push on one run, push,pull on the next.
        var registry = new FakeRegistry(_time);
        registry.ChallengeOverride = $"Bearer realm=\"{registry.Realm}\",service=\"{registry.Service}\",scope=\"repository:team/app:push,pull\",error=\"insufficient_scope\"";
        using var client = registry.CreateClient(As("reader"));

        var error = await Assert.ThrowsAsync<RegistryAccessDeniedException>(() => client.PutAsync("/v2/team/app/manifests/v1", new StringContent("{}"), Cancel));

        Assert.Equal("repository:team/app:pull,push", error.RequiredScope);
        Assert.Contains("does not grant repository:team/app:pull,push", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_access_to_a_private_repository_says_that_credentials_are_needed()
    {
        var registry = new FakeRegistry(_time);
        using var client = registry.CreateClient();
        var error = await Assert.ThrowsAsync<RegistryAccessDeniedException>(() => client.GetAsync("/v2/team/app/tags/list", Cancel));
        Assert.Contains("needs credentials and none are configured for it", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Basic_registries_get_the_login_and_a_wrong_one_is_refused()
    {
        var registry = new FakeRegistry(_time) { UseBasic = true };
        using (var client = registry.CreateClient(As("alice")))
        {
            using var ok = await client.GetAsync("/v2/team/app/tags/list", Cancel);
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            (await client.GetAsync("/v2/team/app/tags/list", Cancel)).Dispose();
            Assert.Equal([401, 200, 200], registry.RegistryStatuses);
            Assert.Empty(registry.TokenRequests);
        }

        using var wrong = registry.CreateClient(As("alice", "nope-nope"));
        var error = await Assert.ThrowsAsync<RegistryAuthenticationException>(() => wrong.GetAsync("/v2/team/app/tags/list", Cancel));
        Assert.Equal(RegistryAuthenticationFailure.CredentialsRefused, error.Failure);
        Assert.DoesNotContain("nope-nope", error.ToString(), StringComparison.Ordinal);

        using var anonymous = registry.CreateClient();
        var denied = await Assert.ThrowsAsync<RegistryAccessDeniedException>(() => anonymous.GetAsync("/v2/team/app/tags/list", Cancel));
        Assert.Contains("needs credentials", denied.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_streamed_upload_learns_the_challenge_first_and_is_sent_once()
    {
        var registry = new FakeRegistry(_time);
        using var client = registry.CreateClient(As("alice"));
        using var body = new StreamContent(new NonSeekableStream(new byte[1000]));

        using var response = await client.PatchAsync("/v2/team/app/blobs/uploads/abc", body, Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([("GET", "/v2/", 401), ("PATCH", "/v2/team/app/blobs/uploads/abc", 200)], registry.RegistryRequests.Select(r => (r.Method, r.Path, r.Status)));
    }

    [Fact]
    public async Task Concurrent_requests_share_one_token_request()
    {
        var registry = new FakeRegistry(_time);
        using var client = registry.CreateClient(As("alice"));
        (await client.GetAsync("/v2/", Cancel)).Dispose();
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.GetAsync("/v2/team/app/tags/list", Cancel)));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(2, registry.TokenRequests.Count); // one for /v2/ (no scope), one for the repository
    }

    [Fact]
    public async Task A_token_server_429_is_waited_out()
    {
        var registry = new FakeRegistry(_time);
        registry.TokenServerAnswers.Enqueue(() =>
        {
            var busy = FakeRegistry.Json(HttpStatusCode.TooManyRequests, """{"errors":[{"code":"TOOMANYREQUESTS","message":"slow down"}]}""");
            busy.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(2));
            return busy;
        });
        using var client = registry.CreateClient(As("alice"));
        var pending = client.GetAsync("/v2/team/app/tags/list", Cancel);
        while (!pending.IsCompleted)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(5, Cancel);
        }

        using var response = await pending;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, registry.TokenRequests.Count);
    }

    [Fact]
    public async Task A_request_with_its_own_authorization_is_passed_through()
    {
        var registry = new FakeRegistry(_time);
        using var client = registry.CreateClient(As("alice"));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v2/team/app/tags/list");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "mine");
        using var response = await client.SendAsync(request, Cancel);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(registry.TokenRequests);
    }

    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
