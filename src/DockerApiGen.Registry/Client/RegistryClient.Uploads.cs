using System.Net;
using DockerApiGen.Registry.Blobs;
using DockerApiGen.Registry.Content;
using DockerApiGen.Registry.Errors;
using DockerApiGen.Registry.References;

namespace DockerApiGen.Registry;

public sealed partial class RegistryClient
{
    /// <summary>Opens an upload session in a repository, to send a blob chunk by chunk (see <see cref="BlobUpload"/>).</summary>
    /// <param name="repository">The repository (its tag or digest is ignored).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<BlobUpload> StartUploadAsync(ImageReference repository, CancellationToken cancellationToken = default)
    {
        var api = ApiFor(repository);
        using var response = await api.Uploads.StartAsync(repository.Repository, null, new BlobUploadCreateOptions { ContentLength = 0 }, cancellationToken).ConfigureAwait(false);
        return Session(api, repository, response);
    }

    /// <summary>
    /// Takes up an upload session again (after a broken connection, a cancelled token, a restart): asks the registry
    /// how much it has; send the rest from <see cref="BlobUpload.Offset"/>.
    /// </summary>
    /// <param name="repository">The repository the upload goes to.</param>
    /// <param name="location">The session's latest <see cref="BlobUpload.Location"/>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="RegistryNotFoundException">The session is gone (expired, cancelled or finished): start another.</exception>
    /// <exception cref="RegistryApiException">The registry refuses the session (Docker's registry, after a chunk that broke off half-way: BLOB_UPLOAD_INVALID): start another.</exception>
    public async Task<BlobUpload> ResumeUploadAsync(ImageReference repository, Uri location, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(location);
        var api = ApiFor(repository);
        var absolute = location.IsAbsoluteUri ? location : new Uri(await api.Connection.GetBaseAddressAsync(cancellationToken).ConfigureAwait(false), location);
        var upload = new BlobUpload(api, repository, absolute, 0, null);
        await upload.RefreshAsync(cancellationToken).ConfigureAwait(false);
        return upload;
    }

    /// <summary>
    /// Pushes a blob, streamed from <paramref name="content"/> (not buffered whole). A blob the repository has is not
    /// sent again, one in <see cref="BlobPushOptions.MountFrom"/> is mounted; otherwise it is uploaded in one request
    /// (size known) or in chunks (<see cref="BlobPushOptions.ChunkSize"/>, or size and digest unknown). The registry
    /// checks the digest, and the one it confirms must be the one sent. A connection that breaks is resumed from the
    /// upload's status when the stream can seek.
    /// </summary>
    /// <param name="repository">The repository (its tag or digest is ignored).</param>
    /// <param name="content">The blob, read from where it stands; not disposed.</param>
    /// <param name="options">Digest, size, chunking, mounting, progress; null for the defaults.</param>
    /// <param name="cancellationToken">Cancels the push (a chunked upload's session stays open at the registry, which drops it later).</param>
    /// <returns>The blob's digest and size, and how it got there.</returns>
    public async Task<BlobPushResult> PushBlobAsync(ImageReference repository, Stream content, BlobPushOptions? options = null, CancellationToken cancellationToken = default)
    {
        var api = ApiFor(repository);
        ArgumentNullException.ThrowIfNull(content);
        options ??= new BlobPushOptions();
        var start = content.CanSeek ? content.Position : 0;
        var size = options.Size ?? (content.CanSeek ? content.Length - start : (long?)null);
        var digest = options.Digest;
        if (digest is null && content.CanSeek)
        {
            digest = await Digest.ComputeAsync(content, cancellationToken: cancellationToken).ConfigureAwait(false);
            content.Position = start;
        }

        if (digest is { } known)
        {
            RequireDigest(known);
            if (await HeadBlobAsync(repository, known, cancellationToken).ConfigureAwait(false) is { } present)
            {
                return new BlobPushResult(known, present.Size ?? size ?? 0, BlobTransfer.Present);
            }

            if (options.MountFrom is { } source && source.Registry == repository.Registry && source.Repository != repository.Repository)
            {
                var (mounted, session) = await MountOrStartAsync(api, repository, source, known, cancellationToken).ConfigureAwait(false);
                if (mounted)
                {
                    return new BlobPushResult(known, size ?? (await HeadBlobAsync(repository, known, cancellationToken).ConfigureAwait(false))?.Size ?? 0, BlobTransfer.Mounted);
                }

                return await UploadAsync(repository, session!, content, start, size, known, options, cancellationToken).ConfigureAwait(false);
            }
        }

        var upload = await StartUploadAsync(repository, cancellationToken).ConfigureAwait(false);
        return await UploadAsync(repository, upload, content, start, size, digest, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Puts a blob that <paramref name="source"/> holds into <paramref name="target"/>: mounted (nothing sent) when both
    /// are repositories of one registry and it can; otherwise streamed from one to the other (verified on the way), into
    /// the session the registry opened instead of mounting, or into a new one in another registry.
    /// </summary>
    /// <param name="target">The repository the blob goes to.</param>
    /// <param name="source">The repository that holds it.</param>
    /// <param name="digest">The blob's digest.</param>
    /// <param name="size">Its size, from the descriptor that names it; null to ask the source.</param>
    /// <param name="cancellationToken">Cancels the transfer.</param>
    /// <returns>How it got there.</returns>
    /// <exception cref="RegistryNotFoundException">The source does not hold the blob.</exception>
    public async Task<BlobPushResult> MountBlobAsync(ImageReference target, ImageReference source, Digest digest, long? size = null, CancellationToken cancellationToken = default)
    {
        var api = ApiFor(target);
        ArgumentNullException.ThrowIfNull(source);
        RequireDigest(digest);
        if (await HeadBlobAsync(target, digest, cancellationToken).ConfigureAwait(false) is { } present)
        {
            return new BlobPushResult(digest, present.Size ?? size ?? 0, BlobTransfer.Present);
        }

        BlobUpload? session = null;
        if (source.Registry == target.Registry && source.Repository != target.Repository)
        {
            var (mounted, opened) = await MountOrStartAsync(api, target, source, digest, cancellationToken).ConfigureAwait(false);
            if (mounted)
            {
                return new BlobPushResult(digest, size ?? (await HeadBlobAsync(target, digest, cancellationToken).ConfigureAwait(false))?.Size ?? 0, BlobTransfer.Mounted);
            }

            session = opened;
        }

        size ??= (await HeadBlobAsync(source, digest, cancellationToken).ConfigureAwait(false))?.Size;
        var blob = await OpenBlobAsync(source, digest, size, cancellationToken).ConfigureAwait(false);
        await using (blob.ConfigureAwait(false))
        {
            session ??= await StartUploadAsync(target, cancellationToken).ConfigureAwait(false);
            return await UploadAsync(target, session, blob, 0, size, digest, new BlobPushOptions { MaxResumes = 0 }, cancellationToken).ConfigureAwait(false);
        }
    }

    private static BlobUpload Session(RegistryApiClient api, ImageReference repository, HttpResponseMessage response)
    {
        var location = UploadState.Location(response)
            ?? throw new InvalidDataException($"The registry {repository.Registry} opened an upload to {repository.Repository} ({(int)response.StatusCode}) without saying where it continues (no Location).");
        return new BlobUpload(api, repository, location, UploadState.Received(response, 0) ?? 0, UploadState.MinimumChunk(response));
    }

    /// <summary>Asks to mount: true when the registry did (201); else the session it opened instead (202).</summary>
    private static async Task<(bool Mounted, BlobUpload? Session)> MountOrStartAsync(RegistryApiClient api, ImageReference target, ImageReference source, Digest digest, CancellationToken cancellationToken)
    {
        var options = new BlobUploadCreateOptions { Mount = digest.ToString(), From = source.Repository, ContentLength = 0 };
        using var response = await api.Uploads.StartAsync(target.Repository, null, options, cancellationToken).ConfigureAwait(false);
        return response.StatusCode == HttpStatusCode.Created ? (true, null) : (false, Session(api, target, response));
    }

    /// <summary>
    /// Sends the blob into an open session: in one request when its size and digest are known and no chunk size is
    /// asked, else chunk by chunk (hashing as it goes when the digest is unknown). A broken connection or a refused
    /// session is taken up again from the registry's status (or with a new session), when the stream can seek.
    /// </summary>
    private async Task<BlobPushResult> UploadAsync(ImageReference repository, BlobUpload upload, Stream content, long start, long? size, Digest? digest, BlobPushOptions options, CancellationToken cancellationToken)
    {
        var resumes = 0;
        while (true)
        {
            try
            {
                return await SendAsync(upload).ConfigureAwait(false);
            }
            catch (Exception ex) when (content.CanSeek && resumes < options.MaxResumes && !cancellationToken.IsCancellationRequested && (IsBroken(ex) || IsLostSession(ex)))
            {
                resumes++;
                upload = IsLostSession(ex) ? await StartUploadAsync(repository, cancellationToken).ConfigureAwait(false) : await TakeUpAsync(upload).ConfigureAwait(false);
                content.Position = start + upload.Offset;
            }
        }

        async Task<BlobPushResult> SendAsync(BlobUpload session)
        {
            if (digest is { } known && size is { } length && options.ChunkSize is null)
            {
                var stored = await session.CompleteAsync(known, content, length - session.Offset, cancellationToken).ConfigureAwait(false);
                options.Progress?.Report(length);
                return new BlobPushResult(stored, length, BlobTransfer.Uploaded);
            }

            var chunkSize = options.ChunkSize ?? BlobPushOptions.DefaultChunkSize;
            if (digest is { } fixedDigest)
            {
                var rest = content.CanSeek || size is not { } total ? content : new LimitedReadStream(content, total - session.Offset);
                await session.AppendAllAsync(rest, chunkSize, options.Progress, cancellationToken).ConfigureAwait(false);
                CheckSize(session);
                return new BlobPushResult(await session.CompleteAsync(fixedDigest, cancellationToken).ConfigureAwait(false), session.Offset, BlobTransfer.Uploaded);
            }

            // Unknown digest and a stream that cannot seek: hashed as it is sent (no resume possible).
            using var hashing = new HashingReadStream(content);
            await session.AppendAllAsync(hashing, chunkSize, options.Progress, cancellationToken).ConfigureAwait(false);
            CheckSize(session);
            return new BlobPushResult(await session.CompleteAsync(hashing.Digest, cancellationToken).ConfigureAwait(false), session.Offset, BlobTransfer.Uploaded);
        }

        void CheckSize(BlobUpload session)
        {
            if (size is { } expected && session.Offset != expected)
            {
                throw new InvalidDataException($"The blob's stream gave {session.Offset} bytes; {expected} were announced.");
            }
        }

        static bool IsBroken(Exception ex) => ex is RegistryConnectionException or IOException or HttpRequestException;

        // The registry dropped the session under the upload (it expired, or a broken chunk ended it after its status
        // was asked): a new one, from the start.
        static bool IsLostSession(Exception ex) => ex is RegistryApiException { Target.Kind: Http.RegistryEndpointKind.Upload } api
            && (api.StatusCode == System.Net.HttpStatusCode.NotFound || api.Code == RegistryErrorCode.BlobUploadInvalid || api.Code == RegistryErrorCode.BlobUploadUnknown);

        async Task<BlobUpload> TakeUpAsync(BlobUpload broken)
        {
            try
            {
                await broken.RefreshAsync(cancellationToken).ConfigureAwait(false);
                return broken;
            }
            catch (RegistryApiException)
            {
                // The registry no longer takes the session (Docker's registry refuses one whose last chunk broke off):
                // a new one, from the start.
                return await StartUploadAsync(repository, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
