using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using DockerApiGen.Benchmarks.Demux;

namespace DockerApiGen.Benchmarks.Configuration;

/// <summary>The demux benchmarks' throughput: the stream's bytes over the mean time, in GB/s (10⁹ bytes a second).</summary>
public sealed class ThroughputColumn : IColumn
{
    public string Id => nameof(ThroughputColumn);

    public string ColumnName => "GB/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Stream bytes demultiplexed per second, in 10^9 bytes, from the mean";

    /// <summary>Bytes per nanosecond are 10⁹ bytes per second.</summary>
    /// <param name="bytes">Bytes processed by one operation.</param>
    /// <param name="meanNanoseconds">The operation's mean time.</param>
    public static double GigabytesPerSecond(long bytes, double meanNanoseconds) => bytes / meanNanoseconds;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
        summary[benchmarkCase]?.ResultStatistics?.Mean is { } mean
            ? GigabytesPerSecond(DemuxBenchmarks.StreamBytes, mean).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)
            : "NA";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;
}
