using DockerApiGen.Registry.Models;

namespace DockerApiGen.Registry.Manifests;

/// <summary>How <see cref="RegistryClient.CopyAsync"/> copies an image.</summary>
public sealed class CopyOptions
{
    /// <summary>
    /// Copy only this platform's manifest of a multi-platform image, pushed as the target itself (so its digest is that
    /// manifest's, not the index's); null (the default) copies the index with every platform, unchanged.
    /// </summary>
    public Platform? Platform { get; init; }

    /// <summary>How many blobs move at once (default 3).</summary>
    public int MaxConcurrentBlobs { get; init; } = 3;
}
