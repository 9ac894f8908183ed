using DockerApiGen.Registry.Blobs;
using DockerApiGen.Registry.Content;
using DockerApiGen.Registry.Manifests;
using DockerApiGen.Registry.Models;
using DockerApiGen.Registry.References;

namespace DockerApiGen.Registry;

public sealed partial class RegistryClient
{
    /// <summary>
    /// Copies an image (a manifest, or an index with all its platforms) to another repository, in the same registry
    /// or another: blobs the target has are skipped, blobs of the same registry are mounted, the rest are streamed
    /// from the source to the target (verified on the way, never held whole); then the manifests are pushed byte for
    /// byte, children first, so the target's digest is the source's. What <c>crane copy</c> and <c>skopeo copy</c> do.
    /// </summary>
    /// <param name="source">The image to copy (tag or digest).</param>
    /// <param name="target">Where it goes: a tag, or a repository with a digest only.</param>
    /// <param name="options">Platform and concurrency; null for every platform, three blobs at a time.</param>
    /// <param name="cancellationToken">Cancels the copy (what was pushed stays).</param>
    /// <returns>The digest pushed and what moved.</returns>
    public async Task<CopyResult> CopyAsync(ImageReference source, ImageReference target, CopyOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        options ??= new CopyOptions();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxConcurrentBlobs);
        var top = await GetManifestAsync(source, null, cancellationToken).ConfigureAwait(false);
        if (top.IsIndex && options.Platform is { } platform)
        {
            var chosen = ChoosePlatform(top, source, platform);
            top = await GetManifestAsync(AtDigest(source, Digest.Parse(chosen.Digest)), [chosen.MediaType, .. ManifestMediaTypes.DefaultAccept], cancellationToken).ConfigureAwait(false);
        }

        var tally = new CopyTally();
        await CopyTreeAsync(source, target, top, target, tally, options, cancellationToken).ConfigureAwait(false);
        return new CopyResult(top.Digest, top.MediaType, tally.Manifests, tally.Uploaded, tally.Mounted, tally.Present, tally.Bytes);
    }

    /// <summary>The repository of <paramref name="repository"/> at a digest, without a tag (so that a push goes by digest).</summary>
    private static ImageReference AtDigest(ImageReference repository, Digest digest) => ImageReference.Parse(repository.Name + "@" + digest);

    /// <summary>The blobs a registry must hold for a manifest: its config and layers, except those served from elsewhere (foreign layers).</summary>
    private static IEnumerable<Descriptor> BlobsOf(RegistryManifest manifest)
        => (manifest.Config is { } config ? [config] : Array.Empty<Descriptor>())
            .Concat(manifest.Layers.Where(l => l.MediaType is not (ManifestMediaTypes.DockerForeignLayer or ManifestMediaTypes.OciNonDistributableLayer) || l.Urls is not { Count: > 0 }));

    private async Task CopyTreeAsync(ImageReference source, ImageReference target, RegistryManifest manifest, ImageReference pushAs, CopyTally tally, CopyOptions options, CancellationToken cancellationToken)
    {
        if (manifest.IsIndex)
        {
            foreach (var child in manifest.Manifests)
            {
                var digest = Digest.Parse(child.Digest);
                var childManifest = await GetManifestAsync(AtDigest(source, digest), [child.MediaType, .. ManifestMediaTypes.DefaultAccept], cancellationToken).ConfigureAwait(false);
                await CopyTreeAsync(source, target, childManifest, AtDigest(target, digest), tally, options, cancellationToken).ConfigureAwait(false);
            }
        }
        else
        {
            await Parallel.ForEachAsync(
                BlobsOf(manifest).DistinctBy(b => b.Digest),
                new ParallelOptions { MaxDegreeOfParallelism = options.MaxConcurrentBlobs, CancellationToken = cancellationToken },
                async (blob, token) =>
                {
                    var result = await MountBlobAsync(target, source, Digest.Parse(blob.Digest), blob.Size, token).ConfigureAwait(false);
                    tally.Add(result);
                }).ConfigureAwait(false);
        }

        await PutManifestAsync(pushAs, manifest, cancellationToken).ConfigureAwait(false);
        Interlocked.Increment(ref tally.Manifests);
    }

    private sealed class CopyTally
    {
        public int Manifests;
        public int Uploaded;
        public int Mounted;
        public int Present;
        public long Bytes;

        public void Add(BlobPushResult result)
        {
            switch (result.Transfer)
            {
                case BlobTransfer.Uploaded:
                    Interlocked.Increment(ref Uploaded);
                    Interlocked.Add(ref Bytes, result.Size);
                    break;
                case BlobTransfer.Mounted:
                    Interlocked.Increment(ref Mounted);
                    break;
                default:
                    Interlocked.Increment(ref Present);
                    break;
            }
        }
    }
}
