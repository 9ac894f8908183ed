using System.Diagnostics;
using System.Globalization;

namespace DockerApiGen.Registry.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project benchmarks/DockerApiGen.Registry.Benchmarks</c> (after <c>source .test-daemon/env</c>):
/// the registry client's figures against the test registry on :5000, printed as a table. <c>--size-mib N</c> changes the
/// throughput blob (default 256), <c>--rounds N</c> the rounds (default 5); <c>--memory</c> alone runs the 1 GiB memory
/// measurement (the full run starts it as a process of its own).
/// </summary>
public static class Program
{
    /// <summary>Runs the measurements and prints the figures.</summary>
    /// <param name="args">The options above.</param>
    /// <returns>0, or 2 without the test registry.</returns>
    public static async Task<int> Main(string[] args)
    {
        var registry = BenchRegistry.FromEnvironment();
        if (registry is null)
        {
            Console.Error.WriteLine("The test registry's variables are not set: run build/start-test-daemon.sh and source .test-daemon/env.");
            return 2;
        }

        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        if (args.Contains("--memory"))
        {
            var (baseline, peakBefore, peakAfter, elapsed) = await MemoryBenchmark.RunAsync(registry, 1024L * 1024 * 1024).ConfigureAwait(false);
            Console.WriteLine($"memory {baseline} {peakBefore} {peakAfter} {elapsed.TotalSeconds:0.0}");
            return 0;
        }

        var size = (long)Option(args, "--size-mib", 256) * 1024 * 1024;
        var rounds = Option(args, "--rounds", 5);
        Console.WriteLine($"DockerApiGen.Registry figures against {registry.Address} (.NET {Environment.Version}, {Environment.ProcessorCount} cores, load {Load()})");

        var t = await ThroughputBenchmark.RunAsync(registry, size, rounds).ConfigureAwait(false);
        Console.WriteLine($"| {size / Measure.MiB:0} MiB blob, median of {rounds} rounds | DockerApiGen | curl | ratio per round, median (target >= 0.9) | CPU s per GiB, ours / curl |");
        Console.WriteLine("| --- | --- | --- | --- | --- |");
        Console.WriteLine($"| upload (monolithic PUT) | {t.UpOurs:0} MiB/s | {t.UpCurl:0} MiB/s | {t.UpRatio:0.00}x | {t.CpuPerGiB["up ours"]:0.00} / {t.CpuPerGiB["up curl"]:0.00} |");
        Console.WriteLine($"| download (the client verifies the digest as it streams) | {t.DownOurs:0} MiB/s | {t.DownCurl:0} MiB/s | {t.DownRatio:0.00}x | {t.CpuPerGiB["down ours"]:0.00} / {t.CpuPerGiB["down curl"]:0.00} |");
        Console.WriteLine($"| download, curl piped into openssl dgst -sha256 (the same work) | | {t.DownCurlHashed:0} MiB/s | {t.DownOurs / t.DownCurlHashed:0.00}x | |");

        var memory = await MemoryInChildAsync(args).ConfigureAwait(false);
        Console.WriteLine();
        Console.WriteLine($"1 GiB up in 16 MiB chunks, down verified, up again in one request from a file ({memory.Elapsed:0.0} s): resident before {memory.Baseline / Measure.MiB:0} MiB, "
            + $"peak after {memory.PeakAfter / Measure.MiB:0} MiB, growth {(memory.PeakAfter - memory.Baseline) / Measure.MiB:0.0} MiB (target < 64 MiB; the peak before was {memory.PeakBefore / Measure.MiB:0} MiB).");

        var tags = await TagListingBenchmark.RunAsync(registry, rounds).ConfigureAwait(false);
        Console.WriteLine();
        Console.WriteLine($"Listing {TagListingBenchmark.Count:N0} tags, median of {rounds}: the registry (one page: it ignores n) {tags.RegistryMs:0} ms; "
            + $"the paging server, n=100 with Link ({tags.PagedPages} pages) {tags.PagedMs:0} ms, {tags.PagedMs / tags.PagedPages:0.00} ms a page, {tags.PagedAllocated / Measure.MiB:0.0} MiB allocated (server included). Tagging took {tags.Setup.TotalSeconds:0.0} s.");
        Console.WriteLine($"Load after: {Load()}");
        return 0;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], out var value) && value > 0 ? value : fallback;
    }

    private static string Load() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static async Task<(long Baseline, long PeakBefore, long PeakAfter, double Elapsed)> MemoryInChildAsync(string[] args)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };
        var assembly = typeof(Program).Assembly.Location;
        if (!Path.GetFileNameWithoutExtension(Environment.ProcessPath!).Equals(Path.GetFileNameWithoutExtension(assembly), StringComparison.Ordinal))
        {
            start.ArgumentList.Add(assembly); // run through dotnet
        }

        start.ArgumentList.Add("--memory");
        using var child = Process.Start(start)!;
        var output = await child.StandardOutput.ReadToEndAsync().ConfigureAwait(false);
        await child.WaitForExitAsync().ConfigureAwait(false);
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("memory ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"The memory measurement failed ({child.ExitCode}): {output}");
        var parts = line.Split(' ');
        return (long.Parse(parts[1], CultureInfo.InvariantCulture), long.Parse(parts[2], CultureInfo.InvariantCulture), long.Parse(parts[3], CultureInfo.InvariantCulture), double.Parse(parts[4], CultureInfo.InvariantCulture));
    }
}
