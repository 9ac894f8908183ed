using DockerApiGen.Registry.Content;
using DockerApiGen.Registry.References;

namespace DockerApiGen.Registry.Blobs;

/// <summary>How <see cref="RegistryClient.PushBlobAsync"/> sends a blob.</summary>
public sealed class BlobPushOptions
{
    /// <summary>The default chunk size of a chunked upload: 16 MiB.</summary>
    public const int DefaultChunkSize = 16 * 1024 * 1024;

    /// <summary>
    /// The blob's digest, when known: the registry is asked first whether it has the blob, and the upload ends with it.
    /// Null: it is computed (a seekable stream is read once before the upload; any other is hashed as it is sent,
    /// which needs a chunked upload). The registry checks the digest either way (DIGEST_INVALID).
    /// </summary>
    public Digest? Digest { get; init; }

    /// <summary>The blob's size, when the stream cannot say (a seekable stream's remaining length is used otherwise).</summary>
    public long? Size { get; init; }

    /// <summary>
    /// Send the blob in chunks of this many bytes (PATCH after PATCH), which an interrupted upload resumes from; null
    /// (the default) sends it in one request when its size is known. A stream of unknown size and digest always goes in
    /// chunks of <see cref="DefaultChunkSize"/>, each held in memory while it is sent.
    /// </summary>
    public int? ChunkSize { get; init; }

    /// <summary>A repository of the same registry that may hold the blob already: it is mounted from there (nothing sent) when the registry can.</summary>
    public ImageReference? MountFrom { get; init; }

    /// <summary>How often a broken connection is resumed from the upload's status before giving up (default 3); a seekable stream is needed.</summary>
    public int MaxResumes { get; init; } = 3;

    /// <summary>Told how many bytes of the blob the registry has, after each request that sent some.</summary>
    public IProgress<long>? Progress { get; init; }
}
