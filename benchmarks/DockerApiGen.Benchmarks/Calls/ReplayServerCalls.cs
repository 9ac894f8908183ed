using BenchmarkDotNet.Attributes;
using DockerApiGen.Benchmarks.Configuration;
using DockerApiGen.Benchmarks.Replay;

namespace DockerApiGen.Benchmarks.Calls;

/// <summary>
/// The calls against the replay server, which answers recorded v1.41 payloads at once (a list of
/// <see cref="ReplayRoutes.ListedContainers"/> containers), so the figures are the clients' own cost.
/// These are the figures the targets are about.
/// </summary>
[Config(typeof(ReplayCallConfig))]
public class ReplayServerCalls : ContainerCallBenchmarks
{
    private ReplayServer? _ownServer;

    protected override Task<string> OpenDaemonAsync() => Task.FromResult(ReplayServerHost.FindOrStart(out _ownServer));

    protected override async Task CloseDaemonAsync()
    {
        if (_ownServer is not null)
        {
            await _ownServer.DisposeAsync().ConfigureAwait(false);
        }
    }
}
