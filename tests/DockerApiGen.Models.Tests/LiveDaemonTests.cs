using System.Text.Json;
using System.Text.Json.Nodes;
using DockerApiGen.Engine.V1_41;
using DockerApiGen.Models.Tests.Support;
using DockerApiGen.Tests.Shared;

namespace DockerApiGen.Models.Tests;

/// <summary>The v1.41 models against what the running test daemon answers now.</summary>
public sealed class LiveDaemonTests
{
    public static TheoryData<string, Type> Endpoints => new()
    {
        { "v1.41/info", typeof(Engine.V1_41.Models.SystemInfo) },
        { "v1.41/version", typeof(Engine.V1_41.Models.SystemVersion) },
        { "v1.41/containers/json?all=1", typeof(IList<Engine.V1_41.Models.ContainerSummary>) },
        { "v1.41/images/json", typeof(IList<Engine.V1_41.Models.ImageSummary>) },
        { "v1.41/networks", typeof(IList<Engine.V1_41.Models.Network>) },
        { "v1.41/volumes", typeof(Engine.V1_41.Models.VolumeListResponse) },
        { "v1.41/swarm", typeof(Engine.V1_41.Models.Swarm) },
        { "v1.41/nodes", typeof(IList<Engine.V1_41.Models.Node>) },
        { "v1.41/system/df", typeof(Engine.V1_41.Models.SystemDataUsageResponse) },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task A_live_response_deserializes_and_round_trips(string path, Type type)
    {
        using var client = TestDaemon.ClientOrSkip();
        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
        var json = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"GET /{path}: {(int)response.StatusCode} {json}");

        var typeInfo = EngineJsonContext.Default.GetTypeInfo(type)!;
        var model = JsonSerializer.Deserialize(json, typeInfo);

        Assert.NotNull(model);
        JsonEquivalence.AssertEquivalent(JsonNode.Parse(json), JsonNode.Parse(JsonSerializer.Serialize(model, typeInfo)));
    }
}
