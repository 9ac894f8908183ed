using DockerApiGen.Registry.References;
using DockerApiGen.Runtime.Auth;

namespace DockerApiGen.Registry.Auth;

/// <summary>
/// Explicit logins, each for one registry (Docker Hub may be named <c>docker.io</c>, <c>index.docker.io</c> or
/// <c>registry-1.docker.io</c>). A registry without an entry is accessed anonymously; a login is never sent to
/// another registry.
/// </summary>
public sealed class StaticCredentialProvider : IRegistryCredentialProvider
{
    private readonly Dictionary<string, RegistryCredentials> _logins = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Logins keyed by registry.</summary>
    /// <param name="logins">Registry (<c>host[:port]</c>) → login.</param>
    public StaticCredentialProvider(IReadOnlyDictionary<string, RegistryCredentials> logins)
    {
        ArgumentNullException.ThrowIfNull(logins);
        foreach (var (registry, login) in logins)
        {
            _logins[Normalize(registry)] = login;
        }
    }

    /// <summary>No logins: every registry is accessed anonymously (rather than with the docker configuration's logins).</summary>
    public static StaticCredentialProvider Anonymous { get; } = new(new Dictionary<string, RegistryCredentials>());

    /// <summary>One login for one registry.</summary>
    /// <param name="registry">The registry, <c>host[:port]</c>.</param>
    /// <param name="username">The user name.</param>
    /// <param name="password">The password (or a personal access token).</param>
    public static StaticCredentialProvider ForRegistry(string registry, string username, string password)
    {
        ArgumentException.ThrowIfNullOrEmpty(registry);
        ArgumentException.ThrowIfNullOrEmpty(username);
        ArgumentNullException.ThrowIfNull(password);
        return new(new Dictionary<string, RegistryCredentials> { [registry] = new RegistryCredentials(username, password, registry) });
    }

    /// <summary>An identity (refresh) token for one registry, as <c>docker login</c> stores it.</summary>
    /// <param name="registry">The registry, <c>host[:port]</c>.</param>
    /// <param name="identityToken">The identity token.</param>
    public static StaticCredentialProvider WithIdentityToken(string registry, string identityToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(registry);
        ArgumentException.ThrowIfNullOrEmpty(identityToken);
        return new(new Dictionary<string, RegistryCredentials> { [registry] = new RegistryCredentials(null, null, registry, identityToken) });
    }

    /// <inheritdoc />
    public ValueTask<RegistryCredentials?> GetAsync(string registry, CancellationToken cancellationToken)
        => ValueTask.FromResult(_logins.TryGetValue(Normalize(registry), out var login) ? login : null);

    /// <inheritdoc />
    public override string ToString() => $"StaticCredentialProvider {{ Registries = {string.Join(", ", _logins.Keys.Order(StringComparer.Ordinal))} }}";

    private static string Normalize(string registry)
    {
        var host = registry.Trim();
        host = host.Contains("://", StringComparison.Ordinal) ? new Uri(host).Authority : host.TrimEnd('/');
        return host is "index.docker.io" or ImageReference.DockerHubApiHost ? ImageReference.DockerHubRegistry : host;
    }
}
