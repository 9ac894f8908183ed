using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using DockerApiGen.Registry.Auth;

namespace DockerApiGen.Registry.Tests.Support;

/// <summary>
/// A registry in memory whose answers a test writes (content types, links, challenges, warnings that real registries
/// send but the test registries do not), behind a RegistryClient for <c>registry.test</c>. Every request is recorded.
/// </summary>
internal sealed class ScriptedRegistry(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
{
    public const string Registry = "registry.test";

    public ConcurrentQueue<HttpRequestMessage> Requests { get; } = new();

    /// <summary>A client whose transport is this registry.</summary>
    public RegistryClient Client(Action<DockerApiGen.Registry.Http.RegistryWarning>? warnings = null)
        => new(new RegistryClientOptions { Credentials = StaticCredentialProvider.Anonymous, ConfigureHandler = _ => this, WarningReceived = warnings });

    public static HttpResponseMessage Json(string json, string contentType = "application/json", HttpStatusCode status = HttpStatusCode.OK)
        => new(status) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(json)) { Headers = { ContentType = MediaTypeHeaderValue.Parse(contentType) } } };

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Enqueue(request);
        var response = answer(request);
        response.RequestMessage = request;
        return Task.FromResult(response);
    }
}
