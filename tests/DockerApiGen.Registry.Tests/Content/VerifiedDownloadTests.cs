using System.Net;
using System.Text;
using DockerApiGen.Registry.Content;

namespace DockerApiGen.Registry.Tests.Content;

public sealed class VerifiedDownloadTests
{
    private static readonly byte[] Manifest = Encoding.UTF8.GetBytes("""{"schemaVersion":2}""");
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static HttpResponseMessage Answer(byte[] body, string? header = null, string path = "/v2/team/app/manifests/v1")
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new ByteArrayContent(body),
            RequestMessage = new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1:5000" + path),
        };
        response.Content.Headers.ContentType = new("application/vnd.oci.image.manifest.v1+json");
        if (header is not null)
        {
            response.Headers.TryAddWithoutValidation("Docker-Content-Digest", header);
        }

        return response;
    }

    [Fact]
    public async Task A_manifest_by_tag_is_checked_against_the_announced_digest()
    {
        var digest = Digest.Compute(Manifest);
        using var response = Answer(Manifest, digest.ToString());
        var content = await VerifiedDownload.ReadAllAsync(response, null, cancellationToken: Cancel);
        Assert.Equal((digest, "application/vnd.oci.image.manifest.v1+json", true), (content.Digest, content.MediaType, content.Verified));
        Assert.Equal(Manifest, content.Bytes.ToArray());
    }

    [Fact]
    public async Task A_manifest_by_tag_without_a_header_is_returned_with_its_computed_digest_unverified()
    {
        using var response = Answer(Manifest);
        var content = await VerifiedDownload.ReadAllAsync(response, null, cancellationToken: Cancel);
        Assert.False(content.Verified);
        Assert.Equal(Digest.Compute(Manifest), content.Digest);
    }

    [Fact]
    public async Task Tampered_content_returns_nothing()
    {
        var digest = Digest.Compute(Manifest);
        using var response = Answer([.. Manifest, (byte)' '], digest.ToString());
        var error = await Assert.ThrowsAsync<DigestMismatchException>(() => VerifiedDownload.ReadAllAsync(response, digest, cancellationToken: Cancel));
        Assert.Contains("manifest 'v1' of 127.0.0.1:5000/team/app", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_header_that_contradicts_the_requested_digest_fails()
    {
        var asked = Digest.Compute(Manifest);
        using var response = Answer(Manifest, Digest.Compute([1]).ToString());
        var error = await Assert.ThrowsAsync<DigestMismatchException>(() => VerifiedDownload.ReadAllAsync(response, asked, cancellationToken: Cancel));
        Assert.Contains("by its Docker-Content-Digest header", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<DigestMismatchException>(() => VerifiedDownload.OpenBlobAsync(Answer([1], Digest.Compute([2]).ToString(), "/v2/a/blobs/x"), Digest.Compute([1]), cancellationToken: Cancel));
    }

    [Fact]
    public async Task Oversized_and_malformed_answers_are_refused()
    {
        using var large = Answer(new byte[100]);
        await Assert.ThrowsAsync<InvalidDataException>(() => VerifiedDownload.ReadAllAsync(large, null, maxBytes: 99, cancellationToken: Cancel));
        using var malformed = Answer(Manifest, "sha256:nothex");
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => VerifiedDownload.ReadAllAsync(malformed, null, cancellationToken: Cancel));
        Assert.Contains("malformed Docker-Content-Digest", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_blob_streams_verified_with_the_content_length_as_its_size()
    {
        var blob = Encoding.UTF8.GetBytes("layer bytes");
        using var response = Answer(blob, path: "/v2/team/app/blobs/sha256:x");
        await using var stream = await VerifiedDownload.OpenBlobAsync(response, Digest.Compute(blob), cancellationToken: Cancel);
        var copy = new MemoryStream();
        await stream.CopyToAsync(copy, Cancel);
        Assert.True(stream.IsVerified);
        Assert.Equal(blob, copy.ToArray());
    }
}
