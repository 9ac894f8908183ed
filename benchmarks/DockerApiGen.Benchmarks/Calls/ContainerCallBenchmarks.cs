using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using DockerApiGen.Benchmarks.Clients;
using DockerApiGen.Engine.V1_41;
using DockerApiGen.Engine.V1_41.Models;
using DockerApiGen.Runtime;
using DDN = Docker.DotNet;

namespace DockerApiGen.Benchmarks.Calls;

/// <summary>
/// One list (<c>all=true</c>) and one inspect call per client, side by side: the generated client, Docker.DotNet.Enhanced
/// and the raw baseline, which is each category's baseline (the Ratio column). Subclasses say which daemon answers.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public abstract class ContainerCallBenchmarks
{
    public const string ListCategory = "List";
    public const string InspectCategory = "Inspect";

    private DockerClient _ours = null!;
    private RawEngineHttp _raw = null!;
    private DDN.DockerClient _dockerDotNet = null!;
    private string _containerId = "";

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var socketPath = await OpenDaemonAsync().ConfigureAwait(false);
        _ours = new DockerClient(new DockerClientOptions { Endpoint = "unix://" + socketPath });
        _raw = new RawEngineHttp(socketPath);
        _dockerDotNet = DockerDotNetClients.Create(socketPath);

        var containers = await _raw.ListContainersAsync().ConfigureAwait(false);
        _containerId = containers.FirstOrDefault()?.Id
            ?? throw new InvalidOperationException("The daemon lists no container to inspect: create some first (build/bench.sh does).");

        // Every call once, so a client that cannot read a payload fails here rather than inside the measurement.
        await List_DockerApiGen().ConfigureAwait(false);
        await List_Raw().ConfigureAwait(false);
        await List_DockerDotNet().ConfigureAwait(false);
        await Inspect_DockerApiGen().ConfigureAwait(false);
        await Inspect_Raw().ConfigureAwait(false);
        await Inspect_DockerDotNet().ConfigureAwait(false);
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _ours.Dispose();
        _raw.Dispose();
        _dockerDotNet.Dispose();
        await CloseDaemonAsync().ConfigureAwait(false);
    }

    // Options are made per call, as user code does, for both clients.
    [Benchmark, BenchmarkCategory(ListCategory)]
    public Task<IList<ContainerSummary>> List_DockerApiGen() => _ours.Containers.ListAsync(new ContainerListOptions { All = true });

    [Benchmark(Baseline = true), BenchmarkCategory(ListCategory)]
    public Task<IList<ContainerSummary>> List_Raw() => _raw.ListContainersAsync();

    [Benchmark, BenchmarkCategory(ListCategory)]
    public Task<IList<DDN.Models.ContainerListResponse>> List_DockerDotNet() =>
        _dockerDotNet.Containers.ListContainersAsync(new DDN.Models.ContainersListParameters { All = true });

    [Benchmark, BenchmarkCategory(InspectCategory)]
    public Task<ContainerInspectResponse> Inspect_DockerApiGen() => _ours.Containers.InspectAsync(_containerId, null);

    [Benchmark(Baseline = true), BenchmarkCategory(InspectCategory)]
    public Task<ContainerInspectResponse> Inspect_Raw() => _raw.InspectContainerAsync(_containerId);

    [Benchmark, BenchmarkCategory(InspectCategory)]
    public Task<DDN.Models.ContainerInspectResponse> Inspect_DockerDotNet() =>
        _dockerDotNet.Containers.InspectContainerAsync(_containerId);

    /// <summary>Makes the daemon ready and returns its unix socket.</summary>
    protected abstract Task<string> OpenDaemonAsync();

    /// <summary>Releases what <see cref="OpenDaemonAsync"/> started.</summary>
    protected virtual Task CloseDaemonAsync() => Task.CompletedTask;
}
