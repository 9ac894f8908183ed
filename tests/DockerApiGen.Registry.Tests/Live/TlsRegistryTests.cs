using System.Net;
using DockerApiGen.Registry.Auth;
using DockerApiGen.Registry.Http;
using DockerApiGen.Registry.Tests.Support;

namespace DockerApiGen.Registry.Tests.Live;

/// <summary>The registry behind TLS on :5056, whose certificate a CA made by build/start-test-registries.sh signed.</summary>
public sealed class TlsRegistryTests
{
    private static RegistryAuthenticationOptions Login(TestRegistries.TlsRegistry registry)
        => new() { Credentials = StaticCredentialProvider.ForRegistry(registry.Address, registry.User, registry.Password) };

    [Fact]
    public async Task With_the_test_ca_trusted_basic_auth_and_content_work()
    {
        var registry = TestRegistries.TlsOrSkip();
        using var client = LiveClient.Create(registry.Uri, Login(registry), new RegistryTlsOptions { TrustedCaCertificateFiles = [registry.CaFile] });
        using (var check = await client.SendOkAsync(HttpMethod.Get, "/v2/"))
        {
            Assert.Equal(HttpStatusCode.OK, check.StatusCode);
        }

        var repository = LiveClient.Repository();
        var digest = await client.PushBlobAsync(repository, [4, 5, 6]);
        using var deleted = await client.SendOkAsync(HttpMethod.Delete, $"/v2/{repository}/blobs/{digest}");
        Assert.All(client.Seen.Where(s => s.Status != 401), s => Assert.Equal("Basic", s.Auth));
    }

    [Fact]
    public async Task Without_the_ca_the_certificate_is_refused_with_the_reason()
    {
        var registry = TestRegistries.TlsOrSkip();
        using var client = LiveClient.Create(registry.Uri, Login(registry));
        var error = await Assert.ThrowsAsync<RegistryTlsException>(() => client.SendAsync(HttpMethod.Get, "/v2/"));
        Assert.Contains("that the system does not trust", error.Message, StringComparison.Ordinal);
        Assert.Contains("RegistryTlsOptions.TrustedCaCertificateFiles", error.Message, StringComparison.Ordinal);
        Assert.Equal("127.0.0.1", error.Host);
    }

    [Fact]
    public async Task A_ca_that_did_not_sign_it_is_named_in_the_refusal()
    {
        var registry = TestRegistries.TlsOrSkip();
        var other = Environment.GetEnvironmentVariable("DOCKERAPIGEN_TEST_TOKEN_CERT");
        TestRegistries.Require(other is null ? "DOCKERAPIGEN_TEST_TOKEN_CERT is not set; source the registries' env file." : null);
        using var client = LiveClient.Create(registry.Uri, Login(registry), new RegistryTlsOptions { TrustedCaCertificateFiles = [other!] });
        var error = await Assert.ThrowsAsync<RegistryTlsException>(() => client.SendAsync(HttpMethod.Get, "/v2/"));
        Assert.Contains($"neither the system nor the CAs in {other} trust", error.Message, StringComparison.Ordinal);
    }
}
