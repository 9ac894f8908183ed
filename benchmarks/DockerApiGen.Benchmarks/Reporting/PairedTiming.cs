using System.Diagnostics;
using System.Globalization;
using DockerApiGen.Benchmarks.Calls;
using DockerApiGen.Benchmarks.Clients;
using DockerApiGen.Benchmarks.Replay;
using DockerApiGen.Engine.V1_41;
using DockerApiGen.Runtime;

namespace DockerApiGen.Benchmarks.Reporting;

/// <summary>
/// The <c>--paired</c> mode: time ratios against the replay server that hold on a busy machine. BenchmarkDotNet
/// measures one benchmark after another, so when other work starts or stops between two of them their ratio
/// swings (we saw the same call at 0.95× and 1.87× the baseline on two runs). Here the three clients take turns,
/// a short batch each, round after round, and the ratio is taken per round (both sides under the same load) and
/// then the median over rounds. Time only: allocations are BenchmarkDotNet's, which load does not disturb.
/// The replay server runs in this process, for every client alike.
/// </summary>
public static class PairedTiming
{
    /// <summary>The command-line option that selects this mode.</summary>
    public const string Option = "--paired";

    private const int WarmupRounds = 3;
    private const int Rounds = 30;
    private const int CallsPerBatch = 200;

    // Any id or name: the replay server answers every inspect with the recorded one.
    private const string ContainerId = "capture-running";

    /// <summary>Runs the rounds and prints the medians and ratios.</summary>
    /// <param name="replay">The replay server to call.</param>
    public static async Task<int> RunAsync(ReplayServer replay)
    {
        using var ours = new DockerClient(new DockerClientOptions { Endpoint = replay.Endpoint });
        using var raw = new RawEngineHttp(replay.SocketPath);
        using var dockerDotNet = DockerDotNetClients.Create(replay.SocketPath);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Paired timing against the replay server: {Rounds} rounds of {CallsPerBatch} calls per client in turn; load averages before {MachineLoad.Averages()}."));
        var table = new TextTable("call", "DockerApiGen", "Docker.DotNet", "raw", "time ours/DDN", "time ours/raw");
        foreach (var operation in new[] { ContainerCallBenchmarks.ListCategory, ContainerCallBenchmarks.InspectCategory })
        {
            var list = operation == ContainerCallBenchmarks.ListCategory;
            Func<Task>[] calls =
            [
                list ? () => ours.Containers.ListAsync(new ContainerListOptions { All = true }) : () => ours.Containers.InspectAsync(ContainerId, null),
                list ? () => dockerDotNet.Containers.ListContainersAsync(new Docker.DotNet.Models.ContainersListParameters { All = true })
                     : () => dockerDotNet.Containers.InspectContainerAsync(ContainerId),
                list ? () => raw.ListContainersAsync() : () => raw.InspectContainerAsync(ContainerId),
            ];
            var perCall = await MeasureAsync(calls).ConfigureAwait(false);
            var (oursTimes, theirTimes, rawTimes) = (perCall[0], perCall[1], perCall[2]);
            var versusTheirs = Median(oursTimes.Zip(theirTimes, (a, b) => a / b));
            var versusRaw = Median(oursTimes.Zip(rawTimes, (a, b) => a / b));
            table.Add(
                operation,
                Units.Time(Median(oursTimes)),
                Units.Time(Median(theirTimes)),
                Units.Time(Median(rawTimes)),
                string.Create(CultureInfo.InvariantCulture, $"{versusTheirs:0.00}× {Targets.AtMost(versusTheirs, Targets.CallTimeVersusDockerDotNet)}"),
                string.Create(CultureInfo.InvariantCulture, $"{versusRaw:0.00}× {Targets.AtMost(versusRaw, Targets.CallTimeVersusRaw)}"));
        }

        Console.Write(table);
        Console.WriteLine($"Times are medians over rounds of the mean time per call in a batch; ratios are medians of per-round ratios. Load averages after {MachineLoad.Averages()}.");
        return 0;
    }

    // Nanoseconds per call, per client, one entry per measured round.
    private static async Task<List<double>[]> MeasureAsync(Func<Task>[] calls)
    {
        var results = calls.Select(_ => new List<double>(Rounds)).ToArray();
        for (var round = -WarmupRounds; round < Rounds; round++)
        {
            for (var client = 0; client < calls.Length; client++)
            {
                var started = Stopwatch.GetTimestamp();
                for (var call = 0; call < CallsPerBatch; call++)
                {
                    await calls[client]().ConfigureAwait(false);
                }

                if (round >= 0)
                {
                    results[client].Add(Stopwatch.GetElapsedTime(started).TotalNanoseconds / CallsPerBatch);
                }
            }
        }

        return results;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
