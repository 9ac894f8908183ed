using System.Net;
using System.Text;
using DockerApiGen.Registry.Auth;
using DockerApiGen.Registry.Content;
using DockerApiGen.Registry.Http;
using DockerApiGen.Registry.Manifests;
using DockerApiGen.Registry.References;
using DockerApiGen.Registry.Tests.Support;
using DockerApiGen.Runtime.Http;

namespace DockerApiGen.Registry.Tests.Client;

/// <summary>
/// What the test registries never do, against a scripted one: content negotiation (content types that pick the model,
/// contradict the manifest, or name another type), tags paged by Link (also to another host), warnings, malformed
/// challenges, malformed references, and how requests are addressed.
/// </summary>
public sealed class ScriptedRegistryTests
{
    private const string OciManifest = """{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a","size":2},"layers":[]}""";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static ImageReference Image(string tag = "v1") => ImageReference.Parse($"{ScriptedRegistry.Registry}/team/app:{tag}");

    [Fact]
    public async Task The_content_type_picks_the_model_and_must_agree_with_the_manifest()
    {
        var contentType = ManifestMediaTypes.OciManifest;
        var body = OciManifest;
        var registry = new ScriptedRegistry(_ => ScriptedRegistry.Json(body, contentType));
        using var client = registry.Client();

        var read = await client.GetManifestAsync(Image(), cancellationToken: Cancel);
        Assert.Equal((ManifestKind.OciManifest, ManifestMediaTypes.OciManifest, false), (read.Kind, read.MediaType, read.Verified)); // no Docker-Content-Digest
        Assert.Equal(Digest.Compute(Encoding.UTF8.GetBytes(OciManifest)), read.Digest);
        Assert.Equal(string.Join(", ", ManifestMediaTypes.DefaultAccept), registry.Requests.Last().Headers.Accept.ToString());
        Assert.Equal("/v2/team/app/manifests/v1", registry.Requests.Last().RequestUri!.AbsolutePath);

        // A generic content type: the manifest's own mediaType decides.
        contentType = "application/json";
        Assert.Equal(ManifestKind.OciManifest, (await client.GetManifestAsync(Image(), cancellationToken: Cancel)).Kind);

        // Served as one type, saying it is another: refused.
        contentType = ManifestMediaTypes.DockerManifest;
        var contradiction = await Assert.ThrowsAsync<InvalidDataException>(() => client.GetManifestAsync(Image(), cancellationToken: Cancel));
        Assert.Contains($"came as {ManifestMediaTypes.DockerManifest} but says it is {ManifestMediaTypes.OciManifest}", contradiction.Message, StringComparison.Ordinal);

        // Anything else is bytes with its media type and digest.
        contentType = "application/vnd.example.thing.v1+json";
        body = """{"thing":true}""";
        var other = await client.GetManifestAsync(Image(), ["application/vnd.example.thing.v1+json"], Cancel);
        Assert.Equal((ManifestKind.Other, "application/vnd.example.thing.v1+json", body), (other.Kind, other.MediaType, Encoding.UTF8.GetString(other.Bytes.Span)));
        Assert.Null(other.OciManifest);
        Assert.Equal("application/vnd.example.thing.v1+json", registry.Requests.Last().Headers.Accept.ToString());
    }

    [Fact]
    public async Task Tags_follow_link_headers_kept_on_the_registry_s_host_and_warnings_are_surfaced()
    {
        var tags = Enumerable.Range(0, 25).Select(i => $"t{i:00}").ToArray();
        var registry = new ScriptedRegistry(request =>
        {
            var query = System.Web.HttpUtility.ParseQueryString(request.RequestUri!.Query);
            var n = int.Parse(query["n"]!, System.Globalization.CultureInfo.InvariantCulture);
            var page = tags.Where(t => query["last"] is not { } last || string.CompareOrdinal(t, last) > 0).Take(n).ToArray();
            var response = ScriptedRegistry.Json($$"""{"name":"team/app","tags":[{{string.Join(",", page.Select(t => $"\"{t}\""))}}]}""");
            response.Headers.Add("Warning", "299 - \"this registry is deprecated\"");
            if (page[^1] != tags[^1])
            {
                // Absolute, and to another host: followed on the registry's own host.
                response.Headers.Add("Link", $"<https://elsewhere.test/v2/team/app/tags/list?n={n}&last={page[^1]}>; rel=\"next\"");
            }

            return response;
        });
        var warnings = new List<RegistryWarning>();
        using var client = registry.Client(warnings.Add);

        Assert.Equal(tags, await client.ListTagsAsync(Image(), pageSize: 10, Cancel).ToListAsync(Cancel));
        Assert.Equal(["n=10", "n=10&last=t09", "n=10&last=t19"], registry.Requests.Select(r => r.RequestUri!.Query.TrimStart('?')));
        Assert.All(registry.Requests, r => Assert.Equal(ScriptedRegistry.Registry, r.RequestUri!.Host));
        Assert.Equal(3, warnings.Count);
        Assert.Equal(new RegistryWarning(ScriptedRegistry.Registry, "this registry is deprecated"), warnings[0]);
    }

    [Fact]
    public async Task Malformed_challenges_and_references_say_what_is_wrong()
    {
        var registry = new ScriptedRegistry(_ =>
        {
            var response = ScriptedRegistry.Json("""{"errors":[{"code":"UNAUTHORIZED","message":"authentication required"}]}""", status: HttpStatusCode.Unauthorized);
            response.Headers.TryAddWithoutValidation("WWW-Authenticate", "Bearer realm=\"not a url\",service=\"registry.test\"");
            return response;
        });
        using var client = registry.Client();
        var challenge = await Assert.ThrowsAsync<RegistryChallengeException>(() => client.CheckAsync(ScriptedRegistry.Registry, Cancel));
        Assert.Contains("realm 'not a url' is not an absolute http or https URL", challenge.Message, StringComparison.Ordinal);

        var reference = Assert.Throws<ImageReferenceFormatException>(() => client.ListTagsAsync("registry.test/Team/App", cancellationToken: Cancel));
        Assert.Contains("Invalid image reference 'registry.test/Team/App'", reference.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => client.Api("http://user:secret@registry.test"));
        Assert.Contains("not a registry name", Assert.Throws<ArgumentException>(() => client.Api("registry test")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Repository_names_keep_their_slashes_and_locations_keep_their_query()
    {
        var name = "team/sub/app";
        Assert.Equal("/v2/team/sub/app/tags/list", new DockerRequest(HttpMethod.Get, $"/v2/{name:segments}/tags/list", "TagsList").Path);
        var odd = "a b/c";
        Assert.Equal("/v2/a%20b/c/tags/list", new DockerRequest(HttpMethod.Get, $"/v2/{odd:segments}/tags/list", "TagsList").Path);
        foreach (var bad in new[] { "a/../b", "a//b", "/a", "a/." })
        {
            var error = Assert.Throws<ArgumentException>(() => new DockerRequest(HttpMethod.Get, $"/v2/{bad:segments}/tags/list", "TagsList"));
            Assert.Contains("empty, '.' or '..' segment", error.Message, StringComparison.Ordinal);
        }

        var baseAddress = new Uri("https://registry.test/");
        var location = new Uri("https://registry.test/v2/team/app/blobs/uploads/u1?_state=abc%3D");
        var put = new DockerRequest(HttpMethod.Put, location, "BlobUploadComplete").Query("digest", "sha256:00");
        Assert.Equal("https://registry.test/v2/team/app/blobs/uploads/u1?_state=abc%3D&digest=sha256%3A00", RegistryConnection.Target(baseAddress, put).AbsoluteUri);
        var relative = new DockerRequest(HttpMethod.Get, new Uri("/v2/team/app/blobs/uploads/u2", UriKind.Relative), "BlobUploadStatus");
        Assert.Equal("https://registry.test/v2/team/app/blobs/uploads/u2", RegistryConnection.Target(baseAddress, relative).AbsoluteUri);
        Assert.Equal("PUT /v2/team/app/blobs/uploads/u1?digest=sha256%3A00", put.ToString()); // the registry's state stays out of logs
    }

    [Theory]
    [InlineData("docker.io", "docker.io", "registry-1.docker.io", null, false)]
    [InlineData("index.docker.io", "docker.io", "registry-1.docker.io", null, false)]
    [InlineData("127.0.0.1:5000", "127.0.0.1:5000", "127.0.0.1:5000", null, true)]
    [InlineData("localhost:5000/", "localhost:5000", "localhost:5000", null, true)]
    [InlineData("http://registry.internal:5000", "registry.internal:5000", "registry.internal:5000", "http", false)]
    [InlineData("https://[::1]:5000/", "[::1]:5000", "[::1]:5000", "https", true)]
    public void Registries_are_named_as_references_name_them(string text, string registry, string apiHost, string? scheme, bool loopback)
    {
        var address = RegistryAddress.Parse(text);
        Assert.Equal((registry, apiHost, scheme, loopback), (address.Registry, address.ApiHost, address.Scheme, address.IsLoopback));
    }
}
