using System.Net;
using System.Text.Json;
using DockerApiGen.Registry.Auth;
using DockerApiGen.Registry.Content;
using DockerApiGen.Registry.Errors;
using DockerApiGen.Registry.Http;
using DockerApiGen.Registry.Tests.Support;

namespace DockerApiGen.Registry.Tests.Live;

/// <summary>Basic authentication, typed errors, verified reads and paging against the htpasswd registry on :5000.</summary>
public sealed class BasicRegistryTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static LiveClient Client(TestRegistries.BasicRegistry registry, string? password = null)
        => LiveClient.Create(registry.Uri, new RegistryAuthenticationOptions { Credentials = StaticCredentialProvider.ForRegistry(registry.Address, registry.User, password ?? registry.Password) });

    [Fact]
    public async Task Anonymous_access_is_refused_with_a_typed_error()
    {
        var registry = TestRegistries.BasicOrSkip();
        using var client = LiveClient.Create(registry.Uri);
        var error = await Assert.ThrowsAsync<RegistryAccessDeniedException>(() => client.SendOkAsync(HttpMethod.Get, "/v2/"));
        Assert.Equal(registry.Address, error.Registry);
        Assert.Equal(RegistryErrorCode.Unauthorized, error.Code);
        Assert.Contains($"needs credentials and none are configured for it: pass them, or run 'docker login {registry.Address}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_is_refused()
    {
        var registry = TestRegistries.BasicOrSkip();
        using var client = Client(registry, "wrong-password-for-test");
        var error = await Assert.ThrowsAsync<RegistryAuthenticationException>(() => client.SendOkAsync(HttpMethod.Get, "/v2/"));
        Assert.Equal(RegistryAuthenticationFailure.CredentialsRefused, error.Failure);
        Assert.DoesNotContain("wrong-password-for-test", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pushes_reads_verified_content_and_types_the_registry_s_errors()
    {
        var registry = TestRegistries.BasicOrSkip();
        using var client = Client(registry);
        var repository = LiveClient.Repository();
        var (manifest, layer, layerBytes) = await client.PushImageAsync(repository, "v1");

        using (var get = await client.SendOkAsync(HttpMethod.Get, $"/v2/{repository}/manifests/v1", accept: "application/vnd.docker.distribution.manifest.v2+json"))
        {
            // By tag: checked against the registry's Docker-Content-Digest, which is the push's digest.
            var content = await VerifiedDownload.ReadAllAsync(get, requested: null, cancellationToken: Cancel);
            Assert.True(content.Verified);
            Assert.Equal(manifest, content.Digest);
            Assert.Equal("application/vnd.docker.distribution.manifest.v2+json", content.MediaType);
            using var json = JsonDocument.Parse(content.Bytes);
            Assert.Equal(layer.ToString(), json.RootElement.GetProperty("layers")[0].GetProperty("digest").GetString());
        }

        using (var blob = await client.SendOkAsync(HttpMethod.Get, $"/v2/{repository}/blobs/{layer}"))
        {
            await using var verified = await VerifiedDownload.OpenBlobAsync(blob, layer, layerBytes.Length, Cancel);
            var copy = new MemoryStream();
            await verified.CopyToAsync(copy, Cancel);
            Assert.True(verified.IsVerified);
            Assert.Equal(layerBytes, copy.ToArray());
        }

        // A ranged read resumes a download; the two parts verify as the whole.
        using (var request = new HttpRequestMessage(HttpMethod.Get, $"/v2/{repository}/blobs/{layer}"))
        {
            request.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(5, null);
            using var partial = await client.Http.SendAsync(request, Cancel);
            Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
            var tail = await partial.Content.ReadAsByteArrayAsync(Cancel);
            Assert.True(layer.Matches([.. layerBytes[..5], .. tail]));
        }

        var manifestUnknown = await Assert.ThrowsAsync<RegistryNotFoundException>(() => client.SendOkAsync(HttpMethod.Get, $"/v2/{repository}/manifests/v404"));
        Assert.Equal((RegistryErrorCode.ManifestUnknown, repository, "v404"), (manifestUnknown.Code!.Value, manifestUnknown.Repository, manifestUnknown.Reference));
        Assert.Contains($"manifest 'v404' of {registry.Address}/{repository}", manifestUnknown.Message, StringComparison.Ordinal);

        var missingBlob = Digest.Compute([0xde, 0xad]);
        var blobUnknown = await Assert.ThrowsAsync<RegistryNotFoundException>(() => client.SendOkAsync(HttpMethod.Get, $"/v2/{repository}/blobs/{missingBlob}"));
        Assert.Equal(RegistryErrorCode.BlobUnknown, blobUnknown.Code);

        var byTag = await Assert.ThrowsAsync<RegistryApiException>(() => client.SendOkAsync(HttpMethod.Delete, $"/v2/{repository}/manifests/v1"));
        Assert.Equal(RegistryErrorCode.DigestInvalid, byTag.Code);

        using var deleted = await client.SendOkAsync(HttpMethod.Delete, $"/v2/{repository}/manifests/{manifest}");
        Assert.Equal(HttpStatusCode.Accepted, deleted.StatusCode);
    }

    [Fact]
    public async Task The_catalog_is_followed_through_its_link_headers()
    {
        var registry = TestRegistries.BasicOrSkip();
        using var client = Client(registry);
        var prefix = LiveClient.Repository("dockerapigen-registry-paging");
        var pushed = new List<(string Repository, Digest Blob)>();
        foreach (var name in new[] { "a", "b", "c" })
        {
            pushed.Add(($"{prefix}-{name}", await client.PushBlobAsync($"{prefix}-{name}", [1])));
        }

        var pages = 0;
        async Task<List<string>> ListAsync(int size)
        {
            var names = new List<string>();
            await foreach (var repository in RegistryPaging.FollowAsync(new Uri(registry.Uri, $"/v2/_catalog?n={size}"), async (uri, token) =>
            {
                pages++;
                using var page = await client.SendOkAsync(HttpMethod.Get, uri.AbsoluteUri);
                using var json = JsonDocument.Parse(await page.Content.ReadAsStringAsync(token));
                return new RegistryPage<string>([.. json.RootElement.GetProperty("repositories").EnumerateArray().Select(r => r.GetString()!)], LinkHeader.FindNext(page));
            }, r => r, Cancel))
            {
                names.Add(repository);
            }

            return names;
        }

        // Other tests add repositories meanwhile (none removes one): what was there before the small pages is in them,
        // and they hold nothing the listing after them lacks.
        var before = await ListAsync(1000);
        pages = 0;
        var paged = await ListAsync(2);
        var smallPages = pages;
        var after = await ListAsync(1000);
        Assert.Equal(paged.Count, paged.Distinct().Count());
        Assert.Subset(paged.ToHashSet(), before.ToHashSet());
        Assert.Subset(after.ToHashSet(), paged.ToHashSet());
        Assert.Superset(new HashSet<string>([$"{prefix}-a", $"{prefix}-b", $"{prefix}-c"]), paged.ToHashSet());
        Assert.True(smallPages >= 2, $"{smallPages} pages");
        foreach (var (repository, blob) in pushed)
        {
            (await client.SendAsync(HttpMethod.Delete, $"/v2/{repository}/blobs/{blob}")).Dispose();
        }
    }
}
