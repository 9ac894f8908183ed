using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using DockerApiGen.Registry.Auth;
using DockerApiGen.Registry.Content;
using DockerApiGen.Registry.Errors;
using DockerApiGen.Registry.Tests.Support;
using DockerApiGen.Runtime.Auth;
using DockerApiGen.Runtime.Configuration;

namespace DockerApiGen.Registry.Tests.Live;

/// <summary>
/// The token flow against docker-registry 2.8 with <c>auth: token</c> on :5055, whose tokens come from this
/// project's test token server (signing with the key build/start-test-registries.sh made).
/// </summary>
[Collection(TokenServerCollection.Name)]
public sealed class TokenRegistryTests(TokenServerFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private LiveClient Client(RegistryAuthenticationOptions? options = null) => LiveClient.Create(fixture.Registry.Uri, options);

    private RegistryAuthenticationOptions As((string User, string Password) login, bool oauth = false)
        => new() { Credentials = StaticCredentialProvider.ForRegistry(fixture.Registry.Address, login.User, login.Password), UseOAuthPasswordGrant = oauth };

    [Fact]
    public async Task Pull_then_push_gets_a_token_for_each_scope_and_the_content_round_trips()
    {
        var server = await fixture.ServerAsync();
        using var client = Client(As(TestTokenServer.Writer));
        var repository = LiveClient.Repository();

        // A pull of a repository that does not exist yet: the token is for pull, the registry's answer is typed.
        var unknown = await Assert.ThrowsAsync<RegistryNotFoundException>(() => client.SendOkAsync(HttpMethod.Get, $"/v2/{repository}/tags/list"));
        Assert.Equal(RegistryErrorCode.NameUnknown, unknown.Code);
        Assert.Equal(repository, unknown.Repository);

        var (manifest, layer, layerBytes) = await client.PushImageAsync(repository, "v1");
        using (var tags = await client.SendOkAsync(HttpMethod.Get, $"/v2/{repository}/tags/list"))
        {
            using var json = JsonDocument.Parse(await tags.Content.ReadAsStreamAsync(Cancel));
            Assert.Equal(["v1"], json.RootElement.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        }

        using (var blob = await client.SendOkAsync(HttpMethod.Get, $"/v2/{repository}/blobs/{layer}"))
        {
            await using var verified = new VerifyingReadStream(await blob.Content.ReadAsStreamAsync(Cancel), layer, layerBytes.Length);
            var copy = new MemoryStream();
            await verified.CopyToAsync(copy, Cancel);
            Assert.Equal(layerBytes, copy.ToArray());
        }

        using (var head = await client.SendOkAsync(HttpMethod.Head, $"/v2/{repository}/manifests/v1", accept: "application/vnd.docker.distribution.manifest.v2+json"))
        {
            Assert.Equal(manifest.ToString(), head.Headers.GetValues("Docker-Content-Digest").Single());
        }

        var scopes = server.Requests.Select(r => r.Scope).ToList();
        Assert.Contains($"repository:{repository}:pull", scopes);
        Assert.Contains($"repository:{repository}:pull,push", scopes);
        Assert.All(server.Requests, r => Assert.Equal(("GET", "testuser"), (r.Method, r.User)));
        // After the first challenge every request was authorised up front: one 401 in the whole exchange.
        Assert.Equal(1, client.Seen.Count(s => s.Status == 401));

        await CleanUpAsync(client, repository, manifest);
    }

    [Fact]
    public async Task A_short_expires_in_forces_a_renewal_mid_run()
    {
        var server = await fixture.ServerAsync();
        server.ExpiresIn = 2;
        server.ExpiryShift = -60; // the registry's 60 s leeway cancelled: the token really stops working after 2 s
        using var client = Client(As(TestTokenServer.Writer));
        var repository = LiveClient.Repository();

        await Assert.ThrowsAsync<RegistryNotFoundException>(() => client.SendOkAsync(HttpMethod.Get, $"/v2/{repository}/tags/list"));
        var first = server.Requests.Last().IssuedToken!;
        await Task.Delay(TimeSpan.FromSeconds(2.5), Cancel);
        await Assert.ThrowsAsync<RegistryNotFoundException>(() => client.SendOkAsync(HttpMethod.Get, $"/v2/{repository}/tags/list"));

        Assert.Equal(2, server.Requests.Count);
        Assert.Equal(1, client.Seen.Count(s => s.Status == 401)); // renewed before sending, not after a refusal

        // The first token really is refused now, so the renewal mattered.
        using var raw = new HttpClient();
        using var stale = new HttpRequestMessage(HttpMethod.Get, new Uri(fixture.Registry.Uri, $"/v2/{repository}/tags/list"));
        stale.Headers.Authorization = new AuthenticationHeaderValue("Bearer", first);
        using var refused = await raw.SendAsync(stale, Cancel);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("invalid_token", refused.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reader_without_push_gets_an_access_denied_error()
    {
        var server = await fixture.ServerAsync();
        using var client = Client(As(TestTokenServer.Reader));
        var repository = LiveClient.Repository();

        var error = await Assert.ThrowsAsync<RegistryAccessDeniedException>(() => client.PushBlobAsync(repository, [1, 2, 3]));

        Assert.Equal("insufficient_scope", error.ChallengeError);
        Assert.Equal(RegistryErrorCode.Unauthorized, error.Code);
        Assert.Equal(repository, error.Repository);
        Assert.Contains($"does not grant repository:{repository}:pull,push", error.Message, StringComparison.Ordinal);
        Assert.Equal("reader", server.Requests.Last().User);
    }

    [Fact]
    public async Task Anonymous_access_is_refused_where_the_server_grants_nothing()
    {
        var server = await fixture.ServerAsync();
        using var client = Client();

        using (var check = await client.SendOkAsync(HttpMethod.Get, "/v2/"))
        {
            Assert.Equal(HttpStatusCode.OK, check.StatusCode); // any valid token passes /v2/, even an anonymous one
        }

        var error = await Assert.ThrowsAsync<RegistryAccessDeniedException>(() => client.SendOkAsync(HttpMethod.Get, $"/v2/{LiveClient.Repository()}/tags/list"));
        Assert.Contains("needs credentials and none are configured", error.Message, StringComparison.Ordinal);
        Assert.All(server.Requests, r => Assert.Null(r.User));

        // Where the server grants anonymous pull, the same client reads.
        var missing = await Assert.ThrowsAsync<RegistryNotFoundException>(() => client.SendOkAsync(HttpMethod.Get, $"/v2/{LiveClient.Repository("dockerapigen-public")}/tags/list"));
        Assert.Equal(RegistryErrorCode.NameUnknown, missing.Code);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_by_the_token_server()
    {
        await fixture.ServerAsync();
        using var client = Client(As(("testuser", "not-the-password")));
        var error = await Assert.ThrowsAsync<RegistryAuthenticationException>(() => client.SendOkAsync(HttpMethod.Get, $"/v2/{LiveClient.Repository()}/tags/list"));
        Assert.Equal(RegistryAuthenticationFailure.CredentialsRefused, error.Failure);
        Assert.Contains("user 'testuser'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-password", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_oauth_form_gives_a_refresh_token_used_for_later_scopes()
    {
        var server = await fixture.ServerAsync();
        using var client = Client(As(TestTokenServer.Writer, oauth: true));
        var repository = LiveClient.Repository();

        var (manifest, _, _) = await client.PushImageAsync(repository, "v1");
        await Assert.ThrowsAsync<RegistryNotFoundException>(() => client.SendOkAsync(HttpMethod.Get, $"/v2/{LiveClient.Repository()}/tags/list"));

        // One token covered the whole push; the next repository's token came from the refresh token.
        Assert.Equal(["password", "refresh_token"], server.Requests.Select(r => r.GrantType));
        Assert.All(server.Requests, r => Assert.Equal("POST", r.Method));
        Assert.Equal("password", server.Requests.First().GrantType);
        await CleanUpAsync(client, repository, manifest);
    }

    [Fact]
    public async Task Where_post_is_not_served_the_client_falls_back_to_get()
    {
        var server = await fixture.ServerAsync();
        server.ServePost = false;
        using var client = Client(As(TestTokenServer.Writer, oauth: true));
        await Assert.ThrowsAsync<RegistryNotFoundException>(() => client.SendOkAsync(HttpMethod.Get, $"/v2/{LiveClient.Repository()}/tags/list"));
        Assert.Equal(["POST", "GET"], server.Requests.Select(r => r.Method));
    }

    [Fact]
    public async Task An_identity_token_from_the_docker_config_is_used_as_the_refresh_token()
    {
        var server = await fixture.ServerAsync();
        var identity = server.CreateRefreshToken("testuser");
        var folder = Directory.CreateTempSubdirectory("dockerapigen-config-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "config.json"), "{\"auths\":{\"" + fixture.Registry.Address + "\":{\"identitytoken\":\"" + identity + "\"}}}");
            var store = new RegistryCredentialStore(DockerConfigFile.Load(Path.Combine(folder.FullName, "config.json")), DockerEnvironment.FromVariables(new Dictionary<string, string>(), folder.FullName));
            using var client = Client(new RegistryAuthenticationOptions { Credentials = new DockerConfigCredentialProvider(store) });
            var repository = LiveClient.Repository();

            var digest = await client.PushBlobAsync(repository, [9, 8, 7]);

            Assert.All(server.Requests, r => Assert.Equal(("POST", "refresh_token", "testuser"), (r.Method, r.GrantType, r.User)));
            using var delete = await client.SendOkAsync(HttpMethod.Delete, $"/v2/{repository}/blobs/{digest}");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_registry_accepts_tokens_naming_the_key_by_kid_or_x5c(bool x5c)
    {
        var server = await fixture.ServerAsync();
        server.UseX5c = x5c;
        using var client = Client(As(TestTokenServer.Writer));
        var repository = LiveClient.Repository();
        var digest = await client.PushBlobAsync(repository, [1, 2, 3, (byte)(x5c ? 1 : 0)]);
        // Deleting needs the delete action, which push does not include: a third scope.
        using var delete = await client.SendOkAsync(HttpMethod.Delete, $"/v2/{repository}/blobs/{digest}");
        Assert.Equal(HttpStatusCode.Accepted, delete.StatusCode);
        Assert.Contains($"repository:{repository}:delete", server.Requests.Select(r => r.Scope));
    }

    [Fact]
    public async Task The_catalog_needs_the_registry_scope()
    {
        await fixture.ServerAsync();
        using var writer = Client(As(TestTokenServer.Writer));
        using (var catalog = await writer.SendOkAsync(HttpMethod.Get, "/v2/_catalog?n=5"))
        {
            Assert.True(catalog.IsSuccessStatusCode);
        }

        using var reader = Client(As(TestTokenServer.Reader));
        var error = await Assert.ThrowsAsync<RegistryAccessDeniedException>(() => reader.SendOkAsync(HttpMethod.Get, "/v2/_catalog"));
        Assert.Equal("insufficient_scope", error.ChallengeError);
    }

    private static async Task CleanUpAsync(LiveClient client, string repository, Digest manifest)
    {
        // Labelled by repository name; the registry cannot delete repositories, so only their content goes.
        using var delete = await client.SendAsync(HttpMethod.Delete, $"/v2/{repository}/manifests/{manifest}");
    }
}
