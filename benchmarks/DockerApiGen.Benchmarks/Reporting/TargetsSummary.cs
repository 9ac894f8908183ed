using System.Globalization;
using System.Text;
using BenchmarkDotNet.Running;
using DockerApiGen.Benchmarks.Calls;
using DockerApiGen.Benchmarks.Clients;
using DockerApiGen.Benchmarks.Configuration;
using DockerApiGen.Benchmarks.Demux;
using DockerApiGen.Benchmarks.Deserialization;
using DockerApiGen.Benchmarks.Replay;

namespace DockerApiGen.Benchmarks.Reporting;

/// <summary>
/// The <c>--summary</c> mode: runs every benchmark (the real-daemon ones when <c>DOCKER_HOST</c> names a
/// running daemon), then prints one compact table of the figures and their ratios against <see cref="Targets"/>,
/// with the machine's load before and after.
/// </summary>
public static class TargetsSummary
{
    /// <summary>The command-line option that selects this mode.</summary>
    public const string Option = "--summary";

    private const string Ours = "DockerApiGen";
    private const string DockerDotNet = "DockerDotNet";
    private const string Raw = "Raw";

    /// <summary>Runs the benchmarks and prints the table.</summary>
    /// <param name="benchmarkArguments">Further BenchmarkDotNet arguments (e.g. <c>--join</c> is not needed; <c>--artifacts DIR</c>).</param>
    public static int Run(string[] benchmarkArguments)
    {
        List<Type> classes = [typeof(ReplayServerCalls), typeof(ClientLayerCalls), typeof(DeserializationBenchmarks), typeof(DemuxBenchmarks)];
        if (RealDaemon.TryFindSocket(out _, out var noDaemon))
        {
            classes.Insert(1, typeof(RealDaemonCalls));
        }
        else
        {
            Console.WriteLine($"Skipping the real-daemon benchmarks: {noDaemon}");
        }

        var loadBefore = MachineLoad.Averages();
        var summaries = BenchmarkSwitcher.FromTypes([.. classes]).RunAll(SharedConfig.Instance, benchmarkArguments);
        var loadAfter = MachineLoad.Averages();

        var results = MeasuredBenchmark.From(summaries);
        var report = Render(results, loadBefore, loadAfter);
        Console.WriteLine();
        Console.WriteLine(report);
        var artifacts = summaries.FirstOrDefault()?.ResultsDirectoryPath;
        if (artifacts is not null)
        {
            var path = Path.Combine(artifacts, "targets-summary.txt");
            File.WriteAllText(path, report);
            Console.WriteLine($"Written to {path}");
        }

        return summaries.Any(summary => summary.HasCriticalValidationErrors || summary.Reports.Any(r => !r.Success)) ? 1 : 0;
    }

    /// <summary>The table, from benchmark results.</summary>
    /// <param name="results">The results.</param>
    /// <param name="loadBefore">The load averages before the run.</param>
    /// <param name="loadAfter">The load averages after it.</param>
    public static string Render(IReadOnlyList<MeasuredBenchmark> results, string loadBefore, string loadAfter)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Machine: {Environment.ProcessorCount} cores; load averages (1, 5, 15 min) before {loadBefore}, after {loadAfter}.");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Calls, mean time / allocated per call (list: all=true, {ReplayRoutes.ListedContainers} containers on the replay server). Targets on the replay server: time <= {Targets.CallTimeVersusDockerDotNet}x Docker.DotNet and <= {Targets.CallTimeVersusRaw}x raw, allocated <= {Targets.CallAllocationsVersusDockerDotNet}x Docker.DotNet.");
        text.Append(Calls(results));
        text.AppendLine();
        text.AppendLine("Client layer alone (a diagnostic, no target): ours and raw over an in-memory handler, no socket or server; what our client adds to the baseline.");
        text.Append(ClientLayer(results));
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Deserialization from bytes, mean time / allocated ({DeserializationBenchmarks.ListedContainers:N0}-container list; recorded inspect). No target; ours over Docker.DotNet.");
        text.Append(Deserialization(results));
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Demultiplexing a {DemuxBenchmarks.StreamBytes / (1024 * 1024)} MiB log stream in memory. Target: >= {Targets.DemuxGigabytesPerSecond} GB/s (10^9 bytes/s).");
        text.Append(Demux(results));
        return text.ToString();
    }

    private static string Calls(IReadOnlyList<MeasuredBenchmark> results)
    {
        var table = new TextTable("server", "call", "DockerApiGen", "Docker.DotNet", "raw", "time ours/DDN", "time ours/raw", "alloc ours/DDN", "time DDN/raw");
        foreach (var (server, type) in new[] { ("replay", nameof(ReplayServerCalls)), ("daemon", nameof(RealDaemonCalls)) })
        {
            foreach (var operation in new[] { ContainerCallBenchmarks.ListCategory, ContainerCallBenchmarks.InspectCategory })
            {
                var ours = Find(results, type, operation, Ours);
                var theirs = Find(results, type, operation, DockerDotNet);
                var raw = Find(results, type, operation, Raw);
                if (ours is null && theirs is null && raw is null)
                {
                    continue;
                }

                // Targets are about the replay server; against the daemon its own time dominates every client.
                var judged = server == "replay";
                table.Add(
                    server,
                    operation,
                    Cell(ours),
                    Cell(theirs),
                    Cell(raw),
                    Judged(ours?.MeanNanoseconds, theirs?.MeanNanoseconds, judged ? Targets.CallTimeVersusDockerDotNet : null),
                    Judged(ours?.MeanNanoseconds, raw?.MeanNanoseconds, judged ? Targets.CallTimeVersusRaw : null),
                    Judged(ours?.AllocatedBytes, theirs?.AllocatedBytes, judged ? Targets.CallAllocationsVersusDockerDotNet : null),
                    Units.Ratio(theirs?.MeanNanoseconds, raw?.MeanNanoseconds));
            }
        }

        return table.ToString();
    }

    private static string ClientLayer(IReadOnlyList<MeasuredBenchmark> results)
    {
        var table = new TextTable("call", "DockerApiGen", "raw", "time ours/raw", "alloc ours/raw", "ours added");
        foreach (var operation in new[] { ContainerCallBenchmarks.ListCategory, ContainerCallBenchmarks.InspectCategory })
        {
            var ours = Find(results, nameof(ClientLayerCalls), operation, Ours);
            var raw = Find(results, nameof(ClientLayerCalls), operation, Raw);
            if (ours is not null && raw is not null)
            {
                var added = $"{Units.Time(ours.MeanNanoseconds - raw.MeanNanoseconds)} / {Units.Size(ours.AllocatedBytes - raw.AllocatedBytes)}";
                table.Add(operation, Cell(ours), Cell(raw), Units.Ratio(ours.MeanNanoseconds, raw.MeanNanoseconds), Units.Ratio(ours.AllocatedBytes, raw.AllocatedBytes), added);
            }
        }

        return table.ToString();
    }

    private static string Deserialization(IReadOnlyList<MeasuredBenchmark> results)
    {
        var table = new TextTable("payload", "DockerApiGen", "Docker.DotNet", "time ours/DDN", "alloc ours/DDN");
        foreach (var (payload, operation) in new[] { (DeserializationBenchmarks.ListCategory, "List"), (DeserializationBenchmarks.InspectCategory, "Inspect") })
        {
            var ours = Find(results, nameof(DeserializationBenchmarks), operation, Ours);
            var theirs = Find(results, nameof(DeserializationBenchmarks), operation, DockerDotNet);
            if (ours is not null || theirs is not null)
            {
                table.Add(payload, Cell(ours), Cell(theirs), Units.Ratio(ours?.MeanNanoseconds, theirs?.MeanNanoseconds), Units.Ratio(ours?.AllocatedBytes, theirs?.AllocatedBytes));
            }
        }

        return table.ToString();
    }

    private static string Demux(IReadOnlyList<MeasuredBenchmark> results)
    {
        var table = new TextTable("library", "reader", "mean", "GB/s", "allocated", "target");
        foreach (var result in results.Where(result => result.Class == nameof(DemuxBenchmarks)))
        {
            var throughput = ThroughputColumn.GigabytesPerSecond(DemuxBenchmarks.StreamBytes, result.MeanNanoseconds);
            table.Add(
                result.Library,
                result.Operation,
                Units.Time(result.MeanNanoseconds),
                throughput.ToString("0.00", CultureInfo.InvariantCulture),
                Units.Size(result.AllocatedBytes),
                result.Library == Ours ? Targets.AtLeast(throughput, Targets.DemuxGigabytesPerSecond) : "");
        }

        return table.ToString();
    }

    private static MeasuredBenchmark? Find(IReadOnlyList<MeasuredBenchmark> results, string type, string operation, string library) =>
        results.FirstOrDefault(result => result.Class == type && result.Operation == operation && result.Library == library);

    private static string Cell(MeasuredBenchmark? result) =>
        result is null ? "—" : $"{Units.Time(result.MeanNanoseconds)} / {Units.Size(result.AllocatedBytes)}";

    private static string Judged(double? ours, double? other, double? limit)
    {
        var ratio = Units.Ratio(ours, other);
        if (limit is null || ours is null || other is null || other <= 0)
        {
            return ratio;
        }

        return $"{ratio} {Targets.AtMost(ours / other, limit.Value)}";
    }
}
