using System.Buffers;
using System.Net;
using DockerApiGen.Registry.Content;
using DockerApiGen.Registry.References;

namespace DockerApiGen.Registry.Blobs;

/// <summary>
/// An open blob upload session: where it continues (<see cref="Location"/>, which the registry may change with each
/// answer, so the latest is kept) and how much the registry has (<see cref="Offset"/>). Chunks go in order; an upload
/// interrupted (a broken connection, a cancelled token, a process that stopped) resumes from the registry's status:
/// keep <see cref="Location"/>, then <see cref="RegistryClient.ResumeUploadAsync"/> and send from <see cref="Offset"/>.
/// Not thread-safe: one request at a time.
/// </summary>
public sealed class BlobUpload
{
    private readonly RegistryApiClient _api;

    internal BlobUpload(RegistryApiClient api, ImageReference repository, Uri location, long offset, long? minimumChunkSize)
    {
        _api = api;
        Repository = repository;
        Location = location;
        Offset = offset;
        MinimumChunkSize = minimumChunkSize;
    }

    /// <summary>The repository the blob goes to.</summary>
    public ImageReference Repository { get; }

    /// <summary>Where the session continues (absolute; its query is the registry's and may change with every answer).</summary>
    public Uri Location { get; private set; }

    /// <summary>How many bytes of the blob the registry has.</summary>
    public long Offset { get; private set; }

    /// <summary>The smallest chunk the registry wants (all but the last), if it said.</summary>
    public long? MinimumChunkSize { get; }

    /// <summary>Sends the next chunk: <paramref name="length"/> bytes of <paramref name="content"/>, read from where it stands (not buffered).</summary>
    /// <param name="content">The blob's bytes from <see cref="Offset"/> on.</param>
    /// <param name="length">How many to send.</param>
    /// <param name="cancellationToken">Cancels the chunk (the session stays open; <see cref="RefreshAsync"/> tells what arrived).</param>
    /// <exception cref="InvalidDataException">The registry says it has another amount than the chunk should have left it with.</exception>
    public async Task AppendAsync(Stream content, long length, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        var options = new BlobUploadChunkOptions { ContentRange = $"{Offset}-{Offset + length - 1}", ContentLength = length };
        using var response = await _api.Uploads.AppendAsync(Location, new LimitedReadStream(content, length), options, cancellationToken).ConfigureAwait(false);
        Advance(response, Offset + length);
    }

    /// <summary>
    /// Sends everything <paramref name="content"/> has left, chunk after chunk. A seekable stream is sent in slices
    /// (nothing buffered); any other is read a chunk at a time into a pooled buffer.
    /// </summary>
    /// <param name="content">The blob's bytes from <see cref="Offset"/> on.</param>
    /// <param name="chunkSize">The chunk size (at least <see cref="MinimumChunkSize"/>).</param>
    /// <param name="progress">Told <see cref="Offset"/> after each chunk.</param>
    /// <param name="cancellationToken">Cancels the upload between or during chunks (the session stays open).</param>
    public async Task AppendAllAsync(Stream content, int chunkSize, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(chunkSize);
        if (MinimumChunkSize is { } minimum && chunkSize < minimum)
        {
            chunkSize = (int)Math.Min(minimum, int.MaxValue);
        }

        if (content.CanSeek)
        {
            while (content.Length - content.Position is var left and > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await AppendAsync(content, Math.Min(left, chunkSize), cancellationToken).ConfigureAwait(false);
                progress?.Report(Offset);
            }

            return;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(chunkSize);
        try
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var filled = await content.ReadAtLeastAsync(buffer.AsMemory(0, chunkSize), chunkSize, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
                if (filled == 0)
                {
                    return;
                }

                using var chunk = new MemoryStream(buffer, 0, filled, writable: false);
                await AppendAsync(chunk, filled, cancellationToken).ConfigureAwait(false);
                progress?.Report(Offset);
                if (filled < chunkSize)
                {
                    return;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Asks the registry how much it has and where the session continues (to resume after an interruption).</summary>
    /// <param name="cancellationToken">Cancels the question.</param>
    /// <exception cref="Errors.RegistryNotFoundException">The session is gone (expired, cancelled, or finished).</exception>
    public async Task RefreshAsync(CancellationToken cancellationToken = default)
    {
        using var response = await _api.Uploads.GetStatusAsync(Location, cancellationToken).ConfigureAwait(false);
        Location = UploadState.Location(response) ?? Location;
        Offset = UploadState.Received(response, Offset) ?? Offset;
    }

    /// <summary>Closes the upload: the registry checks that what it has hashes to <paramref name="digest"/> and stores the blob.</summary>
    /// <param name="digest">The whole blob's digest.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The digest the registry stored the blob under.</returns>
    /// <exception cref="Errors.RegistryApiException">The registry refused (DIGEST_INVALID when the bytes do not match).</exception>
    /// <exception cref="DigestMismatchException">The registry answered with another digest than the one sent.</exception>
    public Task<Digest> CompleteAsync(Digest digest, CancellationToken cancellationToken = default)
        => CompleteAsync(digest, null, 0, cancellationToken);

    /// <summary>Cancels the session; what the registry received is dropped.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task CancelAsync(CancellationToken cancellationToken = default) => _api.Uploads.CancelAsync(Location, cancellationToken);

    /// <inheritdoc />
    public override string ToString() => $"upload to {Repository.Name}: {Offset} bytes at {Location.GetLeftPart(UriPartial.Path)}";

    /// <summary>Closes the upload with a last body (the whole blob, in a monolithic upload).</summary>
    internal async Task<Digest> CompleteAsync(Digest digest, Stream? body, long length, CancellationToken cancellationToken)
    {
        if (digest == default)
        {
            throw new ArgumentException("The digest is the default value; pass a parsed Digest.", nameof(digest));
        }

        var options = body is null
            ? new BlobUploadCompleteOptions { ContentLength = 0 }
            : new BlobUploadCompleteOptions { ContentLength = length, ContentRange = length > 0 && Offset > 0 ? $"{Offset}-{Offset + length - 1}" : null };
        using var response = await _api.Uploads.CompleteAsync(Location, digest.ToString(), body is null ? null : new LimitedReadStream(body, length), options, cancellationToken).ConfigureAwait(false);
        Offset += body is null ? 0 : length;
        if (response.StatusCode != HttpStatusCode.Created && response.StatusCode != HttpStatusCode.NoContent && response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidDataException($"The registry answered {(int)response.StatusCode} to the end of {this}; 201 Created was expected.");
        }

        var stored = VerifiedDownload.Announced(response) ?? digest;
        return stored == digest
            ? digest
            : throw new DigestMismatchException(digest, stored, null, Offset, $"blob uploaded to {Repository.Name} (the registry stored it as another digest)");
    }

    private void Advance(HttpResponseMessage response, long expected)
    {
        Location = UploadState.Location(response) ?? Location;
        var received = UploadState.Received(response, expected) ?? expected;
        Offset = received;
        if (received != expected)
        {
            throw new InvalidDataException($"After a chunk the registry has {received} bytes of the blob, not {expected}: the session is out of step (resume from its status).");
        }
    }
}
