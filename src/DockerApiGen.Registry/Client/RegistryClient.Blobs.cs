using System.Globalization;
using System.Net;
using DockerApiGen.Registry.Blobs;
using DockerApiGen.Registry.Content;
using DockerApiGen.Registry.Errors;
using DockerApiGen.Registry.Http;
using DockerApiGen.Registry.References;

namespace DockerApiGen.Registry;

public sealed partial class RegistryClient
{
    /// <summary>How often a blob download resumes after a broken connection before giving up.</summary>
    private const int MaxDownloadResumes = 5;

    /// <summary>
    /// Opens a blob for reading, as it streams (nothing is buffered whole). The stream checks what it hands out
    /// against <paramref name="digest"/> (and <paramref name="size"/>): its last 16 KiB come only once the whole blob
    /// matched, so a reader that reaches the end never holds a complete copy of tampered content (it gets a
    /// <see cref="DigestMismatchException"/> instead). A connection that breaks mid-way is resumed from the byte it got
    /// to (<c>Range</c>), up to five times. Redirects to storage elsewhere are followed without the registry's credentials.
    /// </summary>
    /// <param name="repository">The repository (its tag or digest is ignored).</param>
    /// <param name="digest">The blob's digest.</param>
    /// <param name="size">Its size, from the descriptor that named it; null to take the registry's <c>Content-Length</c>.</param>
    /// <param name="cancellationToken">Cancels opening (pass a token to the reads too).</param>
    /// <exception cref="RegistryNotFoundException">The blob is not in the repository (BLOB_UNKNOWN).</exception>
    /// <exception cref="DigestMismatchException">The registry announces another digest.</exception>
    public async Task<VerifyingReadStream> OpenBlobAsync(ImageReference repository, Digest digest, long? size = null, CancellationToken cancellationToken = default)
    {
        var api = ApiFor(repository);
        RequireDigest(digest);
        var response = await api.Blobs.GetAsync(repository.Repository, digest.ToString(), null, cancellationToken).ConfigureAwait(false);
        try
        {
            var what = $"blob {digest} of {repository.Name}";
            CheckAnnounced(response, digest, what);
            var length = size ?? response.Content.Headers.ContentLength;
            var body = await api.Connection.OpenBodyAsync(response, "BlobGet", cancellationToken).ConfigureAwait(false);
            var resuming = new ResumingBlobStream(body, (offset, token) => OpenFromAsync(api, repository, digest, offset, token), MaxDownloadResumes);
            return new VerifyingReadStream(new PrefetchingStream(resuming), digest, length, what);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Downloads a blob into a file, verified: it is written to <c>path.partial</c> and moved to <paramref name="path"/>
    /// only when its digest (and size) matched; a mismatch deletes it and throws. A <c>.partial</c> file left by an
    /// interrupted download is resumed from where it ends (its bytes are hashed again, then only the rest is asked for).
    /// </summary>
    /// <param name="repository">The repository (its tag or digest is ignored).</param>
    /// <param name="digest">The blob's digest.</param>
    /// <param name="path">Where the blob goes (replaced when it exists).</param>
    /// <param name="size">Its size, from the descriptor that named it; null when unknown.</param>
    /// <param name="cancellationToken">Cancels the download; the <c>.partial</c> file stays, to resume from.</param>
    /// <returns>The blob's size.</returns>
    /// <exception cref="DigestMismatchException">The content does not match (nothing is left at <paramref name="path"/>).</exception>
    public async Task<long> DownloadBlobAsync(ImageReference repository, Digest digest, string path, long? size = null, CancellationToken cancellationToken = default)
    {
        var api = ApiFor(repository);
        RequireDigest(digest);
        ArgumentException.ThrowIfNullOrEmpty(path);
        var partial = path + ".partial";
        var what = $"blob {digest} of {repository.Name}";
        using var hash = digest.CreateHash();
        var file = new FileStream(partial, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.Asynchronous);
        await using (file.ConfigureAwait(false))
        {
            // What an earlier attempt left: hashed again (it may be anything), then only the rest is fetched.
            var buffer = new byte[81920];
            int read;
            while ((read = await file.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                hash.AppendData(buffer, 0, read);
            }

            var offset = file.Length;
            if (size is { } expected && offset > expected)
            {
                file.SetLength(0);
                hash.GetHashAndReset();
                offset = 0;
            }

            if (size is null || offset < size)
            {
                var (body, start) = await OpenFromAsync(api, repository, digest, offset, cancellationToken).ConfigureAwait(false);
                var resuming = new ResumingBlobStream(body, (at, token) => OpenFromAsync(api, repository, digest, at, token), MaxDownloadResumes);
                await using (resuming.ConfigureAwait(false))
                {
                    if (start == 0 && offset > 0)
                    {
                        // The registry sent the whole blob: start the file again.
                        file.SetLength(0);
                        hash.GetHashAndReset();
                        offset = 0;
                    }

                    while ((read = await resuming.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                    {
                        offset += read;
                        if (offset > size)
                        {
                            break;
                        }

                        hash.AppendData(buffer, 0, read);
                        await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                    }
                }
            }

            var actual = Digest.FromHash(digest.Algorithm, hash.GetHashAndReset());
            if (actual != digest || (size is { } wanted && wanted != offset))
            {
                file.SetLength(0);
                await file.DisposeAsync().ConfigureAwait(false);
                File.Delete(partial);
                throw new DigestMismatchException(digest, offset > size ? null : actual, size, offset, what);
            }

            await file.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        File.Move(partial, path, overwrite: true);
        return new FileInfo(path).Length;
    }

    /// <summary>Whether a repository holds a blob, and its size: null when it does not.</summary>
    /// <param name="repository">The repository (its tag or digest is ignored).</param>
    /// <param name="digest">The blob's digest.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<BlobInfo?> HeadBlobAsync(ImageReference repository, Digest digest, CancellationToken cancellationToken = default)
    {
        var api = ApiFor(repository);
        RequireDigest(digest);
        try
        {
            using var response = await api.Blobs.HeadAsync(repository.Repository, digest.ToString(), cancellationToken).ConfigureAwait(false);
            CheckAnnounced(response, digest, $"blob {digest} of {repository.Name}");
            return new BlobInfo(digest, response.Content.Headers.ContentLength);
        }
        catch (RegistryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Deletes a blob from a repository (where the registry allows deleting).</summary>
    /// <param name="repository">The repository (its tag or digest is ignored).</param>
    /// <param name="digest">The blob's digest.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="RegistryUnsupportedException">The registry does not allow deleting.</exception>
    public Task DeleteBlobAsync(ImageReference repository, Digest digest, CancellationToken cancellationToken = default)
    {
        var api = ApiFor(repository);
        RequireDigest(digest);
        return api.Blobs.DeleteAsync(repository.Repository, digest.ToString(), cancellationToken);
    }

    private static void RequireDigest(Digest digest)
    {
        if (digest == default)
        {
            throw new ArgumentException("The digest is the default value; pass a parsed Digest (Digest.Parse).", nameof(digest));
        }
    }

    private static void CheckAnnounced(HttpResponseMessage response, Digest digest, string what)
    {
        if (VerifiedDownload.Announced(response) is { } said && said.Algorithm == digest.Algorithm && said != digest)
        {
            throw new DigestMismatchException(digest, said, null, 0, what + " (by its Docker-Content-Digest header)");
        }
    }

    /// <summary>Asks for a blob from an offset: its body and where that body starts (0 when the registry ignored the range).</summary>
    private static async Task<(Stream Body, long Start)> OpenFromAsync(RegistryApiClient api, ImageReference repository, Digest digest, long offset, CancellationToken cancellationToken)
    {
        var options = offset > 0 ? new BlobGetOptions { Range = $"bytes={offset.ToString(CultureInfo.InvariantCulture)}-" } : null;
        var response = await api.Blobs.GetAsync(repository.Repository, digest.ToString(), options, cancellationToken).ConfigureAwait(false);
        try
        {
            var start = 0L;
            if (response.StatusCode == HttpStatusCode.PartialContent)
            {
                start = response.Content.Headers.ContentRange?.From
                    ?? throw new InvalidDataException($"The registry answered 206 for blob {digest} of {repository.Name} without a Content-Range.");
            }

            return (await api.Connection.OpenBodyAsync(response, "BlobGet", cancellationToken).ConfigureAwait(false), start);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }
}
