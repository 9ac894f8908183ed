using DockerApiGen.Registry.Http;

namespace DockerApiGen.Registry.Content;

/// <summary>
/// Reads registry answers so that nothing unverified is handed out: manifests whole (bounded) and checked before
/// they are returned; blobs as a <see cref="VerifyingReadStream"/>. The digest asked for wins; a
/// <c>Docker-Content-Digest</c> header must agree with it (when both use one algorithm), and is what content
/// fetched by tag is checked against.
/// </summary>
public static class VerifiedDownload
{
    /// <summary>The most a manifest may hold by default: 4 MiB, what registries must accept.</summary>
    public const int DefaultMaxManifestBytes = 4 * 1024 * 1024;

    /// <summary>Reads a whole answer (a manifest) and verifies it.</summary>
    /// <param name="response">A successful answer.</param>
    /// <param name="requested">The digest the content was asked for (a manifest fetched by digest), or null (by tag).</param>
    /// <param name="maxBytes">The most to read; more fails.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <exception cref="DigestMismatchException">The content does not match, or the header disagrees with the request.</exception>
    /// <exception cref="InvalidDataException">The content is larger than <paramref name="maxBytes"/>.</exception>
    public static async Task<VerifiedContent> ReadAllAsync(HttpResponseMessage response, Digest? requested, int maxBytes = DefaultMaxManifestBytes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        var what = Describe(response);
        var expected = Expected(response, requested, what);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw new InvalidDataException($"The {what} is larger than {maxBytes} bytes; a manifest this large is refused (pass a larger limit if it is expected).");
            }

            buffer.Write(chunk, 0, read);
        }

        var bytes = buffer.ToArray();
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (expected is not { } digest)
        {
            return new VerifiedContent(bytes, Digest.Compute(bytes), mediaType, Verified: false);
        }

        var actual = Digest.Compute(bytes, digest.Algorithm);
        return actual == digest
            ? new VerifiedContent(bytes, digest, mediaType, Verified: true)
            : throw new DigestMismatchException(digest, actual, null, bytes.Length, what);
    }

    /// <summary>Opens a blob's body as a stream that verifies it as it is read (see <see cref="VerifyingReadStream"/>).</summary>
    /// <param name="response">A successful answer (200, the whole blob).</param>
    /// <param name="requested">The blob's digest.</param>
    /// <param name="size">The size its descriptor gives, when known.</param>
    /// <param name="cancellationToken">Cancels opening.</param>
    /// <exception cref="DigestMismatchException">The registry announces another digest.</exception>
    public static async Task<VerifyingReadStream> OpenBlobAsync(HttpResponseMessage response, Digest requested, long? size = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        var what = Describe(response);
        Expected(response, requested, what);
        var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        return new VerifyingReadStream(body, requested, size ?? response.Content.Headers.ContentLength, what);
    }

    /// <summary>The digest an answer announces in <c>Docker-Content-Digest</c>, or null when it has none.</summary>
    /// <param name="response">The answer.</param>
    /// <exception cref="InvalidDataException">The header is there but is not a digest this client can check.</exception>
    internal static Digest? Announced(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Docker-Content-Digest", out var values) || values.FirstOrDefault() is not { } header)
        {
            return null;
        }

        return Digest.TryParse(header.Trim(), out var parsed, out var error)
            ? parsed
            : throw new InvalidDataException($"The {Describe(response)} came with a malformed Docker-Content-Digest: {error}");
    }

    private static Digest? Expected(HttpResponseMessage response, Digest? requested, string what)
    {
        var announced = Announced(response);

        if (requested is { } asked && announced is { } said && asked.Algorithm == said.Algorithm && asked != said)
        {
            // The registry itself says the content is something else than what was asked for.
            throw new DigestMismatchException(asked, said, null, 0, what + " (by its Docker-Content-Digest header)");
        }

        return requested ?? announced;
    }

    private static string Describe(HttpResponseMessage response)
        => response.RequestMessage?.RequestUri is { IsAbsoluteUri: true } uri ? RegistryRequestTarget.From(uri).Describe() : "download";
}
