using System.Diagnostics;
using DockerApiGen.Registry.Blobs;
using DockerApiGen.Registry.Tests.Support;

namespace DockerApiGen.Registry.Tests.Client;

/// <summary>A 1 GiB blob streamed up (from a stream that cannot seek, hashed as it goes) and down (verified as it streams), on :5000.</summary>
public sealed class LargeBlobTests
{
    private const long Size = 1024L * 1024 * 1024;

    [Fact]
    public async Task A_gibibyte_goes_up_in_chunks_and_comes_down_verified_without_being_held_in_memory()
    {
        var registry = TestRegistries.BasicOrSkip();
        using var client = TestClients.Basic(registry);
        var repository = TestClients.Repository(registry.Address);
        var clock = Stopwatch.StartNew();
        var pushed = await client.PushBlobAsync(repository, new GeneratedContent(Size), cancellationToken: TestClients.Cancel);
        var up = clock.Elapsed;
        Assert.Equal((Size, BlobTransfer.Uploaded), (pushed.Size, pushed.Transfer));
        try
        {
            clock.Restart();
            long received = 0;
            await using (var blob = await client.OpenBlobAsync(repository, pushed.Digest, Size, TestClients.Cancel))
            {
                var buffer = new byte[256 * 1024];
                int read;
                while ((read = await blob.ReadAsync(buffer, TestClients.Cancel)) > 0)
                {
                    received += read;
                }

                Assert.True(blob.IsVerified);
            }

            Assert.Equal(Size, received);
            TestContext.Current.TestOutputHelper?.WriteLine($"1 GiB up in {up.TotalSeconds:0.0} s, down and verified in {clock.Elapsed.TotalSeconds:0.0} s.");
        }
        finally
        {
            await client.DeleteBlobAsync(repository, pushed.Digest, CancellationToken.None);
        }
    }
}
