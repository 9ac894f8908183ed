using System.Runtime.CompilerServices;
using DockerApiGen.Registry.Content;
using DockerApiGen.Registry.Errors;
using DockerApiGen.Registry.Http;
using DockerApiGen.Registry.Manifests;
using DockerApiGen.Registry.Models;
using DockerApiGen.Registry.References;
using DockerApiGen.Runtime.Http;

namespace DockerApiGen.Registry;

public sealed partial class RegistryClient
{
    /// <summary>
    /// The manifests whose <c>subject</c> is a manifest (signatures, SBOMs, attestations attached to an image), from
    /// the registry's referrers API, following its pages. A registry without that API (a 404, as Docker's registry 2.8
    /// answers) is read the way the OCI specification falls back to: the index tagged <c>&lt;algorithm&gt;-&lt;hex&gt;</c>
    /// of the subject's digest, which clients keep (see <see cref="PutManifestAsync"/>).
    /// </summary>
    /// <param name="subject">The manifest, by digest or tag (a tag is resolved first).</param>
    /// <param name="artifactType">Only referrers of this artifact type; null for all.</param>
    /// <param name="cancellationToken">Ends the enumeration.</param>
    /// <exception cref="RegistryNotFoundException">A tag that names no manifest.</exception>
    public async IAsyncEnumerable<Descriptor> ListReferrersAsync(ImageReference subject, string? artifactType = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var api = ApiFor(subject);
        var digest = subject.Digest ?? await ResolveDigestAsync(subject, cancellationToken).ConfigureAwait(false);
        var page = await FirstReferrersPageAsync(api, subject, digest, artifactType, cancellationToken).ConfigureAwait(false);
        if (page is null)
        {
            var fallback = await ReferrersTagAsync(subject, digest, cancellationToken).ConfigureAwait(false);
            foreach (var descriptor in fallback?.Manifests ?? [])
            {
                if (artifactType is null || descriptor.ArtifactType == artifactType)
                {
                    yield return descriptor;
                }
            }

            yield break;
        }

        var visited = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            // A registry that did not apply the filter says so by leaving it out of OCI-Filters-Applied.
            var filtered = page.Headers.TryGetValues("OCI-Filters-Applied", out var applied) && applied.Any(v => v.Split(',').Any(f => f.Trim() == "artifactType"));
            foreach (var descriptor in page.Value.Manifests ?? [])
            {
                if (artifactType is null || filtered || descriptor.ArtifactType == artifactType)
                {
                    yield return descriptor;
                }
            }

            if (page.NextPage is not { } next || page.RequestUri is not { } current || !visited.Add(next.AbsoluteUri))
            {
                yield break;
            }

            page = await api.Connection.SendWithHeadersAsync(new DockerRequest(HttpMethod.Get, OnSameHost(current, next), "ReferrersList"), RegistryJsonContext.Default.OciImageIndex, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The referrers tag of a digest: <c>sha256-&lt;hex&gt;</c> (at most 128 characters).</summary>
    /// <param name="digest">The subject's digest.</param>
    public static string ReferrersTag(Digest digest)
    {
        var tag = digest.Algorithm + "-" + digest.Encoded;
        return tag.Length > 128 ? tag[..128] : tag;
    }

    private async Task<Digest> ResolveDigestAsync(ImageReference reference, CancellationToken cancellationToken)
    {
        var descriptor = await HeadManifestAsync(reference, null, cancellationToken).ConfigureAwait(false)
            ?? throw new RegistryNotFoundException(System.Net.HttpStatusCode.NotFound, "HEAD", new RegistryRequestTarget(reference.Registry, RegistryEndpointKind.Manifest, reference.Repository, reference.ManifestReference), [], null);
        return Digest.Parse(descriptor.Digest);
    }

    /// <summary>The first page of the referrers API, or null when the registry lacks the API (it answers 404).</summary>
    private static async Task<RegistryResponse<OciImageIndex>?> FirstReferrersPageAsync(RegistryApiClient api, ImageReference subject, Digest digest, string? artifactType, CancellationToken cancellationToken)
    {
        try
        {
            return await api.Referrers.ListAsync(subject.Repository, digest.ToString(), new ReferrersListOptions { ArtifactType = artifactType }, cancellationToken).ConfigureAwait(false);
        }
        catch (RegistryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>The index under the referrers tag of a digest, or null when there is none.</summary>
    private async Task<OciImageIndex?> ReferrersTagAsync(ImageReference subject, Digest digest, CancellationToken cancellationToken)
    {
        try
        {
            var manifest = await GetManifestAsync(subject.WithTag(ReferrersTag(digest)), [ManifestMediaTypes.OciIndex], cancellationToken).ConfigureAwait(false);
            return manifest.OciIndex;
        }
        catch (RegistryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>
    /// Adds a manifest to its subject's referrers tag (the OCI fallback for registries without the referrers API):
    /// the index under that tag, with this manifest's entry replaced or added, pushed again.
    /// </summary>
    private async Task AddToReferrersTagAsync(ImageReference target, Descriptor subject, RegistryManifest manifest, CancellationToken cancellationToken)
    {
        var digest = Digest.Parse(subject.Digest);
        var index = await ReferrersTagAsync(target, digest, cancellationToken).ConfigureAwait(false) ?? new OciImageIndex();
        var entries = (index.Manifests ?? []).Where(m => m.Digest != manifest.Digest.ToString()).ToList();
        entries.Add(new Descriptor
        {
            MediaType = manifest.MediaType,
            Digest = manifest.Digest.ToString(),
            Size = manifest.Size,
            ArtifactType = manifest.ArtifactType ?? manifest.Config?.MediaType,
            Annotations = manifest.Annotations,
        });
        index.Manifests = entries;
        await PutManifestAsync(target.WithTag(ReferrersTag(digest)), RegistryManifest.From(index), cancellationToken).ConfigureAwait(false);
    }
}
