using System.Text.Json;
using DockerApiGen.Models.Tests.Support;
using V155 = DockerApiGen.Engine.V1_55;

namespace DockerApiGen.Models.Tests;

/// <summary>A newer version's models against what an older daemon sends: they read it, and keep what they do not know.</summary>
public sealed class OtherVersionTests
{
    [Fact]
    public void The_1_55_models_read_a_1_41_container_inspect()
    {
        var json = RealResponse.Read("container-inspect.json");
        var container = JsonSerializer.Deserialize(json, V155.EngineJsonContext.Default.ContainerInspectResponse)!;
        Assert.False(string.IsNullOrEmpty(container.Id));
        Assert.NotNull(container.Config?.ExposedPorts);
        JsonEquivalence.AssertEquivalent(System.Text.Json.Nodes.JsonNode.Parse(json), System.Text.Json.Nodes.JsonNode.Parse(JsonSerializer.Serialize(container, V155.EngineJsonContext.Default.ContainerInspectResponse)));
    }

    [Fact]
    public void Stats_are_typed_from_1_48_and_read_a_recorded_stats_payload()
    {
        var stats = JsonSerializer.Deserialize(RealResponse.Read("container-stats.json"), V155.EngineJsonContext.Default.ContainerStatsResponse)!;
        Assert.NotNull(stats.MemoryStats);
        Assert.NotNull(stats.CpuStats);
    }
}
