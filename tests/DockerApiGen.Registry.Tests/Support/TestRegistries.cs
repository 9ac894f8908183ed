using System.Net.Sockets;

namespace DockerApiGen.Registry.Tests.Support;

/// <summary>
/// The real registries build/start-test-daemon.sh and build/start-test-registries.sh start, found through the
/// variables of their env files. Without one a test skips with the reason; under CI (<c>CI=true</c>) a missing
/// registry is a failure, as in tests/Shared/TestDaemon.cs.
/// </summary>
internal static class TestRegistries
{
    private const string Start = "start them with build/start-test-daemon.sh (or build/start-test-registries.sh) and source .test-daemon/env";

    /// <summary>The htpasswd registry on :5000.</summary>
    public sealed record BasicRegistry(string Address, string User, string Password)
    {
        public Uri Uri => new($"http://{Address}/");
    }

    /// <summary>The registry with token auth on :5055 and what the test token server needs to sign for it.</summary>
    public sealed record TokenRegistry(string Address, Uri Realm, string Service, string Issuer, string KeyFile, string CertificateFile)
    {
        public Uri Uri => new($"http://{Address}/");
    }

    /// <summary>The registry behind TLS on :5056, with the CA that signed its certificate.</summary>
    public sealed record TlsRegistry(string Address, string CaFile, string User, string Password)
    {
        public Uri Uri => new($"https://{Address}/");
    }

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static BasicRegistry BasicOrSkip()
    {
        var (address, user, password) = (Get("DOCKERAPIGEN_TEST_REGISTRY"), Get("DOCKERAPIGEN_TEST_REGISTRY_USER"), Get("DOCKERAPIGEN_TEST_REGISTRY_PASSWORD"));
        RequireReachable("the htpasswd registry", address, user, password);
        return new BasicRegistry(address!, user!, password!);
    }

    public static TokenRegistry TokenOrSkip()
    {
        var address = Get("DOCKERAPIGEN_TEST_TOKEN_REGISTRY");
        var (realm, service, issuer, key, certificate) = (Get("DOCKERAPIGEN_TEST_TOKEN_REALM"), Get("DOCKERAPIGEN_TEST_TOKEN_SERVICE"), Get("DOCKERAPIGEN_TEST_TOKEN_ISSUER"), Get("DOCKERAPIGEN_TEST_TOKEN_KEY"), Get("DOCKERAPIGEN_TEST_TOKEN_CERT"));
        RequireReachable("the token-auth registry", address, realm, service, issuer, key, certificate);
        Require(File.Exists(key) ? null : $"The token signing key {key} does not exist; rerun build/start-test-registries.sh.");
        return new TokenRegistry(address!, new Uri(realm!), service!, issuer!, key!, certificate!);
    }

    public static TlsRegistry TlsOrSkip()
    {
        var (address, ca, user, password) = (Get("DOCKERAPIGEN_TEST_TLS_REGISTRY"), Get("DOCKERAPIGEN_TEST_TLS_CA"), Get("DOCKERAPIGEN_TEST_TLS_REGISTRY_USER"), Get("DOCKERAPIGEN_TEST_TLS_REGISTRY_PASSWORD"));
        RequireReachable("the TLS registry", address, ca, user, password);
        return new TlsRegistry(address!, ca!, user!, password!);
    }

    /// <summary>Skips (or fails under CI) when <paramref name="reason"/> is not null.</summary>
    public static void Require(string? reason)
    {
        if (reason is null)
        {
            return;
        }

        if (IsCi)
        {
            Assert.Fail("CI must run this test against the real registries: " + reason);
        }

        Assert.Skip(reason);
    }

    private static string? Get(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;

    private static void RequireReachable(string what, string? address, params string?[] others)
    {
        if (address is null || others.Any(o => o is null))
        {
            Require($"The variables of {what} are not set; {Start}.");
        }

        var colon = address!.LastIndexOf(':');
        using var client = new TcpClient();
        try
        {
            if (!client.ConnectAsync(address[..colon], int.Parse(address[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture)).Wait(TimeSpan.FromSeconds(3)))
            {
                Require($"Nothing answers at {address} ({what}); {Start}.");
            }
        }
        catch (AggregateException ex) when (ex.InnerException is SocketException socket)
        {
            Require($"Nothing answers at {address} ({what}): {socket.Message}; {Start}.");
        }
    }
}
