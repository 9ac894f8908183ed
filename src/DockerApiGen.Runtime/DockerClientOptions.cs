using DockerApiGen.Runtime.Transport;

namespace DockerApiGen.Runtime;

/// <summary>How a generated <c>DockerClient</c> reaches its daemon. Every property is optional.</summary>
public sealed class DockerClientOptions
{
    /// <summary>
    /// The daemon's endpoint as the docker CLI writes it (<c>unix:///var/run/docker.sock</c>,
    /// <c>tcp://127.0.0.1:2375</c>). Null: resolved as the docker CLI does (see <see cref="DockerEndpoints"/>).
    /// </summary>
    public string? Endpoint { get; init; }

    /// <summary>A ready transport; takes precedence over <see cref="Endpoint"/>. The client disposes it.</summary>
    public DockerTransport? Transport { get; init; }

    /// <summary>
    /// The time limit of a request that is not a stream (streams — events, logs, pulls, attach — have none;
    /// cancel them with their token). Default 100 s; <see cref="Timeout.InfiniteTimeSpan"/> for none.
    /// </summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(100);

    /// <summary>
    /// Wraps the transport's handler, e.g. with a logging or retry <see cref="DelegatingHandler"/>; or returns
    /// an <c>IHttpClientFactory</c> handler. Hijacked connections (attach, exec start) bypass it.
    /// </summary>
    public Func<SocketsHttpHandler, HttpMessageHandler>? ConfigureHandler { get; init; }
}
