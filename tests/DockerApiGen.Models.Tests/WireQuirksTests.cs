using System.Text.Json;
using DockerApiGen.Engine.V1_41;
using DockerApiGen.Engine.V1_41.Models;

namespace DockerApiGen.Models.Tests;

/// <summary>The wire quirks the spec cannot express, against the generated v1.41 models.</summary>
public sealed class WireQuirksTests
{
    [Fact]
    public void Unknown_enum_values_round_trip_instead_of_throwing()
    {
        var policy = JsonSerializer.Deserialize("""{"Name":"on-reboot","MaximumRetryCount":3}""", EngineJsonContext.Default.RestartPolicy)!;

        Assert.Equal("on-reboot", policy.Name!.Value.Value);
        Assert.False(policy.Name.Value.IsKnown);
        Assert.Equal("""{"Name":"on-reboot","MaximumRetryCount":3}""", JsonSerializer.Serialize(policy, EngineJsonContext.Default.RestartPolicy));
        Assert.True(RestartPolicyName.UnlessStopped == "unless-stopped");
        Assert.True(RestartPolicyName.Empty.IsKnown); // "" is a listed value: "do not restart".
    }

    [Fact]
    public void Unknown_integer_enum_values_round_trip()
    {
        var change = JsonSerializer.Deserialize("""{"Path":"/x","Kind":7}""", EngineJsonContext.Default.ContainerChangeResponseItem)!;
        Assert.Equal(7, change.Kind.Value);
        Assert.False(change.Kind.IsKnown);
        Assert.Equal(ContainerChangeResponseItemKind.Added, JsonSerializer.Deserialize("""{"Path":"/x","Kind":1}""", EngineJsonContext.Default.ContainerChangeResponseItem)!.Kind);
    }

    [Fact]
    public void Set_like_maps_are_string_sets_that_serialize_back_to_empty_objects()
    {
        var config = JsonSerializer.Deserialize("""{"ExposedPorts":{"80/tcp":{},"53/udp":{}},"Volumes":{"/data":{}}}""", EngineJsonContext.Default.ContainerConfig)!;

        Assert.Equal(["53/udp", "80/tcp"], config.ExposedPorts!.Order());
        config.ExposedPorts!.Add("443/tcp");
        Assert.Equal("""{"ExposedPorts":{"443/tcp":{},"53/udp":{},"80/tcp":{}},"Volumes":{"/data":{}}}""", JsonSerializer.Serialize(config, EngineJsonContext.Default.ContainerConfig));
    }

    [Fact]
    public void A_command_sent_as_a_string_reads_as_a_one_element_list()
    {
        var config = JsonSerializer.Deserialize("""{"Cmd":"echo hi","Entrypoint":["/bin/sh","-c"]}""", EngineJsonContext.Default.ContainerConfig)!;
        Assert.Equal(["echo hi"], config.Cmd!);
        Assert.Equal(["/bin/sh", "-c"], config.Entrypoint!);
    }

    [Fact]
    public void Collections_sent_as_null_deserialize_to_null()
    {
        var image = JsonSerializer.Deserialize("""{"Id":"sha256:1","RepoTags":null,"RepoDigests":null,"Labels":null,"ParentId":"","Created":1,"Size":2,"SharedSize":-1,"VirtualSize":2,"Containers":0}""", EngineJsonContext.Default.ImageSummary)!;
        Assert.Null(image.RepoTags);
        Assert.Equal("sha256:1", image.Id);
    }

    [Fact]
    public void Port_map_values_may_be_null()
    {
        var settings = JsonSerializer.Deserialize("""{"Ports":{"80/tcp":null,"443/tcp":[{"HostIp":"0.0.0.0","HostPort":"8443"}]}}""", EngineJsonContext.Default.NetworkSettings)!;
        Assert.Null(settings.Ports!["80/tcp"]);
        Assert.Equal("8443", settings.Ports["443/tcp"]![0].HostPort);
    }

    [Fact]
    public void Fields_from_a_newer_daemon_are_kept_and_written_back()
    {
        var json = """{"Id":"abc","Names":["/a"],"ImageManifestDescriptor":{"mediaType":"x"},"Health":{"Status":"healthy"}}""";
        var summary = JsonSerializer.Deserialize(json, EngineJsonContext.Default.ContainerSummary)!;
        Assert.Contains("ImageManifestDescriptor", summary.AdditionalProperties!.Keys);
        Assert.Equal(json, JsonSerializer.Serialize(summary, EngineJsonContext.Default.ContainerSummary));
    }

    [Fact]
    public void Required_strings_and_objects_start_non_null_and_optional_ones_null()
    {
        var created = new ContainerCreateResponse();
        Assert.Equal(string.Empty, created.Id); // required by the spec
        Assert.Null(new ContainerSummary().Id); // optional
        Assert.Equal("""{"Id":"","Warnings":["w"]}""", JsonSerializer.Serialize(new ContainerCreateResponse { Warnings = ["w"] }, EngineJsonContext.Default.ContainerCreateResponse));
    }
}
