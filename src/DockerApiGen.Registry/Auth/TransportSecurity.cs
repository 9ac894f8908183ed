namespace DockerApiGen.Registry.Auth;

/// <summary>Where secrets may travel: over TLS, to loopback, or to hosts the options allow explicitly.</summary>
internal sealed class TransportSecurity(IReadOnlyCollection<string> allowedPlainHttpHosts)
{
    public bool MaySendSecretsTo(Uri uri)
        => uri.Scheme == Uri.UriSchemeHttps || IsLoopback(uri) || allowedPlainHttpHosts.Contains(uri.Authority, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Loopback, read from the host text: <see cref="Uri.IsLoopback"/> was seen to turn false for a URL that had been
    /// sent before (a flag of the Uri lost along the way), which would refuse credentials to a loopback registry.
    /// </summary>
    internal static bool IsLoopback(Uri uri)
    {
        var host = uri.Host.TrimStart('[').TrimEnd(']');
        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (System.Net.IPAddress.TryParse(host, out var address) && System.Net.IPAddress.IsLoopback(address));
    }

    /// <summary>Throws when a Bearer realm may not be used from this registry, with or without credentials.</summary>
    public void CheckRealm(Uri registry, Uri realm, bool withCredentials)
    {
        if (MaySendSecretsTo(realm))
        {
            return;
        }

        if (registry.Scheme == Uri.UriSchemeHttps)
        {
            throw new RegistryAuthenticationException(RegistryAuthenticationFailure.InsecureTransport, registry.Authority,
                $"The registry {registry.Authority} (HTTPS) sends clients for tokens to {realm.GetLeftPart(UriPartial.Path)}, which is plain HTTP on another host: "
                + "a token fetched there could be read or replaced on the way, so the client refuses it. The registry's token realm (auth.token.realm) must use https.");
        }

        if (withCredentials)
        {
            throw new RegistryAuthenticationException(RegistryAuthenticationFailure.InsecureTransport, registry.Authority,
                $"The registry {registry.Authority} sends clients for tokens to {realm.GetLeftPart(UriPartial.Path)}, which is plain HTTP and not on loopback; "
                + $"the client does not send credentials there. Serve the token endpoint over https, or allow {realm.Authority} in RegistryAuthenticationOptions.AllowCredentialsOverPlainHttp.");
        }
    }

    /// <summary>Throws when credentials may not go to this registry.</summary>
    public void CheckRegistry(Uri registry)
    {
        if (!MaySendSecretsTo(registry))
        {
            throw new RegistryAuthenticationException(RegistryAuthenticationFailure.InsecureTransport, registry.Authority,
                $"The registry {registry.Authority} asks for credentials over plain HTTP and is not on loopback; the client does not send them there. "
                + $"Use https://{registry.Authority}, or allow it in RegistryAuthenticationOptions.AllowCredentialsOverPlainHttp.");
        }
    }
}
