using System.Security.Cryptography;
using DockerApiGen.Registry.Auth;
using DockerApiGen.Registry.Blobs;
using DockerApiGen.Registry.Content;
using DockerApiGen.Registry.References;
using DockerApiGen.Registry.Tests.Support;

namespace DockerApiGen.Registry.Tests.Client;

/// <summary>
/// Transfers through a proxy in front of the htpasswd registry that flips a byte (nothing tampered is handed out:
/// a digest error), cuts a download off (it resumes with a range) or drops an upload chunk half-way (the upload
/// resumes from the registry's status).
/// </summary>
public sealed class TamperedTransferTests
{
    private static CancellationToken Cancel => TestClients.Cancel;

    private static async Task<(TamperingProxy Proxy, RegistryClient Client, ImageReference Repository)> StartAsync()
    {
        var registry = TestRegistries.BasicOrSkip();
        var proxy = await TamperingProxy.StartAsync(registry.Uri);
        var client = new RegistryClient(new RegistryClientOptions { Credentials = StaticCredentialProvider.ForRegistry(proxy.Address, registry.User, registry.Password) });
        return (proxy, client, TestClients.Repository(proxy.Address));
    }

    [Fact]
    public async Task A_flipped_byte_in_a_blob_is_a_digest_error_and_nothing_complete_is_returned()
    {
        var (proxy, client, repository) = await StartAsync();
        await using var _ = proxy;
        using var __ = client;
        var bytes = RandomNumberGenerator.GetBytes(200_000);
        var digest = (await client.PushBlobAsync(repository, new MemoryStream(bytes), cancellationToken: Cancel)).Digest;
        proxy.FlipBlobBytes = true;

        var received = new MemoryStream();
        await using (var blob = await client.OpenBlobAsync(repository, digest, bytes.Length, Cancel))
        {
            var error = await Assert.ThrowsAsync<DigestMismatchException>(() => blob.CopyToAsync(received, Cancel));
            Assert.Equal((digest, 200_000L), (error.Expected, error.ActualSize));
            Assert.Contains($"blob {digest} of {repository.Name}", error.Message, StringComparison.Ordinal);
        }

        // The withheld end never came out: what was read is short of the blob, and the rest is not handed out later.
        Assert.True(received.Length <= bytes.Length - VerifyingReadStream.WithheldBytes, $"{received.Length} bytes were handed out");

        using var folder = new TempDirectory();
        var path = Path.Combine(folder.Path, "blob");
        await Assert.ThrowsAsync<DigestMismatchException>(() => client.DownloadBlobAsync(repository, digest, path, bytes.Length, Cancel));
        Assert.Empty(Directory.GetFiles(folder.Path)); // neither the blob nor a .partial file
    }

    [Fact]
    public async Task A_flipped_byte_in_a_manifest_is_a_digest_error_by_tag_and_by_digest()
    {
        var (proxy, client, repository) = await StartAsync();
        await using var _ = proxy;
        using var __ = client;
        var pushed = await TestImages.PushImageAsync(client, repository);
        proxy.FlipManifestBytes = true;

        var byTag = await Assert.ThrowsAsync<DigestMismatchException>(() => client.GetManifestAsync(repository, cancellationToken: Cancel));
        Assert.Equal(pushed.Digest, byTag.Expected); // the registry's Docker-Content-Digest
        var byDigest = await Assert.ThrowsAsync<DigestMismatchException>(() => client.GetManifestAsync(repository.WithDigest(pushed.Digest), cancellationToken: Cancel));
        Assert.Equal(pushed.Digest, byDigest.Expected);
        await Assert.ThrowsAsync<DigestMismatchException>(() => client.InspectImageAsync(repository, cancellationToken: Cancel));
    }

    [Fact]
    public async Task A_download_cut_off_resumes_from_where_it_stopped()
    {
        var (proxy, client, repository) = await StartAsync();
        await using var _ = proxy;
        using var __ = client;
        var bytes = RandomNumberGenerator.GetBytes(1_000_000);
        var digest = (await client.PushBlobAsync(repository, new MemoryStream(bytes), cancellationToken: Cancel)).Digest;
        proxy.CutDownloads = 2;
        proxy.CutAfterBytes = 300_000;

        var received = new MemoryStream();
        await using (var blob = await client.OpenBlobAsync(repository, digest, bytes.Length, Cancel))
        {
            await blob.CopyToAsync(received, Cancel);
            Assert.True(blob.IsVerified);
        }

        Assert.Equal(bytes, received.ToArray());
        var gets = proxy.Seen.Where(s => s.Method == "GET" && s.Path.EndsWith(digest.ToString(), StringComparison.Ordinal)).ToList();
        Assert.Equal([200, 206, 206], gets.Select(g => g.Status)); // cut twice, resumed twice by range
    }

    [Fact]
    public async Task An_upload_chunk_dropped_half_way_is_resumed_from_the_registry_s_status()
    {
        var (proxy, client, repository) = await StartAsync();
        await using var _ = proxy;
        using var __ = client;
        var bytes = RandomNumberGenerator.GetBytes(6 * 64 * 1024);
        proxy.DropUploads = 1;

        var pushed = await client.PushBlobAsync(repository, new MemoryStream(bytes), new BlobPushOptions { ChunkSize = 64 * 1024 }, Cancel);
        Assert.Equal((Digest.Compute(bytes), BlobTransfer.Uploaded), (pushed.Digest, pushed.Transfer));
        var seen = proxy.Seen.ToList();
        var dropped = seen.FindIndex(s => s is { Method: "PATCH", Status: 0 });
        Assert.True(dropped >= 0, "a chunk was dropped");
        Assert.Equal(("GET", 204), (seen[dropped + 1].Method, seen[dropped + 1].Status)); // the upload's status, then on
        Assert.Equal(6, seen.Count(s => s is { Method: "PATCH", Status: 202 }));

        proxy.FlipBlobBytes = false;
        await using var blob = await client.OpenBlobAsync(repository, pushed.Digest, bytes.Length, Cancel);
        var copy = new MemoryStream();
        await blob.CopyToAsync(copy, Cancel);
        Assert.Equal(bytes, copy.ToArray());
    }

    [Fact]
    public async Task An_upload_chunk_broken_after_the_registry_got_part_of_it_is_sent_again_in_a_new_session()
    {
        var (proxy, client, repository) = await StartAsync();
        await using var _ = proxy;
        using var __ = client;
        var bytes = RandomNumberGenerator.GetBytes(4 * 64 * 1024);
        proxy.BreakUploads = 1;

        // Docker's registry drops a session whose chunk broke off (its status is then 404): the client asks, learns
        // that, and starts the upload again, from the start of the stream, in a new session.
        var pushed = await client.PushBlobAsync(repository, new MemoryStream(bytes), new BlobPushOptions { ChunkSize = 64 * 1024 }, Cancel);
        Assert.Equal(Digest.Compute(bytes), pushed.Digest);
        var seen = proxy.Seen.ToList();
        var broken = seen.FindIndex(s => s is { Method: "PATCH", Status: -1 });
        Assert.True(broken >= 0, "a chunk was broken");
        // The session is gone: a new one, into which the whole blob goes. (The registry may drop it only after its
        // status was asked, when a chunk sent again is refused: a new session then too.)
        var after = seen.Skip(broken + 1).ToList();
        Assert.Equal("GET", after[0].Method);
        var renewed = after.FindLastIndex(s => s is { Method: "POST", Status: 202 });
        Assert.True(renewed >= 0, string.Join(" ", after.Select(s => $"{s.Method}:{s.Status}")));
        Assert.Equal(4, after.Skip(renewed).Count(s => s is { Method: "PATCH", Status: 202 }));
        await using var blob = await client.OpenBlobAsync(repository, pushed.Digest, bytes.Length, Cancel);
        var copy = new MemoryStream();
        await blob.CopyToAsync(copy, Cancel);
        Assert.Equal(bytes, copy.ToArray());
    }
}
