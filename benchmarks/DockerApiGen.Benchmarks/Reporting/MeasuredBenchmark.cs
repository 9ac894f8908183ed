using BenchmarkDotNet.Reports;

namespace DockerApiGen.Benchmarks.Reporting;

/// <summary>
/// One benchmark's result as the targets table reads it. Benchmark methods are named
/// <c>Operation_Library</c> (<c>List_DockerDotNet</c>, <c>Inspect_Raw</c>), which is how a result is found.
/// </summary>
/// <param name="Class">The benchmark class's name.</param>
/// <param name="Operation">The part of the method name before the first underscore.</param>
/// <param name="Library">The part after it.</param>
/// <param name="MeanNanoseconds">The mean time of one operation.</param>
/// <param name="AllocatedBytes">Bytes allocated by one operation, when the memory diagnoser measured them.</param>
public sealed record MeasuredBenchmark(string Class, string Operation, string Library, double MeanNanoseconds, long? AllocatedBytes)
{
    /// <summary>Every benchmark of the summaries that produced a result.</summary>
    /// <param name="summaries">BenchmarkDotNet's summaries.</param>
    public static IReadOnlyList<MeasuredBenchmark> From(IEnumerable<Summary> summaries) =>
        [.. from summary in summaries
            from report in summary.Reports
            where report.ResultStatistics is not null
            let benchmark = report.BenchmarkCase
            let name = benchmark.Descriptor.WorkloadMethod.Name
            let separator = name.IndexOf('_', StringComparison.Ordinal)
            where separator > 0
            select new MeasuredBenchmark(
                benchmark.Descriptor.Type.Name,
                name[..separator],
                name[(separator + 1)..],
                report.ResultStatistics!.Mean,
                report.GcStats.GetBytesAllocatedPerOperation(benchmark))];
}
