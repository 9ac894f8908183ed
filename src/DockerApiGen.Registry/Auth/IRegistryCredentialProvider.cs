using DockerApiGen.Runtime.Auth;

namespace DockerApiGen.Registry.Auth;

/// <summary>Where the authentication handler gets the login for a registry.</summary>
public interface IRegistryCredentialProvider
{
    /// <summary>The login for a registry, or null to go anonymous.</summary>
    /// <param name="registry">The registry as its URL names it, <c>host[:port]</c> (Docker Hub: <c>registry-1.docker.io</c>).</param>
    /// <param name="cancellationToken">Cancels the look-up (a credential helper may run).</param>
    ValueTask<RegistryCredentials?> GetAsync(string registry, CancellationToken cancellationToken);
}
