using DockerApiGen.Runtime;
using DockerApiGen.Runtime.Transport;
using Microsoft.Extensions.Logging;

namespace DockerApiGen.Extensions.DependencyInjection;

/// <summary>
/// The settings of one named Docker client, bindable from configuration (e.g. a <c>Docker</c> section) and
/// changeable with <c>Configure</c>. Unset values are resolved as the docker CLI resolves them (<c>DOCKER_HOST</c>,
/// contexts, the platform default).
/// </summary>
public sealed class DockerClientSettings
{
    /// <summary>The daemon's endpoint (<c>unix://…</c>, <c>tcp://…</c>, <c>ssh://…</c>, <c>npipe://…</c>); see <see cref="DockerClientOptions.Endpoint"/>.</summary>
    public string? Endpoint { get; set; }

    /// <summary>A docker CLI context to use; see <see cref="DockerClientOptions.Context"/>.</summary>
    public string? Context { get; set; }

    /// <summary>TLS files for <c>tcp://</c> and <c>https://</c>; see <see cref="DockerClientOptions.Tls"/>.</summary>
    public DockerTlsOptions? Tls { get; set; }

    /// <summary>How to run ssh for <c>ssh://</c>; see <see cref="DockerClientOptions.Ssh"/>.</summary>
    public SshTransportOptions? Ssh { get; set; }

    /// <summary>The time limit of a request that is not a stream; null for the client's default (100 s). Streams have none.</summary>
    public TimeSpan? RequestTimeout { get; set; }

    /// <summary>Whether each request is logged (method, path, status, duration) through <c>ILogger</c>. Default true.</summary>
    public bool LogRequests { get; set; } = true;

    /// <summary>Whether the client speaks an older daemon's newest version; see <see cref="DockerClientOptions.NegotiateApiVersion"/>. Default false (pinned).</summary>
    public bool NegotiateApiVersion { get; set; }

    /// <summary>When negotiating, drop (and log) values the daemon's version lacks instead of refusing the call; see <see cref="DockerClientOptions.DropUnsupportedValues"/>. Default false.</summary>
    public bool DropUnsupportedValues { get; set; }

    /// <summary>The client options these settings stand for, with the given handler wrapping.</summary>
    /// <param name="configureHandler">Wraps the transport's handler, or null.</param>
    /// <param name="logger">Where the client logs what it drops, or null.</param>
    public DockerClientOptions ToClientOptions(Func<SocketsHttpHandler, HttpMessageHandler>? configureHandler = null, ILogger? logger = null) => new()
    {
        Endpoint = Endpoint,
        Context = Context,
        Tls = Tls,
        Ssh = Ssh,
        RequestTimeout = RequestTimeout ?? new DockerClientOptions().RequestTimeout,
        ConfigureHandler = configureHandler,
        NegotiateApiVersion = NegotiateApiVersion,
        DropUnsupportedValues = DropUnsupportedValues,
        Logger = logger,
    };
}
