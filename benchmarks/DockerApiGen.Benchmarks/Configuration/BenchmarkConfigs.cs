using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace DockerApiGen.Benchmarks.Configuration;

// Fixed warm-up and iteration counts instead of BenchmarkDotNet's open-ended defaults: the machine has two
// shared cores, and these counts give stable means for calls of tens of microseconds in about 15 s each.

/// <summary>What every run shares, the command line's included.</summary>
public static class SharedConfig
{
    /// <summary>
    /// BenchmarkDotNet builds its own copy of this project and the generated client (about 90 s on two
    /// cores while others compile, past its 2-minute default), once per run.
    /// </summary>
    public static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(10);

    /// <summary>The default configuration with <see cref="BuildTimeout"/>.</summary>
    public static IConfig Instance { get; } = ManualConfig.Create(DefaultConfig.Instance).WithBuildTimeout(BuildTimeout);
}

/// <summary>Calls against the replay server.</summary>
public sealed class ReplayCallConfig : ManualConfig
{
    public ReplayCallConfig()
    {
        AddJob(Job.Default.WithId("Replay").WithWarmupCount(5).WithIterationCount(15));
        WithBuildTimeout(SharedConfig.BuildTimeout);
    }
}

/// <summary>Calls against the real daemon: a short run, since the daemon's own time (milliseconds) dominates.</summary>
public sealed class RealDaemonConfig : ManualConfig
{
    public RealDaemonConfig()
    {
        AddJob(Job.ShortRun.WithId("Daemon").WithIterationCount(5));
        WithBuildTimeout(SharedConfig.BuildTimeout);
    }
}

/// <summary>Deserialization from bytes in memory.</summary>
public sealed class DeserializationConfig : ManualConfig
{
    public DeserializationConfig()
    {
        AddJob(Job.Default.WithId("Json").WithWarmupCount(5).WithIterationCount(15));
        WithBuildTimeout(SharedConfig.BuildTimeout);
    }
}

/// <summary>Demultiplexing a 256 MiB log stream: each operation takes tens to hundreds of milliseconds.</summary>
public sealed class DemuxConfig : ManualConfig
{
    public DemuxConfig()
    {
        AddJob(Job.Default.WithId("Demux").WithWarmupCount(3).WithIterationCount(10));
        AddColumn(new ThroughputColumn());
        WithBuildTimeout(SharedConfig.BuildTimeout);
    }
}
