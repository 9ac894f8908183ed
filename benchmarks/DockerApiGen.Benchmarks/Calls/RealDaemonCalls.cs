using BenchmarkDotNet.Attributes;
using DockerApiGen.Benchmarks.Clients;
using DockerApiGen.Benchmarks.Configuration;

namespace DockerApiGen.Benchmarks.Calls;

/// <summary>
/// The same calls against the real daemon at <c>DOCKER_HOST</c> (a <c>unix://</c> socket): the daemon's
/// own work dominates, so this shows what a user sees rather than what the client costs.
/// </summary>
[Config(typeof(RealDaemonConfig))]
public class RealDaemonCalls : ContainerCallBenchmarks
{
    protected override Task<string> OpenDaemonAsync() => Task.FromResult(RealDaemon.SocketPath());
}
