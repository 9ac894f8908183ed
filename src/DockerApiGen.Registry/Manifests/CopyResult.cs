using DockerApiGen.Registry.Content;

namespace DockerApiGen.Registry.Manifests;

/// <summary>What a copy did.</summary>
/// <param name="Digest">The digest of the manifest pushed as the target (equal to the source's, unless one platform was chosen).</param>
/// <param name="MediaType">Its media type.</param>
/// <param name="Manifests">How many manifests were pushed (an index and its platforms' manifests).</param>
/// <param name="BlobsUploaded">Blobs whose bytes were sent.</param>
/// <param name="BlobsMounted">Blobs the registry linked from the source repository.</param>
/// <param name="BlobsPresent">Blobs the target had already.</param>
/// <param name="BytesUploaded">The bytes of the uploaded blobs.</param>
public sealed record CopyResult(Digest Digest, string MediaType, int Manifests, int BlobsUploaded, int BlobsMounted, int BlobsPresent, long BytesUploaded);
