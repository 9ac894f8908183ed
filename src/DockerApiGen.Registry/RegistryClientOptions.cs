using DockerApiGen.Registry.Auth;
using DockerApiGen.Registry.Http;
using DockerApiGen.Runtime.Http;

namespace DockerApiGen.Registry;

/// <summary>
/// How registry clients connect and sign in. Every property is optional: unset, a client reaches registries over
/// HTTPS (plain HTTP only for loopback and <see cref="InsecureRegistries"/>) with the logins of the docker CLI's
/// configuration.
/// </summary>
public sealed class RegistryClientOptions
{
    /// <summary>
    /// The registry a <see cref="RegistryApiClient"/> (one registry's operations) talks to: as image references name
    /// it (<c>docker.io</c>, <c>ghcr.io</c>, <c>127.0.0.1:5000</c>), or a URL that fixes the scheme
    /// (<c>http://registry.internal:5000</c>). Default Docker Hub. <see cref="RegistryClient"/> ignores it: its
    /// references name their registries.
    /// </summary>
    public string Registry { get; init; } = References.ImageReference.DockerHubRegistry;

    /// <summary>
    /// Where logins come from: null (the default) for the docker CLI's configuration (<c>DOCKER_CONFIG</c> or
    /// <c>~/.docker/config.json</c>: <c>auths</c>, <c>credsStore</c>, <c>credHelpers</c>, identity tokens), as the Engine
    /// client reads it; <see cref="StaticCredentialProvider"/> for explicit logins;
    /// <see cref="StaticCredentialProvider.Anonymous"/> for none.
    /// </summary>
    public IRegistryCredentialProvider? Credentials { get; init; }

    /// <summary>
    /// Registries (<c>host[:port]</c>) that may be reached over plain HTTP when they do not speak HTTPS, and to which
    /// credentials may then go unencrypted: the daemon's <c>insecure-registries</c>. Loopback registries are always
    /// treated so. TLS certificates are checked whenever a registry speaks HTTPS (see <see cref="Tls"/>).
    /// </summary>
    public IReadOnlyCollection<string> InsecureRegistries { get; init; } = [];

    /// <summary>Further CAs to trust (a registry with a private CA).</summary>
    public RegistryTlsOptions Tls { get; init; } = new();

    /// <summary>The 429 budget of one request (default 3 retries, 30 s of waiting in all).</summary>
    public RateLimitOptions RateLimit { get; init; } = new();

    /// <summary>
    /// The time limit of one call that moves no blob (listings, HEAD, manifests, opening an upload), 429 waits and
    /// token requests included (default 100 s); <see cref="Timeout.InfiniteTimeSpan"/> for none. A blob download is
    /// limited until its headers arrive; an upload and the reading of a download run as long as they take, until the
    /// caller's token cancels them.
    /// </summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(100);

    /// <summary>Ask token servers with the OAuth2 password grant (POST) instead of GET with Basic credentials (see <see cref="RegistryAuthenticationOptions.UseOAuthPasswordGrant"/>).</summary>
    public bool UseOAuthPasswordGrant { get; init; }

    /// <summary>The <c>client_id</c> sent to token servers (default <c>dockerapigen</c>).</summary>
    public string ClientId { get; init; } = "dockerapigen";

    /// <summary>The longest margin before expiry at which a token is renewed (default 30 s; a tenth of the lifetime when that is less).</summary>
    public TimeSpan MaxRenewalMargin { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The largest manifest read (default 4 MiB, what registries must accept); a larger one is refused.</summary>
    public int MaxManifestBytes { get; init; } = Content.VerifiedDownload.DefaultMaxManifestBytes;

    /// <summary>The <c>User-Agent</c> of every request (default <c>DockerApiGen.Registry</c>).</summary>
    public string UserAgent { get; init; } = "DockerApiGen.Registry";

    /// <summary>Called with each <c>Warning: 299 - "…"</c> a registry sends (deprecations, quotas), to show to a person; it must not throw. Null: warnings are only in <see cref="RegistryResponse{T}.Warnings"/>.</summary>
    public Action<RegistryWarning>? WarningReceived { get; init; }

    /// <summary>
    /// Wraps the transport's handler (logging, a proxy's settings). It sits below authentication and rate limits, so
    /// it sees every attempt, token requests and the <c>Authorization</c> header included: a logging handler there
    /// must leave bodies and that header out.
    /// </summary>
    public Func<SocketsHttpHandler, HttpMessageHandler>? ConfigureHandler { get; init; }

    /// <summary>The clock of token expiry and rate-limit waits (a fake one in tests).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <inheritdoc />
    public override string ToString()
        => $"RegistryClientOptions {{ Registry = {Registry}, Credentials = {Credentials?.ToString() ?? "docker config"}, InsecureRegistries = [{string.Join(", ", InsecureRegistries)}], "
            + $"{Tls}, {RateLimit}, RequestTimeout = {RequestTimeout}, UseOAuthPasswordGrant = {UseOAuthPasswordGrant}, UserAgent = {UserAgent} }}";

    /// <summary>Checks the options before a connection uses them.</summary>
    /// <exception cref="ArgumentException">A value is out of range (the message says which).</exception>
    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Registry, nameof(Registry));
        ArgumentNullException.ThrowIfNull(InsecureRegistries, nameof(InsecureRegistries));
        ArgumentNullException.ThrowIfNull(Tls, nameof(Tls));
        ArgumentNullException.ThrowIfNull(RateLimit, nameof(RateLimit));
        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));
        ArgumentException.ThrowIfNullOrWhiteSpace(UserAgent, nameof(UserAgent));
        ArgumentException.ThrowIfNullOrWhiteSpace(ClientId, nameof(ClientId));
        if (RequestTimeout <= TimeSpan.Zero && RequestTimeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentException("RegistryClientOptions.RequestTimeout must be positive, or Timeout.InfiniteTimeSpan.", nameof(RequestTimeout));
        }

        if (MaxManifestBytes <= 0)
        {
            throw new ArgumentException("RegistryClientOptions.MaxManifestBytes must be positive.", nameof(MaxManifestBytes));
        }

        if (MaxRenewalMargin < TimeSpan.Zero)
        {
            throw new ArgumentException("RegistryClientOptions.MaxRenewalMargin cannot be negative.", nameof(MaxRenewalMargin));
        }
    }
}
