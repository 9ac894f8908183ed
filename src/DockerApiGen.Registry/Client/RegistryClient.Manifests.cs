using System.Net;
using System.Text.Json;
using DockerApiGen.Registry.Content;
using DockerApiGen.Registry.Errors;
using DockerApiGen.Registry.Manifests;
using DockerApiGen.Registry.Models;
using DockerApiGen.Registry.References;

namespace DockerApiGen.Registry;

public sealed partial class RegistryClient
{
    /// <summary>The largest image configuration read into a model (64 MiB; real ones are a few kilobytes).</summary>
    private const int MaxConfigBytes = 64 * 1024 * 1024;

    /// <summary>
    /// Gets a manifest by tag or digest, exactly as stored, verified: against the digest when the reference pins one,
    /// else against the registry's <c>Docker-Content-Digest</c>. The answer's <c>Content-Type</c> picks the model (the
    /// manifest's own <c>mediaType</c> must agree); other media types come back as bytes.
    /// </summary>
    /// <param name="reference">The manifest: <c>registry/repository:tag</c> or <c>…@sha256:…</c>.</param>
    /// <param name="accept">The media types to ask for, most preferred first; null for <see cref="ManifestMediaTypes.DefaultAccept"/>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="RegistryNotFoundException">No such manifest or repository (MANIFEST_UNKNOWN, NAME_UNKNOWN).</exception>
    /// <exception cref="DigestMismatchException">The content does not match its digest; nothing is returned.</exception>
    /// <exception cref="InvalidDataException">The manifest is not what its media type says, or larger than <see cref="RegistryClientOptions.MaxManifestBytes"/>.</exception>
    public async Task<RegistryManifest> GetManifestAsync(ImageReference reference, IEnumerable<string>? accept = null, CancellationToken cancellationToken = default)
    {
        var api = ApiFor(reference);
        using var response = await api.Manifests.GetAsync(reference.Repository, reference.ManifestReference, new ManifestGetOptions { Accept = Accept(accept) }, cancellationToken).ConfigureAwait(false);
        var content = await VerifiedDownload.ReadAllAsync(response, reference.Digest, Options.MaxManifestBytes, cancellationToken).ConfigureAwait(false);
        return RegistryManifest.Read(content, $"manifest '{reference.ManifestReference}' of {reference.Name}");
    }

    /// <summary>
    /// What a manifest is without downloading it (<c>HEAD</c>): its media type, digest and size; null when there is no such
    /// manifest. A registry that does not announce the digest on <c>HEAD</c> is asked with <c>GET</c> instead.
    /// </summary>
    /// <param name="reference">The manifest, by tag or digest.</param>
    /// <param name="accept">The media types to ask for; null for <see cref="ManifestMediaTypes.DefaultAccept"/>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<Descriptor?> HeadManifestAsync(ImageReference reference, IEnumerable<string>? accept = null, CancellationToken cancellationToken = default)
    {
        var api = ApiFor(reference);
        try
        {
            using var response = await api.Manifests.HeadAsync(reference.Repository, reference.ManifestReference, new ManifestHeadOptions { Accept = Accept(accept) }, cancellationToken).ConfigureAwait(false);
            var digest = VerifiedDownload.Announced(response) ?? reference.Digest;
            if (digest is { } known && reference.Digest is { } asked && known != asked)
            {
                throw new DigestMismatchException(asked, known, null, 0, $"manifest {asked} of {reference.Name} (by its Docker-Content-Digest header)");
            }

            if (digest is { } found && response.Content.Headers.ContentType?.MediaType is { } mediaType && response.Content.Headers.ContentLength is { } size)
            {
                return new Descriptor { MediaType = mediaType, Digest = found.ToString(), Size = size };
            }
        }
        catch (RegistryNotFoundException)
        {
            return null;
        }

        try
        {
            return (await GetManifestAsync(reference, accept, cancellationToken).ConfigureAwait(false)).ToDescriptor();
        }
        catch (RegistryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>
    /// Pushes a manifest byte for byte under the reference's tag (or, with a digest only, under its digest). The
    /// registry's <c>Docker-Content-Digest</c> must be the digest of the bytes sent. The blobs and manifests it refers to
    /// must be there first. A manifest with a <c>subject</c> pushed to a registry without the referrers API is added to
    /// the referrers tag of its subject (<c>sha256-&lt;hex&gt;</c>), as the OCI specification asks of clients.
    /// </summary>
    /// <param name="target">Where it goes: <c>registry/repository:tag</c>, or <c>…@sha256:…</c> (which must be the manifest's digest).</param>
    /// <param name="manifest">The manifest (from <see cref="GetManifestAsync"/>, <see cref="RegistryManifest.Parse"/> or <c>RegistryManifest.From</c>).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The manifest's digest.</returns>
    /// <exception cref="RegistryApiException">The registry refused it (MANIFEST_INVALID, MANIFEST_BLOB_UNKNOWN, DENIED…).</exception>
    /// <exception cref="DigestMismatchException">The registry stored it under another digest.</exception>
    public async Task<Digest> PutManifestAsync(ImageReference target, RegistryManifest manifest, CancellationToken cancellationToken = default)
    {
        var api = ApiFor(target);
        ArgumentNullException.ThrowIfNull(manifest);
        if (target.Digest is { } pinned && pinned != manifest.Digest)
        {
            throw new ArgumentException($"The target {target} pins the digest {pinned}, but the manifest's digest is {manifest.Digest}.", nameof(target));
        }

        var reference = target.Tag ?? manifest.Digest.ToString();
        bool subjectProcessed;
        using (var body = new MemoryStream(manifest.Bytes.ToArray(), writable: false))
        using (var response = await api.Manifests.PutAsync(target.Repository, reference, manifest.MediaType, body, cancellationToken).ConfigureAwait(false))
        {
            if (VerifiedDownload.Announced(response) is { } stored && stored.Algorithm == manifest.Digest.Algorithm && stored != manifest.Digest)
            {
                throw new DigestMismatchException(manifest.Digest, stored, manifest.Size, manifest.Size, $"manifest pushed to {target} (the registry stored it as another digest)");
            }

            subjectProcessed = response.Headers.Contains("OCI-Subject");
        }

        if (manifest.Subject is { } subject && !subjectProcessed)
        {
            await AddToReferrersTagAsync(target, subject, manifest, cancellationToken).ConfigureAwait(false);
        }

        return manifest.Digest;
    }

    /// <summary>
    /// Deletes what the reference names: by digest, the manifest and every tag that points at it; by tag, the tag alone,
    /// where the registry allows that (Docker's registry answers DIGEST_INVALID: resolve the digest with
    /// <see cref="HeadManifestAsync"/> and delete that).
    /// </summary>
    /// <param name="reference">The manifest, by digest or tag.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="RegistryUnsupportedException">The registry does not allow deleting.</exception>
    public Task DeleteManifestAsync(ImageReference reference, CancellationToken cancellationToken = default)
    {
        var api = ApiFor(reference);
        return api.Manifests.DeleteAsync(reference.Repository, reference.ManifestReference, cancellationToken);
    }

    /// <summary>
    /// Reads an image without pulling it: its manifest (for a multi-platform image, the one of <paramref name="platform"/>)
    /// and its configuration, each verified against its digest.
    /// </summary>
    /// <param name="reference">The image.</param>
    /// <param name="platform">The platform to read from an index; null for <see cref="Platforms.Current"/> (Linux on this machine's architecture), or the only one the index lists.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <exception cref="PlatformNotFoundException">The index has no manifest for the platform.</exception>
    /// <exception cref="InvalidDataException">The reference names something other than an image (an artifact).</exception>
    public async Task<RemoteImage> InspectImageAsync(ImageReference reference, Platform? platform = null, CancellationToken cancellationToken = default)
    {
        var top = await GetManifestAsync(reference, null, cancellationToken).ConfigureAwait(false);
        var pinned = reference.WithDigest(top.Digest);
        RegistryManifest? index = null;
        var manifest = top;
        if (top.IsIndex)
        {
            index = top;
            var chosen = ChoosePlatform(top, reference, platform);
            manifest = await GetManifestAsync(reference.WithDigest(Digest.Parse(chosen.Digest)), null, cancellationToken).ConfigureAwait(false);
        }

        if (manifest.Config is not { } configDescriptor || manifest.IsIndex)
        {
            throw new InvalidDataException($"{reference} is a {manifest.MediaType}, not an image manifest; read it with GetManifestAsync.");
        }

        var bytes = await ReadBlobAsync(reference, configDescriptor, MaxConfigBytes, cancellationToken).ConfigureAwait(false);
        ImageConfig config;
        try
        {
            config = JsonSerializer.Deserialize(bytes, RegistryJsonContext.Default.ImageConfig)
                ?? throw new InvalidDataException($"The configuration of {reference} is null.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"The configuration of {reference} ({configDescriptor.MediaType}, {configDescriptor.Digest}) is not an image configuration: {ex.Message}", ex);
        }

        return new RemoteImage(pinned, top.Digest, index, manifest, config);
    }

    private static string Accept(IEnumerable<string>? accept)
    {
        var list = accept?.ToList() ?? [.. ManifestMediaTypes.DefaultAccept];
        return list.Count > 0 ? string.Join(", ", list) : throw new ArgumentException("Accept at least one media type.", nameof(accept));
    }

    private static Descriptor ChoosePlatform(RegistryManifest index, ImageReference reference, Platform? platform)
    {
        var images = index.Manifests.Where(m => m.Platform is null || m.Platform.Os != "unknown").ToList();
        var wanted = platform ?? Platforms.Current;
        if (images.FirstOrDefault(m => Platforms.Matches(m.Platform, wanted)) is { } match)
        {
            return match;
        }

        if (platform is null && images.Count == 1)
        {
            return images[0];
        }

        throw new PlatformNotFoundException(reference.ToString(), wanted, [.. images.Select(m => m.Platform).OfType<Platform>()]);
    }

    /// <summary>Reads a small blob whole, verified against its descriptor (digest and size).</summary>
    private async Task<byte[]> ReadBlobAsync(ImageReference repository, Descriptor descriptor, int maxBytes, CancellationToken cancellationToken)
    {
        if (descriptor.Size > maxBytes)
        {
            throw new InvalidDataException($"The blob {descriptor.Digest} of {repository.Name} is {descriptor.Size} bytes; at most {maxBytes} are read into memory.");
        }

        var stream = await OpenBlobAsync(repository, Digest.Parse(descriptor.Digest), descriptor.Size, cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = new MemoryStream((int)descriptor.Size);
            await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            return buffer.ToArray();
        }
    }
}
