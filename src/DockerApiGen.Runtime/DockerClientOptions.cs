using DockerApiGen.Runtime.Transport;
using Microsoft.Extensions.Logging;

namespace DockerApiGen.Runtime;

/// <summary>
/// How a generated <c>DockerClient</c> reaches its daemon. Every property is optional: unset, the daemon is found
/// as the docker CLI finds it (see <see cref="DockerEndpoints"/>). Bindable from configuration.
/// </summary>
public sealed class DockerClientOptions
{
    /// <summary>
    /// The daemon's endpoint as the docker CLI writes it (<c>unix:///var/run/docker.sock</c>,
    /// <c>tcp://127.0.0.1:2376</c>, <c>ssh://user@host</c>, <c>npipe:////./pipe/docker_engine</c>). Takes precedence
    /// over <c>DOCKER_HOST</c> and contexts. Null: resolved as the docker CLI does (see <see cref="DockerEndpoints"/>).
    /// </summary>
    public string? Endpoint { get; init; }

    /// <summary>
    /// A docker CLI context to use (as <c>docker --context NAME</c>), read from the CLI's context store. Takes
    /// precedence over <c>DOCKER_HOST</c> and <c>DOCKER_CONTEXT</c>; cannot be combined with <see cref="Endpoint"/>.
    /// </summary>
    public string? Context { get; init; }

    /// <summary>
    /// TLS files for a <c>tcp://</c> or <c>https://</c> endpoint. Null: from <c>DOCKER_TLS_VERIFY</c> and
    /// <c>DOCKER_CERT_PATH</c>, or the context's TLS material.
    /// </summary>
    public DockerTlsOptions? Tls { get; init; }

    /// <summary>How to run ssh for an <c>ssh://</c> endpoint (identity file, ssh options). Null: the user's ssh setup.</summary>
    public SshTransportOptions? Ssh { get; init; }

    /// <summary>A ready transport; takes precedence over everything else. The client disposes it.</summary>
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

    /// <summary>
    /// Whether the client adapts to an older daemon. False (the default): every request goes to the package's own
    /// version (<c>/v1.55/…</c>), and a daemon that does not serve it answers with a
    /// <see cref="Errors.DockerApiVersionException"/>. True: the client asks the daemon's versions once per connection
    /// (<c>/_ping</c> and <c>/version</c>), speaks the daemon's newest version when it is older than the package's
    /// (<c>/v1.44/…</c>), and before each call refuses, with a <see cref="Errors.DockerUnsupportedFeatureException"/>,
    /// an operation that version lacks and any option or body property set on the call that it lacks (see
    /// <see cref="DropUnsupportedValues"/>). It never goes below the package's oldest known version.
    /// </summary>
    public bool NegotiateApiVersion { get; init; }

    /// <summary>
    /// When negotiating: instead of refusing a call that sets an option or body property the negotiated version lacks,
    /// send it without them, logging each dropped value's name (never its value) through <see cref="Logger"/> at
    /// Warning. An operation the version lacks is refused either way. Default false.
    /// </summary>
    public bool DropUnsupportedValues { get; init; }

    /// <summary>Where the client logs what it drops (<see cref="DropUnsupportedValues"/>); null for nowhere. The DI package sets it.</summary>
    public ILogger? Logger { get; init; }

    /// <inheritdoc />
    public override string ToString()
        => $"DockerClientOptions {{ Endpoint = {(Endpoint is null ? "(resolved)" : DockerEndpoints.Redact(Endpoint))}, Context = {Context ?? "(resolved)"}, Tls = {Tls?.ToString() ?? "(resolved)"}, Ssh = {Ssh?.ToString() ?? "default"}, Transport = {Transport?.Endpoint ?? "none"}, RequestTimeout = {RequestTimeout}, NegotiateApiVersion = {NegotiateApiVersion}, DropUnsupportedValues = {DropUnsupportedValues} }}";
}
