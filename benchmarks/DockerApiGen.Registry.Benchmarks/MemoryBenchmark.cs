using DockerApiGen.Registry.Blobs;

namespace DockerApiGen.Registry.Benchmarks;

/// <summary>
/// How much the process's peak resident memory grows while a 1 GiB blob goes up (from a stream that cannot seek, in
/// 16 MiB chunks hashed as they go; and from a file in one request) and comes down verified. Runs in a process of its
/// own, so that the peak is this measurement's.
/// </summary>
internal static class MemoryBenchmark
{
    public static async Task<(long Baseline, long PeakBefore, long PeakAfter, TimeSpan Elapsed)> RunAsync(BenchRegistry registry, long size)
    {
        using var client = registry.Client();
        var warmUp = registry.Repository("warm");
        var small = await client.PushBlobAsync(warmUp, BlobContent.Generated(4 * 1024 * 1024)).ConfigureAwait(false);
        await using (var blob = await client.OpenBlobAsync(warmUp, small.Digest, small.Size).ConfigureAwait(false))
        {
            await blob.CopyToAsync(Stream.Null).ConfigureAwait(false);
        }

        await client.DeleteBlobAsync(warmUp, small.Digest).ConfigureAwait(false);
        var (path, digest) = await BlobContent.FileAsync(size).ConfigureAwait(false);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var (baseline, peakBefore) = Measure.Memory();
        var repository = registry.Repository("memory");
        var elapsed = await Measure.TimeAsync(async () =>
        {
            var chunked = await client.PushBlobAsync(repository, BlobContent.Generated(size)).ConfigureAwait(false);
            await using (var blob = await client.OpenBlobAsync(repository, chunked.Digest, size).ConfigureAwait(false))
            {
                await blob.CopyToAsync(Stream.Null).ConfigureAwait(false);
            }

            await client.DeleteBlobAsync(repository, chunked.Digest).ConfigureAwait(false);
            await using (var file = File.OpenRead(path))
            {
                await client.PushBlobAsync(repository, file, new BlobPushOptions { Digest = digest, Size = size }).ConfigureAwait(false);
            }

            await client.DeleteBlobAsync(repository, digest).ConfigureAwait(false);
        }).ConfigureAwait(false);
        File.Delete(path);
        var (_, peakAfter) = Measure.Memory();
        return (baseline, peakBefore, peakAfter, elapsed);
    }
}
