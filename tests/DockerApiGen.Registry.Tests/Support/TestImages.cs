using System.Security.Cryptography;
using System.Text;
using DockerApiGen.Registry.Blobs;
using DockerApiGen.Registry.Content;
using DockerApiGen.Registry.Manifests;
using DockerApiGen.Registry.Models;
using DockerApiGen.Registry.References;

namespace DockerApiGen.Registry.Tests.Support;

/// <summary>Small images made up for the tests (a config and a random layer), pushed with the client under test.</summary>
internal static class TestImages
{
    /// <summary>An image configuration for a platform.</summary>
    public static byte[] Config(string architecture = "amd64", string? label = null)
        => Encoding.UTF8.GetBytes($$$"""{"architecture":"{{{architecture}}}","os":"linux","config":{"Env":["PATH=/bin"],"Labels":{"test":"{{{label ?? Guid.NewGuid().ToString("N")}}}"}},"rootfs":{"type":"layers","diff_ids":[]}}""");

    /// <summary>Pushes a config and one random layer, then a manifest of <paramref name="mediaType"/> under the reference's tag (or by its digest).</summary>
    public static async Task<RegistryManifest> PushImageAsync(RegistryClient client, ImageReference target, string mediaType = ManifestMediaTypes.DockerManifest, int layerSize = 4096, string architecture = "amd64", bool byDigest = false)
    {
        var config = await client.PushBlobAsync(target, new MemoryStream(Config(architecture)), cancellationToken: TestClients.Cancel);
        var layer = await client.PushBlobAsync(target, new MemoryStream(RandomNumberGenerator.GetBytes(layerSize)), cancellationToken: TestClients.Cancel);
        var manifest = mediaType == ManifestMediaTypes.OciManifest
            ? RegistryManifest.From(new OciImageManifest { Config = config.ToDescriptor(ManifestMediaTypes.OciConfig), Layers = [layer.ToDescriptor("application/vnd.oci.image.layer.v1.tar+gzip")] })
            : RegistryManifest.From(new DockerManifest { Config = config.ToDescriptor(ManifestMediaTypes.DockerConfig), Layers = [layer.ToDescriptor("application/vnd.docker.image.rootfs.diff.tar.gzip")] });
        await client.PutManifestAsync(byDigest ? ImageReference.Parse($"{target.Name}@{manifest.Digest}") : target, manifest, TestClients.Cancel);
        return manifest;
    }

    /// <summary>Pushes an image for amd64 and one for arm64 (by digest), then an index of <paramref name="mediaType"/> listing both under the tag.</summary>
    public static async Task<(RegistryManifest Index, RegistryManifest Amd64, RegistryManifest Arm64)> PushIndexAsync(RegistryClient client, ImageReference target, string mediaType = ManifestMediaTypes.OciIndex)
    {
        var childType = mediaType == ManifestMediaTypes.OciIndex ? ManifestMediaTypes.OciManifest : ManifestMediaTypes.DockerManifest;
        var amd64 = await PushImageAsync(client, target, childType, architecture: "amd64", byDigest: true);
        var arm64 = await PushImageAsync(client, target, childType, architecture: "arm64", byDigest: true);
        Descriptor Entry(RegistryManifest m, string arch) => m.ToDescriptor(platform: new Platform { Os = "linux", Architecture = arch });
        var index = mediaType == ManifestMediaTypes.OciIndex
            ? RegistryManifest.From(new OciImageIndex { Manifests = [Entry(amd64, "amd64"), Entry(arm64, "arm64")] })
            : RegistryManifest.From(new DockerManifestList { Manifests = [Entry(amd64, "amd64"), Entry(arm64, "arm64")] });
        await client.PutManifestAsync(target, index, TestClients.Cancel);
        return (index, amd64, arm64);
    }

    /// <summary>Deletes a manifest by digest, ignoring a registry that already lost it.</summary>
    public static async Task DeleteQuietlyAsync(RegistryClient client, ImageReference repository, Digest digest)
    {
        try
        {
            await client.DeleteManifestAsync(ImageReference.Parse($"{repository.Name}@{digest}"), CancellationToken.None);
        }
        catch (DockerApiGen.Registry.Errors.RegistryApiException)
        {
        }
    }
}
