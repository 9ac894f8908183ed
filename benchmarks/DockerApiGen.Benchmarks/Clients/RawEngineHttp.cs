using System.Text.Json;
using DockerApiGen.Engine.V1_41;
using DockerApiGen.Engine.V1_41.Models;
using DockerApiGen.Runtime.Transport;

namespace DockerApiGen.Benchmarks.Clients;

/// <summary>
/// The raw baseline: one <see cref="HttpClient"/> on the daemon's unix socket and the source-generated
/// <see cref="EngineJsonContext"/> reading straight from the response stream into the generated models.
/// It is what a careful hand-written call costs with no client layer: the generated client is held to it.
/// </summary>
public sealed class RawEngineHttp : IDisposable
{
    // The list request never changes, so, as careful hand-written code would, it is built once.
    private static readonly Uri ListAllContainers = new("http://docker/v1.41/containers/json?all=1");

    private readonly HttpClient _http;

    /// <summary>A client for the daemon at <paramref name="socketPath"/>.</summary>
    /// <param name="socketPath">The daemon's unix socket.</param>
    public RawEngineHttp(string socketPath) => _http = new HttpClient(UnixSocketHandler.Create(socketPath));

    /// <summary>A client whose requests go to <paramref name="handler"/> (which it disposes).</summary>
    /// <param name="handler">Answers the requests.</param>
    public RawEngineHttp(HttpMessageHandler handler) => _http = new HttpClient(handler);

    /// <summary><c>GET /containers/json?all=1</c>.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<IList<ContainerSummary>> ListContainersAsync(CancellationToken cancellationToken = default)
    {
        using var response = await _http.GetAsync(ListAllContainers, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (body.ConfigureAwait(false))
        {
            return await JsonSerializer.DeserializeAsync(body, EngineJsonContext.Default.IListContainerSummary, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidDataException("The container list is null.");
        }
    }

    /// <summary><c>GET /containers/{id}/json</c>.</summary>
    /// <param name="id">The container's id or name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<ContainerInspectResponse> InspectContainerAsync(string id, CancellationToken cancellationToken = default)
    {
        var uri = new Uri($"http://docker/v1.41/containers/{Uri.EscapeDataString(id)}/json");
        using var response = await _http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (body.ConfigureAwait(false))
        {
            return await JsonSerializer.DeserializeAsync(body, EngineJsonContext.Default.ContainerInspectResponse, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidDataException("The inspect response is null.");
        }
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();
}
