using BenchmarkDotNet.Running;
using DockerApiGen.Benchmarks.Configuration;
using DockerApiGen.Benchmarks.Replay;
using DockerApiGen.Benchmarks.Reporting;

namespace DockerApiGen.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project benchmarks/DockerApiGen.Benchmarks -- [BenchmarkDotNet arguments]</c>, e.g.
/// <c>--filter '*ReplayServerCalls*'</c>; <c>--summary</c> runs everything and prints the ratios against the targets;
/// <c>--paired</c> times the three clients in turns against the replay server, for ratios that hold on a busy machine.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        // Served from this process, so benchmark processes (children) count only their client's allocations.
        await using var replay = ReplayServerHost.StartForChildProcesses();
        if (args.Contains(PairedTiming.Option))
        {
            return await PairedTiming.RunAsync(replay).ConfigureAwait(false);
        }

        if (args.Contains(TargetsSummary.Option))
        {
            return TargetsSummary.Run([.. args.Where(argument => argument != TargetsSummary.Option)]);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, SharedConfig.Instance);
        return 0;
    }
}
