using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using DockerApiGen.Engine.V1_41;
using DockerApiGen.Engine.V1_41.Models;
using DockerApiGen.Models.Tests.Support;

namespace DockerApiGen.Models.Tests;

/// <summary>
/// Responses recorded from a real daemon (Engine 20.10, API 1.41) deserialize into the v1.41 models and
/// serialize back without losing a field.
/// </summary>
public sealed class RealResponsesTests
{
    public static TheoryData<string, Type> Recorded => new()
    {
        { "system-info.json", typeof(SystemInfo) },
        { "system-version.json", typeof(SystemVersion) },
        { "system-df.json", typeof(SystemDataUsageResponse) },
        { "container-list.json", typeof(IList<ContainerSummary>) },
        { "container-inspect.json", typeof(ContainerInspectResponse) },
        { "container-top.json", typeof(ContainerTopResponse) },
        { "container-changes.json", typeof(IList<ContainerChangeResponseItem>) },
        { "image-list.json", typeof(IList<ImageSummary>) },
        { "image-inspect.json", typeof(ImageInspect) },
        { "image-history.json", typeof(IList<ImageHistoryResponseItem>) },
        { "network-list.json", typeof(IList<Network>) },
        { "network-inspect.json", typeof(Network) },
        { "volume-list.json", typeof(VolumeListResponse) },
        { "volume-inspect.json", typeof(Volume) },
        { "swarm-inspect.json", typeof(Swarm) },
        { "node-list.json", typeof(IList<Node>) },
        { "service-list.json", typeof(IList<Service>) },
        { "service-inspect.json", typeof(Service) },
        { "task-list.json", typeof(IList<SwarmTask>) },
        { "secret-list.json", typeof(IList<Secret>) },
        { "config-list.json", typeof(IList<Config>) },
        { "plugin-list.json", typeof(IList<Plugin>) },
        { "exec-inspect.json", typeof(ExecInspectResponse) },
    };

    [Theory]
    [MemberData(nameof(Recorded))]
    public void Deserializes_and_round_trips_without_losing_fields(string file, Type type)
    {
        var json = RealResponse.Read(file);
        var typeInfo = EngineJsonContext.Default.GetTypeInfo(type) ?? throw new InvalidOperationException($"{type} is not in the JSON context.");

        var model = JsonSerializer.Deserialize(json, typeInfo);

        Assert.NotNull(model);
        JsonEquivalence.AssertEquivalent(JsonNode.Parse(json), JsonNode.Parse(JsonSerializer.Serialize(model, typeInfo)));
    }

    [Fact]
    public void Known_fields_land_in_typed_properties_not_in_the_overflow()
    {
        var info = Deserialize(EngineJsonContext.Default.SystemInfo, "system-info.json");
        Assert.False(string.IsNullOrEmpty(info.ServerVersion));
        Assert.True(info.NCPU > 0);
        Assert.True(info.Swarm?.LocalNodeState == LocalNodeState.Active, "the test daemon runs a single-node swarm");

        var version = Deserialize(EngineJsonContext.Default.SystemVersion, "system-version.json");
        Assert.Equal("1.41", version.ApiVersion);
        Assert.Contains(version.Components!, c => c.Name == "Engine" && c.Details is { Count: > 0 });
    }

    [Fact]
    public void A_container_inspect_carries_typed_sets_command_lines_and_enums()
    {
        var container = Deserialize(EngineJsonContext.Default.ContainerInspectResponse, "container-inspect.json");

        Assert.NotNull(container.Config?.ExposedPorts);
        Assert.NotEmpty(container.Config!.ExposedPorts!);
        Assert.NotEmpty(container.Config.Cmd!);
        Assert.True(container.State?.Status == ContainerStateStatus.Running, $"state {container.State?.Status}");
        Assert.True(container.State!.Status!.Value.IsKnown);
        Assert.True(container.HostConfig?.RestartPolicy?.Name is { IsKnown: true });
        Assert.True(container.Created is not null);
    }

    [Fact]
    public void Timestamps_with_nanoseconds_parse_to_the_100ns_tick()
    {
        var json = """{"Id":"x","CreatedAt":"2024-05-06T07:08:09.123456789Z","UpdatedAt":"0001-01-01T00:00:00Z"}""";
        var secret = JsonSerializer.Deserialize(json, EngineJsonContext.Default.Secret)!;
        Assert.Equal(new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.Zero).AddTicks(1234567), secret.CreatedAt);
    }

    [Fact]
    public void Events_stream_lines_each_parse_as_an_event_message()
    {
        var lines = RealResponse.Read("events-sample.jsonl").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(lines);
        foreach (var line in lines)
        {
            var message = JsonSerializer.Deserialize(line, EngineJsonContext.Default.EventMessage)!;
            Assert.True(message.Type is { IsKnown: true }, $"event type {message.Type}");
            JsonEquivalence.AssertEquivalent(JsonNode.Parse(line), JsonNode.Parse(JsonSerializer.Serialize(message, EngineJsonContext.Default.EventMessage)));
        }
    }

    private static T Deserialize<T>(JsonTypeInfo<T> typeInfo, string file)
        => JsonSerializer.Deserialize(RealResponse.Read(file), typeInfo) ?? throw new InvalidOperationException($"{file} deserialized to null.");
}
