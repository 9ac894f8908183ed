using System.Security.Cryptography;
using DockerApiGen.Registry.Auth;
using DockerApiGen.Registry.Blobs;
using DockerApiGen.Registry.Http;
using DockerApiGen.Registry.Manifests;
using DockerApiGen.Registry.References;
using DockerApiGen.Registry.Tests.Support;

namespace DockerApiGen.Registry.Tests.Client;

/// <summary>
/// The TLS registry on :5056 and the scheme a client picks for a registry named without one: a loopback registry is
/// tried over TLS first (its certificate checked), and reached over plain HTTP only when it does not speak TLS.
/// </summary>
public sealed class TlsRegistryClientTests
{
    private static CancellationToken Cancel => TestClients.Cancel;

    [Fact]
    public async Task A_loopback_registry_that_speaks_tls_is_reached_over_tls_and_copies_go_between_registries()
    {
        var (basic, tls) = (TestRegistries.BasicOrSkip(), TestRegistries.TlsOrSkip());
        using var client = TestClients.BasicAndTls(basic, tls);
        Assert.Equal(new Uri($"https://{tls.Address}/"), await client.Api(tls.Address).Connection.GetBaseAddressAsync(Cancel));
        Assert.Equal(new Uri($"http://{basic.Address}/"), await client.Api(basic.Address).Connection.GetBaseAddressAsync(Cancel));

        var source = TestClients.Repository(basic.Address);
        var (index, _, arm64) = await TestImages.PushIndexAsync(client, source);
        var target = TestClients.Repository(tls.Address, "copied");
        var result = await client.CopyAsync(source, target, cancellationToken: Cancel);
        Assert.Equal((index.Digest, 3, 4, 0), (result.Digest, result.Manifests, result.BlobsUploaded, result.BlobsMounted));
        Assert.Equal(index.Bytes.ToArray(), (await client.GetManifestAsync(target, cancellationToken: Cancel)).Bytes.ToArray());
        Assert.Equal("arm64", (await client.InspectImageAsync(target, Platforms.Parse("linux/arm64"), Cancel)).Config.Architecture);

        // Copying again moves nothing; one platform alone is pushed as the image itself.
        Assert.Equal((0, 4), ((await client.CopyAsync(source, target, cancellationToken: Cancel)).BlobsUploaded, (await client.CopyAsync(source, target, cancellationToken: Cancel)).BlobsPresent));
        var single = await client.CopyAsync(source, target.WithTag("arm64"), new CopyOptions { Platform = Platforms.Parse("linux/arm64") }, Cancel);
        Assert.Equal((arm64.Digest, 1), (single.Digest, single.Manifests));
    }

    [Fact]
    public async Task Without_the_ca_the_registry_s_certificate_is_refused_with_the_reason()
    {
        var tls = TestRegistries.TlsOrSkip();
        using var client = new RegistryClient(new RegistryClientOptions { Credentials = StaticCredentialProvider.ForRegistry(tls.Address, tls.User, tls.Password) });
        var error = await Assert.ThrowsAsync<RegistryTlsException>(() => client.CheckAsync(tls.Address, Cancel));
        Assert.Contains("that the system does not trust", error.Message, StringComparison.Ordinal);
        Assert.Contains("RegistryTlsOptions.TrustedCaCertificateFiles", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_registry_named_with_a_scheme_is_reached_as_named()
    {
        var basic = TestRegistries.BasicOrSkip();
        using var client = TestClients.Basic(basic);
        var named = client.Api($"http://{basic.Address}");
        Assert.Equal(new Uri($"http://{basic.Address}/"), await named.Connection.GetBaseAddressAsync(Cancel));
        Assert.Equal("registry/2.0", (await named.Api.CheckAsync(Cancel)).ApiVersion);
        var pushed = await client.PushBlobAsync(TestClients.Repository(basic.Address), new MemoryStream(RandomNumberGenerator.GetBytes(64)), cancellationToken: Cancel);
        Assert.Equal(BlobTransfer.Uploaded, pushed.Transfer);
    }
}
