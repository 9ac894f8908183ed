using DockerApiGen.Registry.Auth;
using DockerApiGen.Registry.Http;
using DockerApiGen.Registry.References;

namespace DockerApiGen.Registry.Tests.Support;

/// <summary>RegistryClients for the real test registries, with explicit logins (never the machine's docker configuration).</summary>
internal static class TestClients
{
    /// <summary>A client with the htpasswd registry's login (or another password).</summary>
    public static RegistryClient Basic(TestRegistries.BasicRegistry registry, string? password = null, Action<RegistryWarning>? warnings = null)
        => new(new RegistryClientOptions
        {
            Credentials = StaticCredentialProvider.ForRegistry(registry.Address, registry.User, password ?? registry.Password),
            WarningReceived = warnings,
            RequestTimeout = TimeSpan.FromSeconds(60),
        });

    /// <summary>A client that knows the logins of both the htpasswd and the TLS registry, and trusts the TLS registry's CA.</summary>
    public static RegistryClient BasicAndTls(TestRegistries.BasicRegistry basic, TestRegistries.TlsRegistry tls)
        => new(new RegistryClientOptions
        {
            Credentials = new StaticCredentialProvider(new Dictionary<string, Runtime.Auth.RegistryCredentials>
            {
                [basic.Address] = new(basic.User, basic.Password, basic.Address),
                [tls.Address] = new(tls.User, tls.Password, tls.Address),
            }),
            Tls = new RegistryTlsOptions { TrustedCaCertificateFiles = [tls.CaFile] },
            RequestTimeout = TimeSpan.FromSeconds(60),
        });

    /// <summary>A repository of the registry, unique to the calling test.</summary>
    public static ImageReference Repository(string registry, string tag = "v1") => ImageReference.Parse($"{registry}/{LiveClient.Repository()}:{tag}");

    /// <summary>The test's cancellation token.</summary>
    public static CancellationToken Cancel => TestContext.Current.CancellationToken;
}
