using System.Collections.Concurrent;
using DockerApiGen.Runtime.Auth;

namespace DockerApiGen.Registry.Auth;

/// <summary>
/// Logins from the docker CLI's configuration (<c>credHelpers</c>, <c>credsStore</c>, <c>auths</c>; an
/// <c>identitytoken</c> is used as a refresh token), through <see cref="RegistryCredentialStore"/>. Each registry is
/// looked up once (a credential helper is a process) and remembered for the provider's lifetime.
/// </summary>
public sealed class DockerConfigCredentialProvider : IRegistryCredentialProvider
{
    private readonly RegistryCredentialStore _store;
    private readonly ConcurrentDictionary<string, Lazy<Task<RegistryCredentials?>>> _found = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Over a store.</summary>
    /// <param name="store">The store; null for the process's docker config (<c>DOCKER_CONFIG</c> or <c>~/.docker</c>).</param>
    public DockerConfigCredentialProvider(RegistryCredentialStore? store = null)
    {
        _store = store ?? RegistryCredentialStore.Load();
    }

    /// <inheritdoc />
    public async ValueTask<RegistryCredentials?> GetAsync(string registry, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(registry);
        var lookup = _found.GetOrAdd(registry, r => new Lazy<Task<RegistryCredentials?>>(() => _store.GetAsync(r, CancellationToken.None)));
        try
        {
            return await lookup.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // A failed look-up (a helper that was locked) is tried again next time.
            _found.TryRemove(new KeyValuePair<string, Lazy<Task<RegistryCredentials?>>>(registry, lookup));
            throw;
        }
    }
}
