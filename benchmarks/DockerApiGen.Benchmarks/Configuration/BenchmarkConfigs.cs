using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace DockerApiGen.Benchmarks.Configuration;

// Fixed warm-up and iteration counts instead of BenchmarkDotNet's open-ended defaults: the machine has two
// shared cores, and these counts give stable means for calls of tens of microseconds in about 15 s each.

/// <summary>Calls against the replay server.</summary>
public sealed class ReplayCallConfig : ManualConfig
{
    public ReplayCallConfig() => AddJob(Job.Default.WithId("Replay").WithWarmupCount(5).WithIterationCount(15));
}

/// <summary>Calls against the real daemon: a short run, since the daemon's own time (milliseconds) dominates.</summary>
public sealed class RealDaemonConfig : ManualConfig
{
    public RealDaemonConfig() => AddJob(Job.ShortRun.WithId("Daemon").WithIterationCount(5));
}

/// <summary>Deserialization from bytes in memory.</summary>
public sealed class DeserializationConfig : ManualConfig
{
    public DeserializationConfig() => AddJob(Job.Default.WithId("Json").WithWarmupCount(5).WithIterationCount(15));
}

/// <summary>Demultiplexing a 256 MiB log stream: each operation takes tens to hundreds of milliseconds.</summary>
public sealed class DemuxConfig : ManualConfig
{
    public DemuxConfig()
    {
        AddJob(Job.Default.WithId("Demux").WithWarmupCount(3).WithIterationCount(10));
        AddColumn(new ThroughputColumn());
    }
}
