using DockerApiGen.Registry.Blobs;
using DockerApiGen.Registry.Content;
using DockerApiGen.Registry.Layout;
using DockerApiGen.Registry.Manifests;
using DockerApiGen.Registry.Models;
using DockerApiGen.Registry.References;

namespace DockerApiGen.Registry;

public sealed partial class RegistryClient
{
    /// <summary>
    /// Writes an image (a manifest, or an index with all its platforms) into an OCI image layout folder: every manifest
    /// and blob under <c>blobs/</c> (each downloaded to a temporary file and moved into place only once verified; blobs
    /// already there are kept), and an entry in <c>index.json</c> named by the reference's tag
    /// (<c>org.opencontainers.image.ref.name</c>), replacing an entry of that name. The folder is created when missing
    /// and may hold other images.
    /// </summary>
    /// <param name="source">The image.</param>
    /// <param name="directory">The layout folder.</param>
    /// <param name="cancellationToken">Cancels the export (finished blobs stay; index.json changes last).</param>
    /// <returns>The entry added to <c>index.json</c>.</returns>
    public async Task<Descriptor> ExportOciLayoutAsync(ImageReference source, string directory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var layout = new OciLayoutFolder(directory);
        layout.Create();
        var top = await GetManifestAsync(source, null, cancellationToken).ConfigureAwait(false);
        await ExportTreeAsync(source, top, layout, cancellationToken).ConfigureAwait(false);
        var entry = top.ToDescriptor(source.Tag is { } tag ? new Dictionary<string, string> { [OciLayoutFolder.RefNameAnnotation] = tag } : null);
        layout.AddToIndex(entry);
        return entry;
    }

    /// <summary>
    /// Pushes an image of an OCI image layout folder to a registry: its blobs (those the target has are skipped; the
    /// registry checks each digest), then its manifests byte for byte, children first (each checked against its digest
    /// before it is sent), the image itself under the target's tag.
    /// </summary>
    /// <param name="directory">The layout folder.</param>
    /// <param name="target">Where the image goes.</param>
    /// <param name="refName">The image of the layout (its <c>org.opencontainers.image.ref.name</c>); null for the target's tag when the layout has an image of that name, else its only image.</param>
    /// <param name="cancellationToken">Cancels the import.</param>
    /// <returns>The digest of the image pushed.</returns>
    /// <exception cref="InvalidDataException">The folder is not an OCI layout, or a file in it does not match its digest.</exception>
    public async Task<Digest> ImportOciLayoutAsync(string directory, ImageReference target, string? refName = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        var layout = new OciLayoutFolder(directory);
        layout.CheckMarker();
        Descriptor entry;
        try
        {
            entry = layout.Find(refName ?? target.Tag);
        }
        catch (ArgumentException) when (refName is null)
        {
            entry = layout.Find(null);
        }

        var manifest = await ImportTreeAsync(layout, entry, target, target, cancellationToken).ConfigureAwait(false);
        return manifest.Digest;
    }

    private async Task ExportTreeAsync(ImageReference source, RegistryManifest manifest, OciLayoutFolder layout, CancellationToken cancellationToken)
    {
        if (manifest.IsIndex)
        {
            foreach (var child in manifest.Manifests)
            {
                var childManifest = await GetManifestAsync(AtDigest(source, Digest.Parse(child.Digest)), [child.MediaType, .. ManifestMediaTypes.DefaultAccept], cancellationToken).ConfigureAwait(false);
                await ExportTreeAsync(source, childManifest, layout, cancellationToken).ConfigureAwait(false);
            }
        }
        else
        {
            foreach (var blob in BlobsOf(manifest).DistinctBy(b => b.Digest))
            {
                var digest = Digest.Parse(blob.Digest);
                var path = layout.BlobPath(digest);
                if (File.Exists(path) && new FileInfo(path).Length == blob.Size)
                {
                    continue;
                }

                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                await DownloadBlobAsync(source, digest, path, blob.Size, cancellationToken).ConfigureAwait(false);
            }
        }

        var manifestPath = layout.BlobPath(manifest.Digest);
        if (!File.Exists(manifestPath))
        {
            OciLayoutFolder.WriteAtomically(manifestPath, manifest.Bytes.Span);
        }
    }

    private async Task<RegistryManifest> ImportTreeAsync(OciLayoutFolder layout, Descriptor descriptor, ImageReference target, ImageReference pushAs, CancellationToken cancellationToken)
    {
        var digest = Digest.Parse(descriptor.Digest);
        var path = layout.BlobPath(digest);
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"The OCI layout {layout.Path} lists the manifest {digest}, but blobs/{digest.Algorithm}/{digest.Encoded} is missing.");
        }

        if (new FileInfo(path).Length > Options.MaxManifestBytes)
        {
            throw new InvalidDataException($"The manifest {digest} of the OCI layout {layout.Path} is larger than {Options.MaxManifestBytes} bytes (RegistryClientOptions.MaxManifestBytes).");
        }

        RegistryManifest manifest;
        try
        {
            manifest = RegistryManifest.Parse(await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false), descriptor.MediaType, digest);
        }
        catch (DigestMismatchException ex)
        {
            throw new InvalidDataException($"The file blobs/{digest.Algorithm}/{digest.Encoded} of the OCI layout {layout.Path} does not hold what its name says: {ex.Message}", ex);
        }

        if (manifest.IsIndex)
        {
            foreach (var child in manifest.Manifests)
            {
                await ImportTreeAsync(layout, child, target, AtDigest(target, Digest.Parse(child.Digest)), cancellationToken).ConfigureAwait(false);
            }
        }
        else
        {
            foreach (var blob in BlobsOf(manifest).DistinctBy(b => b.Digest))
            {
                var blobDigest = Digest.Parse(blob.Digest);
                var blobPath = layout.BlobPath(blobDigest);
                if (!File.Exists(blobPath))
                {
                    throw new InvalidDataException($"The OCI layout {layout.Path} lacks blobs/{blobDigest.Algorithm}/{blobDigest.Encoded}, which manifest {manifest.Digest} needs.");
                }

                var file = new FileStream(blobPath, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);
                await using (file.ConfigureAwait(false))
                {
                    await PushBlobAsync(target, file, new BlobPushOptions { Digest = blobDigest, Size = blob.Size }, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        await PutManifestAsync(pushAs, manifest, cancellationToken).ConfigureAwait(false);
        return manifest;
    }
}
