using DockerApiGen.Registry.Auth;
using DockerApiGen.Runtime.Http;

namespace DockerApiGen.Registry.Http;

/// <summary>
/// Builds the handler chain a registry client sends through: <see cref="RegistryAuthenticationHandler"/> →
/// <see cref="RateLimitHandler"/> → a <see cref="SocketsHttpHandler"/> with the registry TLS settings. Redirects
/// (blob downloads served from object storage) are followed by the transport, which drops the
/// <c>Authorization</c> header on the way, so credentials and tokens never reach the other host.
/// </summary>
public static class RegistryHttpHandler
{
    /// <summary>The whole chain, for <c>new HttpClient(RegistryHttpHandler.Create(…))</c>.</summary>
    /// <param name="authentication">Credentials and token settings; null for anonymous access.</param>
    /// <param name="rateLimit">The 429 budget; null for the defaults.</param>
    /// <param name="tls">Extra trusted CAs; null for the system's store only.</param>
    public static HttpMessageHandler Create(RegistryAuthenticationOptions? authentication = null, RateLimitOptions? rateLimit = null, RegistryTlsOptions? tls = null)
        => new RegistryAuthenticationHandler(authentication)
        {
            InnerHandler = new RateLimitHandler(rateLimit) { InnerHandler = CreateTransport(tls) },
        };

    /// <summary>The transport alone: connection pooling, redirects, and certificate checks with the extra CAs.</summary>
    /// <param name="tls">Extra trusted CAs; null for the system's store only.</param>
    public static HttpMessageHandler CreateTransport(RegistryTlsOptions? tls = null)
    {
        var sockets = new SocketsHttpHandler
        {
            AllowAutoRedirect = true,
            MaxAutomaticRedirections = 10,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            UseCookies = false,
        };
        sockets.SslOptions.RemoteCertificateValidationCallback = new RegistryCertificateValidator(tls ?? new RegistryTlsOptions()).Validate;
        return new TlsFailureHandler { InnerHandler = sockets };
    }
}
