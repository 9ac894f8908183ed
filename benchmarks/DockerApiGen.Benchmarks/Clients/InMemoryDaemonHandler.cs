using System.Net;
using System.Net.Http.Headers;
using DockerApiGen.Benchmarks.Replay;

namespace DockerApiGen.Benchmarks.Clients;

/// <summary>
/// An <see cref="HttpMessageHandler"/> that answers the container list and inspect from memory with the
/// replay server's payloads: no socket, no server, no HTTP parsing. Put under a client, it leaves only the
/// client layer (request building, response handling, deserialization) to measure.
/// </summary>
public sealed class InMemoryDaemonHandler : HttpMessageHandler
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private readonly byte[] _containerList = RecordedResponses.ContainerList(ReplayRoutes.ListedContainers);
    private readonly byte[] _containerInspect = RecordedResponses.Read("container-inspect.json");

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        Task.FromResult(Answer(request));

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) => Answer(request);

    private HttpResponseMessage Answer(HttpRequestMessage request)
    {
        var path = request.RequestUri?.AbsolutePath ?? "";
        var body = path.EndsWith("/containers/json", StringComparison.Ordinal) ? _containerList
            : path.StartsWith("/v1.41/containers/", StringComparison.Ordinal) && path.EndsWith("/json", StringComparison.Ordinal) ? _containerInspect
            : null;
        if (body is null)
        {
            return new HttpResponseMessage(HttpStatusCode.NotFound) { RequestMessage = request };
        }

        var content = new ByteArrayContent(body);
        content.Headers.ContentType = Json;
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request };
    }
}
