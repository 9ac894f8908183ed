using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using DockerApiGen.Benchmarks.Clients;
using DockerApiGen.Benchmarks.Configuration;
using DockerApiGen.Benchmarks.Replay;
using DockerApiGen.Engine.V1_41;
using DockerApiGen.Engine.V1_41.Models;
using DDN = Docker.DotNet;

namespace DockerApiGen.Benchmarks.Deserialization;

/// <summary>
/// Deserializing from bytes in memory: a 1,000-container list (the recorded item replicated with distinct ids) and
/// the recorded inspect payload, into our models through the generated <see cref="EngineJsonContext"/> and into
/// Docker.DotNet.Enhanced's models with the options its client uses (see <see cref="DockerDotNetClients.SerializerOptions"/>).
/// Docker.DotNet.Enhanced is each category's baseline, so Ratio is ours over theirs.
/// </summary>
[Config(typeof(DeserializationConfig))]
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class DeserializationBenchmarks
{
    public const int ListedContainers = 1000;
    public const string ListCategory = "List1000";
    public const string InspectCategory = "Inspect";

    private byte[] _containerList = [];
    private byte[] _containerInspect = [];

    [GlobalSetup]
    public void Setup()
    {
        _containerList = RecordedResponses.ContainerList(ListedContainers);
        _containerInspect = RecordedResponses.Read("container-inspect.json");
        Console.WriteLine($"// container list: {_containerList.Length:N0} bytes; inspect: {_containerInspect.Length:N0} bytes");

        // Both libraries must read every payload whole, or the comparison means nothing.
        if (List_DockerApiGen()?.Count != ListedContainers || List_DockerDotNet()?.Count != ListedContainers
            || Inspect_DockerApiGen()?.Id is null || Inspect_DockerDotNet()?.ID is null)
        {
            throw new InvalidDataException("A library did not read the payloads whole.");
        }
    }

    [Benchmark, BenchmarkCategory(ListCategory)]
    public IList<ContainerSummary>? List_DockerApiGen() =>
        JsonSerializer.Deserialize(_containerList, EngineJsonContext.Default.IListContainerSummary);

    [Benchmark(Baseline = true), BenchmarkCategory(ListCategory)]
    public IList<DDN.Models.ContainerListResponse>? List_DockerDotNet() =>
        JsonSerializer.Deserialize<IList<DDN.Models.ContainerListResponse>>(_containerList, DockerDotNetClients.SerializerOptions);

    [Benchmark, BenchmarkCategory(InspectCategory)]
    public ContainerInspectResponse? Inspect_DockerApiGen() =>
        JsonSerializer.Deserialize(_containerInspect, EngineJsonContext.Default.ContainerInspectResponse);

    [Benchmark(Baseline = true), BenchmarkCategory(InspectCategory)]
    public DDN.Models.ContainerInspectResponse? Inspect_DockerDotNet() =>
        JsonSerializer.Deserialize<DDN.Models.ContainerInspectResponse>(_containerInspect, DockerDotNetClients.SerializerOptions);
}
