using System.Collections.Concurrent;
using DockerApiGen.Registry.Http;
using DockerApiGen.Registry.References;

namespace DockerApiGen.Registry;

/// <summary>
/// A client for any OCI registry (Docker Hub, GHCR, a registry of your own), addressed by image references: check a
/// registry, list its repositories and a repository's tags, read and push manifests (the four image manifest types
/// typed, anything else as bytes), stream blobs both ways with every download verified against its digest, resume
/// interrupted transfers, mount blobs between repositories, list referrers, copy images between repositories and
/// registries, and export or import OCI image layout folders.
/// </summary>
/// <remarks>
/// <para>One client serves every registry its references name, over one handler chain: credentials come from
/// <see cref="RegistryClientOptions.Credentials"/> (the docker configuration by default), tokens are cached per
/// registry and scope and renewed before they expire, 429 answers are waited out within a budget, and errors are
/// typed from the registry's error body (<see cref="Errors.RegistryApiException"/> and its subtypes) naming the
/// registry, repository and reference.</para>
/// <para>The generated operations of one registry are under <see cref="Api(string)"/>, for what this class does not
/// cover. Thread-safe; create one and dispose it when done.</para>
/// </remarks>
public sealed partial class RegistryClient : IDisposable
{
    private readonly RegistryPipeline _pipeline;
    private readonly ConcurrentDictionary<string, RegistryApiClient> _registries = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates a client; nothing is sent until the first call.</summary>
    /// <param name="options">Credentials, TLS, budgets; null for the defaults (the docker configuration's logins).</param>
    /// <exception cref="ArgumentException">The options are invalid (the message says which).</exception>
    public RegistryClient(RegistryClientOptions? options = null)
    {
        _pipeline = new RegistryPipeline(options ?? new RegistryClientOptions());
    }

    /// <summary>The options the client was made with.</summary>
    public RegistryClientOptions Options => _pipeline.Options;

    /// <summary>The generated operations of one registry, on this client's handler chain (credentials, token cache, TLS); the client owns it.</summary>
    /// <param name="registry">The registry as references name it (<c>docker.io</c>, <c>127.0.0.1:5000</c>), or <c>http(s)://host[:port]</c>.</param>
    /// <exception cref="ArgumentException">It is not a registry name.</exception>
    public RegistryApiClient Api(string registry)
    {
        var address = RegistryAddress.Parse(registry);
        return _registries.GetOrAdd(address.ToString(), _ => new RegistryApiClient(new RegistryConnection(_pipeline, address)));
    }

    /// <summary>Checks that a registry implements the API and that the client may use it (signing in as its challenge asks).</summary>
    /// <param name="registry">The registry as references name it (<c>docker.io</c>, <c>127.0.0.1:5000</c>).</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>What the registry said (its <c>Docker-Distribution-API-Version</c>).</returns>
    /// <exception cref="Errors.RegistryAccessDeniedException">The registry refused the credentials, or needs some and none are configured.</exception>
    /// <exception cref="Errors.RegistryConnectionException">The registry could not be reached.</exception>
    public Task<RegistryApiCheck> CheckAsync(string registry, CancellationToken cancellationToken = default)
        => Api(registry).Api.CheckAsync(cancellationToken);

    /// <inheritdoc />
    public void Dispose() => _pipeline.Dispose();

    private RegistryApiClient ApiFor(ImageReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return Api(reference.Registry);
    }
}
