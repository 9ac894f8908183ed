using DockerApiGen.Registry.Content;
using DockerApiGen.Registry.Models;

namespace DockerApiGen.Registry.Blobs;

/// <summary>A blob pushed (or found, or mounted) in a repository.</summary>
/// <param name="Digest">Its digest, as the registry confirmed it.</param>
/// <param name="Size">Its size in bytes.</param>
/// <param name="Transfer">Whether it was uploaded, mounted, or there already.</param>
public sealed record BlobPushResult(Digest Digest, long Size, BlobTransfer Transfer)
{
    /// <summary>A descriptor of the blob for a manifest.</summary>
    /// <param name="mediaType">The blob's media type in the manifest (a layer's, a config's).</param>
    public Descriptor ToDescriptor(string mediaType) => new() { MediaType = mediaType, Digest = Digest.ToString(), Size = Size };
}
