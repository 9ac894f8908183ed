namespace DockerApiGen.Runtime.Configuration;

/// <summary>
/// A docker CLI context (<c>docker context create NAME --docker host=…</c>): the daemon's endpoint and its TLS
/// material, as stored in the CLI's context store.
/// </summary>
/// <param name="Name">The context's name.</param>
/// <param name="Host">The <c>docker</c> endpoint's host (<c>tcp://…</c>, <c>ssh://…</c>, <c>unix://…</c>), or null when unset.</param>
/// <param name="SkipTlsVerify">Whether the context says not to verify the daemon's certificate (<c>skip-tls-verify=true</c>).</param>
/// <param name="CaFile">The context's CA certificate (PEM), if it has one.</param>
/// <param name="CertFile">The context's client certificate (PEM), if it has one.</param>
/// <param name="KeyFile">The context's client key (PEM), if it has one.</param>
public sealed record DockerContext(string Name, string? Host, bool SkipTlsVerify, string? CaFile, string? CertFile, string? KeyFile)
{
    /// <summary>The name of the context that stands for the environment's own settings (<c>DOCKER_HOST</c> or the platform default).</summary>
    public const string DefaultName = "default";

    /// <summary>Whether the context carries TLS material (then its endpoint is reached over TLS).</summary>
    public bool HasTls => CaFile is not null || CertFile is not null || KeyFile is not null;
}
