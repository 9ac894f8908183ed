using DockerApiGen.Registry.Content;

namespace DockerApiGen.Registry.Blobs;

/// <summary>What a registry says of a blob it holds.</summary>
/// <param name="Digest">Its digest.</param>
/// <param name="Size">Its size in bytes, when the registry said.</param>
public sealed record BlobInfo(Digest Digest, long? Size);
