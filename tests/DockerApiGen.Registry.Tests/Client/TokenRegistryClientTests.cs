using System.Security.Cryptography;
using DockerApiGen.Registry.Auth;
using DockerApiGen.Registry.Blobs;
using DockerApiGen.Registry.Errors;
using DockerApiGen.Registry.Manifests;
using DockerApiGen.Registry.References;
using DockerApiGen.Registry.Tests.Support;

namespace DockerApiGen.Registry.Tests.Client;

/// <summary>RegistryClient against the token-auth registry on :5055, its tokens from this project's test token server.</summary>
[Collection(TokenServerCollection.Name)]
public sealed class TokenRegistryClientTests(TokenServerFixture fixture)
{
    private static CancellationToken Cancel => TestClients.Cancel;

    private RegistryClient Client((string User, string Password) login)
        => new(new RegistryClientOptions { Credentials = StaticCredentialProvider.ForRegistry(fixture.Registry.Address, login.User, login.Password), RequestTimeout = TimeSpan.FromSeconds(60) });

    [Fact]
    public async Task Pushes_copies_and_reads_with_tokens_renewed_mid_run()
    {
        var server = await fixture.ServerAsync();
        server.ExpiresIn = 2;
        server.ExpiryShift = -60; // the registry's 60 s leeway cancelled: a token really stops working after 2 s
        using var client = Client(TestTokenServer.Writer);
        var image = TestClients.Repository(fixture.Registry.Address);

        var pushed = await TestImages.PushImageAsync(client, image, ManifestMediaTypes.OciManifest);
        var tokensBefore = server.Requests.Count;
        await Task.Delay(TimeSpan.FromSeconds(2.5), Cancel);

        // Every token the client holds has expired: each next call gets a fresh one up front, none is refused.
        var copy = image.WithName(TestClients.Repository(fixture.Registry.Address)).WithTag("copied");
        var result = await client.CopyAsync(image, copy, cancellationToken: Cancel);
        Assert.Equal((pushed.Digest, 2, 0), (result.Digest, result.BlobsMounted, result.BlobsUploaded));
        Assert.Equal(["copied"], await client.ListTagsAsync(copy, cancellationToken: Cancel).ToListAsync(Cancel));
        Assert.Equal(pushed.Digest, (await client.GetManifestAsync(copy, cancellationToken: Cancel)).Digest);
        Assert.True(server.Requests.Count > tokensBefore, "the expired tokens were renewed");
        Assert.Contains(server.Requests, r => r.Scope.Contains($"repository:{image.Repository}:pull", StringComparison.Ordinal) && r.Scope.Contains($"repository:{copy.Repository}:pull,push", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_reader_may_pull_but_a_push_is_denied_for_the_missing_scope()
    {
        var server = await fixture.ServerAsync();
        var image = TestClients.Repository(fixture.Registry.Address);
        using (var writer = Client(TestTokenServer.Writer))
        {
            await TestImages.PushImageAsync(client: writer, image);
        }

        using var reader = Client(TestTokenServer.Reader);
        Assert.Equal(ManifestKind.DockerManifest, (await reader.GetManifestAsync(image, cancellationToken: Cancel)).Kind);
        var denied = await Assert.ThrowsAsync<RegistryAccessDeniedException>(() => reader.PushBlobAsync(image, new MemoryStream(RandomNumberGenerator.GetBytes(100)), cancellationToken: Cancel));
        Assert.Equal(("insufficient_scope", image.Repository), (denied.ChallengeError, denied.Repository));
        // The registry lists the actions in varying order: compared as a scope.
        Assert.True(ResourceScope.Parse(denied.RequiredScope!).Covers(ResourceScope.Repository(image.Repository, "pull", "push")), denied.Message);
        Assert.Contains($"does not grant {denied.RequiredScope}", denied.Message, StringComparison.Ordinal);
        Assert.Equal("reader", server.Requests.Last().User);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_by_the_token_server_without_showing_it()
    {
        await fixture.ServerAsync();
        using var client = Client((TestTokenServer.Writer.User, "not-the-password-7"));
        var error = await Assert.ThrowsAsync<RegistryAuthenticationException>(() => client.ListTagsAsync(TestClients.Repository(fixture.Registry.Address), cancellationToken: Cancel).ToListAsync(Cancel).AsTask());
        Assert.Equal(RegistryAuthenticationFailure.CredentialsRefused, error.Failure);
        Assert.DoesNotContain("not-the-password-7", error.ToString(), StringComparison.Ordinal);
    }
}
