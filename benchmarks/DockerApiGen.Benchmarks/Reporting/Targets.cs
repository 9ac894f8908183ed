namespace DockerApiGen.Benchmarks.Reporting;

/// <summary>
/// Issue 3's performance targets. They are reported as met or missed, never enforced: a benchmark on a
/// shared two-core machine is no pass/fail test.
/// </summary>
public static class Targets
{
    /// <summary>Time per call against the replay server, at most this times Docker.DotNet.Enhanced's.</summary>
    public const double CallTimeVersusDockerDotNet = 0.6;

    /// <summary>Time per call against the replay server, at most this times the raw baseline's.</summary>
    public const double CallTimeVersusRaw = 1.1;

    /// <summary>Bytes allocated per call against the replay server, at most this times Docker.DotNet.Enhanced's.</summary>
    public const double CallAllocationsVersusDockerDotNet = 0.5;

    /// <summary>Demultiplexing throughput, at least this many 10⁹ bytes a second.</summary>
    public const double DemuxGigabytesPerSecond = 2.0;

    /// <summary>"met" or "missed" for a ratio that must stay at or under a limit; empty when unknown.</summary>
    /// <param name="ratio">The measured ratio.</param>
    /// <param name="limit">The target's limit.</param>
    public static string AtMost(double? ratio, double limit) => ratio switch
    {
        null => "",
        _ when ratio <= limit => "met",
        _ => "missed",
    };

    /// <summary>"met" or "missed" for a figure that must reach a floor.</summary>
    /// <param name="value">The measured figure.</param>
    /// <param name="floor">The target's floor.</param>
    public static string AtLeast(double value, double floor) => value >= floor ? "met" : "missed";
}
