using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using DockerApiGen.Benchmarks.Clients;
using DockerApiGen.Benchmarks.Configuration;
using DockerApiGen.Engine.V1_41;
using DockerApiGen.Engine.V1_41.Models;
using DockerApiGen.Runtime;

namespace DockerApiGen.Benchmarks.Calls;

/// <summary>
/// A diagnostic, not a target: the generated client and the raw baseline over an in-memory handler
/// (<see cref="InMemoryDaemonHandler"/>), so no socket or server time hides what our client layer adds to the
/// baseline, in time and bytes. Docker.DotNet.Enhanced is left out: its transport cannot be swapped for a handler.
/// </summary>
[Config(typeof(ReplayCallConfig))]
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ClientLayerCalls
{
    // Any id or name: the handler answers every inspect with the recorded one.
    private const string ContainerId = "capture-running";

    private DockerClient _ours = null!;
    private RawEngineHttp _raw = null!;

    [GlobalSetup]
    public void Setup()
    {
        // The endpoint is never dialled: every request ends in the in-memory handler.
        _ours = new DockerClient(new DockerClientOptions { Endpoint = "unix:///nonexistent.sock", ConfigureHandler = ReplaceHandler });
        _raw = new RawEngineHttp(new InMemoryDaemonHandler());
    }

    private static HttpMessageHandler ReplaceHandler(SocketsHttpHandler unused)
    {
        unused.Dispose();
        return new InMemoryDaemonHandler();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _ours.Dispose();
        _raw.Dispose();
    }

    [Benchmark, BenchmarkCategory(ContainerCallBenchmarks.ListCategory)]
    public Task<IList<ContainerSummary>> List_DockerApiGen() => _ours.Containers.ListAsync(new ContainerListOptions { All = true });

    [Benchmark(Baseline = true), BenchmarkCategory(ContainerCallBenchmarks.ListCategory)]
    public Task<IList<ContainerSummary>> List_Raw() => _raw.ListContainersAsync();

    [Benchmark, BenchmarkCategory(ContainerCallBenchmarks.InspectCategory)]
    public Task<ContainerInspectResponse> Inspect_DockerApiGen() => _ours.Containers.InspectAsync(ContainerId, null);

    [Benchmark(Baseline = true), BenchmarkCategory(ContainerCallBenchmarks.InspectCategory)]
    public Task<ContainerInspectResponse> Inspect_Raw() => _raw.InspectContainerAsync(ContainerId);
}
