using DockerApiGen.Registry.Content;
using DockerApiGen.Registry.Models;
using DockerApiGen.Registry.References;

namespace DockerApiGen.Registry.Manifests;

/// <summary>An image as a registry holds it, read without pulling its layers: its manifest for one platform, its configuration, and the index it came from.</summary>
/// <param name="Reference">The reference it was read by, pinned to <see cref="Digest"/>.</param>
/// <param name="Digest">The digest the reference resolves to (the index's, for a multi-platform image): what <c>docker pull</c> shows.</param>
/// <param name="Index">The index or manifest list, for a multi-platform image; null otherwise.</param>
/// <param name="Manifest">The image manifest of the chosen platform (of the only one, otherwise).</param>
/// <param name="Config">The image's configuration: platform, environment, command, labels, history.</param>
public sealed record RemoteImage(ImageReference Reference, Digest Digest, RegistryManifest? Index, RegistryManifest Manifest, ImageConfig Config)
{
    /// <summary>The platforms the index lists (attestations left out); for a single-platform image, the configuration's.</summary>
    public IReadOnlyList<Platform> Platforms => Index is null
        ? [new Platform { Os = Config.Os, Architecture = Config.Architecture, Variant = Config.Variant, OsVersion = Config.OsVersion }]
        : [.. Index.Manifests.Select(m => m.Platform).OfType<Platform>().Where(p => p.Os != "unknown")];

    /// <summary>The bytes a pull of this platform downloads: the configuration and every layer, compressed.</summary>
    public long DownloadSize => (Manifest.Config?.Size ?? 0) + Manifest.Layers.Sum(l => l.Size);
}
