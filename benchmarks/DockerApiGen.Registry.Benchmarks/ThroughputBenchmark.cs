using DockerApiGen.Registry.Blobs;
using DockerApiGen.Registry.References;

namespace DockerApiGen.Registry.Benchmarks;

/// <summary>
/// Upload and download of one blob, the client against curl doing the same monolithic PUT (after the POST that opens
/// the session, which is not timed for curl) and GET. The client's upload is timed whole (HEAD, POST, PUT); its download
/// is verified against the digest as it streams; curl checks nothing. Rounds alternate, the median counts.
/// </summary>
internal static class ThroughputBenchmark
{
    public static async Task<ThroughputFigures> RunAsync(BenchRegistry registry, long size, int rounds)
    {
        var (path, digest) = await BlobContent.FileAsync(size).ConfigureAwait(false);
        try
        {
            using var client = registry.Client();
            await client.CheckAsync(registry.Address).ConfigureAwait(false);
            var upOurs = new List<double>();
            var upCurl = new List<double>();
            var downOurs = new List<double>();
            var downCurl = new List<double>();
            var downCurlHashed = new List<double>();
            var cpu = new Dictionary<string, List<double>> { ["up ours"] = [], ["up curl"] = [], ["down ours"] = [], ["down curl"] = [] };
            double PerGiB(TimeSpan used) => used.TotalSeconds * 1024 * Measure.MiB / size;
            var buffer = new byte[256 * 1024];
            for (var round = 0; round < rounds; round++)
            {
                var ours = registry.Repository("up");
                var (time, used) = await Measure.TimeWithCpuAsync(async () =>
                {
                    await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
                    var pushed = await client.PushBlobAsync(ours, file, new BlobPushOptions { Digest = digest, Size = size }).ConfigureAwait(false);
                    if (pushed.Transfer != BlobTransfer.Uploaded)
                    {
                        throw new InvalidOperationException("The blob was not uploaded.");
                    }
                }).ConfigureAwait(false);
                upOurs.Add(size / Measure.MiB / time.TotalSeconds);
                cpu["up ours"].Add(PerGiB(used));

                var theirs = registry.Repository("up-curl");
                var location = await OpenSessionWithCurlAsync(registry, theirs).ConfigureAwait(false);
                var curlCpu = TimeSpan.Zero;
                time = await Measure.TimeAsync(async () => curlCpu = await Measure.CurlAsync("-sf", "-u", $"{registry.User}:{registry.Password}", "-X", "PUT", "-H", "Expect:",
                    "-H", "Content-Type: application/octet-stream", "-T", path, $"{location}&digest={digest}", "-o", "/dev/null").ConfigureAwait(false)).ConfigureAwait(false);
                upCurl.Add(size / Measure.MiB / time.TotalSeconds);
                cpu["up curl"].Add(PerGiB(curlCpu));

                (time, used) = await Measure.TimeWithCpuAsync(async () =>
                {
                    await using var blob = await client.OpenBlobAsync(ours, digest, size).ConfigureAwait(false);
                    while (await blob.ReadAsync(buffer).ConfigureAwait(false) > 0)
                    {
                    }
                }).ConfigureAwait(false);
                downOurs.Add(size / Measure.MiB / time.TotalSeconds);
                cpu["down ours"].Add(PerGiB(used));

                var url = $"http://{registry.Address}/v2/{theirs.Repository}/blobs/{digest}";
                time = await Measure.TimeAsync(async () => curlCpu = await Measure.CurlAsync("-sf", "-u", $"{registry.User}:{registry.Password}", "-o", "/dev/null", url).ConfigureAwait(false)).ConfigureAwait(false);
                downCurl.Add(size / Measure.MiB / time.TotalSeconds);
                cpu["down curl"].Add(PerGiB(curlCpu));

                // The same work as the client: the download hashed as it arrives.
                time = await Measure.TimeAsync(() => Measure.ShellAsync($"curl -sf -u '{registry.User}:{registry.Password}' '{url}' | openssl dgst -sha256 >/dev/null")).ConfigureAwait(false);
                downCurlHashed.Add(size / Measure.MiB / time.TotalSeconds);

                await client.DeleteBlobAsync(ours, digest).ConfigureAwait(false);
                await client.DeleteBlobAsync(theirs, digest).ConfigureAwait(false);
            }

            // Ratios per round (each pair ran back to back), so that the machine's load, which changes between rounds, cancels out.
            return new ThroughputFigures(Measure.Median(upOurs), Measure.Median(upCurl), Measure.Median(downOurs), Measure.Median(downCurl), Measure.Median(downCurlHashed),
                Measure.Median(upOurs.Zip(upCurl, (a, b) => a / b)), Measure.Median(downOurs.Zip(downCurl, (a, b) => a / b)),
                cpu.ToDictionary(c => c.Key, c => Measure.Median(c.Value)));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task<string> OpenSessionWithCurlAsync(BenchRegistry registry, ImageReference repository)
    {
        var headers = await Measure.CurlOutputAsync("-sf", "-u", $"{registry.User}:{registry.Password}", "-X", "POST", "-D", "-", "-o", "/dev/null", $"http://{registry.Address}/v2/{repository.Repository}/blobs/uploads/").ConfigureAwait(false);
        var line = headers.Split('\n').First(l => l.StartsWith("Location:", StringComparison.OrdinalIgnoreCase));
        return line["Location:".Length..].Trim();
    }
}

/// <summary>Throughput in MiB/s (medians over the rounds), the ratios per round, and CPU seconds per GiB moved.</summary>
internal sealed record ThroughputFigures(double UpOurs, double UpCurl, double DownOurs, double DownCurl, double DownCurlHashed, double UpRatio, double DownRatio, IReadOnlyDictionary<string, double> CpuPerGiB);
