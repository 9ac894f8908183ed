using System.Net;
using System.Net.Http.Headers;
using System.Text;
using DockerApiGen.Benchmarks.Replay;

namespace DockerApiGen.Benchmarks.Negotiation;

/// <summary>
/// An in-memory daemon that serves up to one API version: <c>/_ping</c> and <c>/version</c> say so, a container
/// create under any version prefix answers an id, and the container list answers the replay payload. No socket,
/// so only the client layer, the negotiation check included, is measured.
/// </summary>
/// <param name="apiVersion">The newest version it serves.</param>
public sealed class VersionedDaemonHandler(string apiVersion) : HttpMessageHandler
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private readonly byte[] _version = Encoding.UTF8.GetBytes($$"""{"Version":"20.10.24","ApiVersion":"{{apiVersion}}","MinAPIVersion":"1.12","Os":"linux"}""");
    private readonly byte[] _created = """{"Id":"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef","Warnings":[]}"""u8.ToArray();
    private readonly byte[] _containerList = RecordedResponses.ContainerList(ReplayRoutes.ListedContainers);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) => Task.FromResult(Answer(request));

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) => Answer(request);

    private HttpResponseMessage Answer(HttpRequestMessage request)
    {
        var path = request.RequestUri?.AbsolutePath ?? string.Empty;
        if (path == "/_ping")
        {
            var ping = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent("OK"u8.ToArray()), RequestMessage = request };
            ping.Headers.Add("API-Version", apiVersion);
            return ping;
        }

        var body = path == "/version" ? _version
            : path.EndsWith("/containers/create", StringComparison.Ordinal) ? _created
            : path.EndsWith("/containers/json", StringComparison.Ordinal) ? _containerList
            : null;
        if (body is null)
        {
            return new HttpResponseMessage(HttpStatusCode.NotFound) { RequestMessage = request };
        }

        var content = new ByteArrayContent(body);
        content.Headers.ContentType = Json;
        return new HttpResponseMessage(path.EndsWith("/create", StringComparison.Ordinal) ? HttpStatusCode.Created : HttpStatusCode.OK) { Content = content, RequestMessage = request };
    }
}
