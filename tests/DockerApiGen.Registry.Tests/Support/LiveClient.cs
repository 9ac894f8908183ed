using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using DockerApiGen.Registry.Auth;
using DockerApiGen.Registry.Content;
using DockerApiGen.Registry.Errors;
using DockerApiGen.Registry.Http;

namespace DockerApiGen.Registry.Tests.Support;

/// <summary>
/// Raw registry calls through the real handler chain (until generated operations exist), with a recorder between
/// the authentication handler and the transport that sees every request the registry and token server get.
/// </summary>
internal sealed class LiveClient : IDisposable
{
    private LiveClient(HttpClient http, Recorder recorder)
    {
        Http = http;
        Seen = recorder.Seen;
    }

    public HttpClient Http { get; }

    /// <summary>Method, URL path and status of everything sent below the authentication handler.</summary>
    public ConcurrentQueue<(string Method, string Host, string Path, int Status, string? Auth)> Seen { get; }

    public static LiveClient Create(Uri registry, RegistryAuthenticationOptions? options = null, RegistryTlsOptions? tls = null)
    {
        var recorder = new Recorder { InnerHandler = new RateLimitHandler { InnerHandler = RegistryHttpHandler.CreateTransport(tls) } };
        var http = new HttpClient(new RegistryAuthenticationHandler(options) { InnerHandler = recorder }) { BaseAddress = registry, Timeout = TimeSpan.FromSeconds(60) };
        return new LiveClient(http, recorder);
    }

    /// <summary>A unique repository name for one test, under a prefix that says who made it.</summary>
    public static string Repository(string prefix = "dockerapigen-registry-tests") => $"{prefix}/{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content = null, string? accept = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }

        return await Http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>Sends and throws the typed registry error when the answer is not a success.</summary>
    public async Task<HttpResponseMessage> SendOkAsync(HttpMethod method, string path, HttpContent? content = null, string? accept = null)
    {
        var response = await SendAsync(method, path, content, accept);
        if (!response.IsSuccessStatusCode)
        {
            using (response)
            {
                throw await RegistryApiException.FromResponseAsync(response, TestContext.Current.CancellationToken);
            }
        }

        return response;
    }

    /// <summary>Pushes a blob monolithically (POST, then PUT to the latest Location with the digest).</summary>
    public async Task<Digest> PushBlobAsync(string repository, byte[] blob)
    {
        var digest = Digest.Compute(blob);
        Uri location;
        using (var start = await SendOkAsync(HttpMethod.Post, $"/v2/{repository}/blobs/uploads/"))
        {
            location = new Uri(start.RequestMessage!.RequestUri!, start.Headers.Location!);
        }

        var content = new ByteArrayContent(blob);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var put = await SendOkAsync(HttpMethod.Put, RegistryPaging.WithQuery(location, "digest", digest.ToString()).AbsoluteUri, content);
        return digest;
    }

    /// <summary>Pushes a config and one layer, then a Docker schema 2 manifest under a tag; returns the manifest's digest.</summary>
    public async Task<(Digest Manifest, Digest Layer, byte[] LayerBytes)> PushImageAsync(string repository, string tag)
    {
        var config = Encoding.UTF8.GetBytes("""{"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":[]},"config":{}}""");
        var layer = Encoding.UTF8.GetBytes("layer of " + repository + " " + Guid.NewGuid());
        var configDigest = await PushBlobAsync(repository, config);
        var layerDigest = await PushBlobAsync(repository, layer);
        var manifest = Encoding.UTF8.GetBytes($$"""
            {"schemaVersion":2,"mediaType":"application/vnd.docker.distribution.manifest.v2+json",
             "config":{"mediaType":"application/vnd.docker.container.image.v1+json","size":{{config.Length}},"digest":"{{configDigest}}"},
             "layers":[{"mediaType":"application/vnd.docker.image.rootfs.diff.tar.gzip","size":{{layer.Length}},"digest":"{{layerDigest}}"}]}
            """);
        var content = new ByteArrayContent(manifest);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.docker.distribution.manifest.v2+json");
        using var put = await SendOkAsync(HttpMethod.Put, $"/v2/{repository}/manifests/{tag}", content);
        var digest = Digest.Compute(manifest);
        Assert.Equal(digest.ToString(), put.Headers.GetValues("Docker-Content-Digest").Single());
        return (digest, layerDigest, layer);
    }

    public void Dispose() => Http.Dispose();

    private sealed class Recorder : DelegatingHandler
    {
        public ConcurrentQueue<(string Method, string Host, string Path, int Status, string? Auth)> Seen { get; } = new();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            Seen.Enqueue((request.Method.Method, request.RequestUri!.Authority, request.RequestUri.AbsolutePath, (int)response.StatusCode, request.Headers.Authorization?.Scheme));
            return response;
        }
    }
}
