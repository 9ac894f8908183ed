using System.Text;
using System.Text.Json;
using DockerApiGen.Runtime.Versions;

namespace DockerApiGen.Runtime.Tests.Versions;

/// <summary>Finding and removing the properties of a JSON body that a version lacks, with a hand-made shape.</summary>
public sealed class JsonShapeWalkerTests
{
    private static readonly DockerApiVersion V141 = new(1, 41);

    // (Escaped names are written back as System.Text.Json escapes them, as the bodies are serialized.)
    // As a generated package would describe it: Mount.VolumeOptions.Subpath (1.45) inside HostConfig.Mounts[],
    // HostConfig.Annotations (1.43), endpoint settings per network name with GwPriority (1.48), Init (1.37).
    private static readonly JsonShape VolumeOptions = JsonShape.Object([new("Subpath", new(1, 45))]);
    private static readonly JsonShape Mount = JsonShape.Object([new("Consistency", new(1, 29)), new("VolumeOptions", default, VolumeOptions)]);
    private static readonly JsonShape HostConfig = JsonShape.Object([new("Init", new(1, 37)), new("Annotations", new(1, 43)), new("Mounts", default, JsonShape.ArrayOf(Mount))]);
    private static readonly JsonShape Endpoint = JsonShape.Object([new("GwPriority", new(1, 48))]);
    private static readonly JsonShape Create = JsonShape.Object([
        new("HostConfig", default, HostConfig),
        new("NetworkingConfig", default, JsonShape.Object([new("EndpointsConfig", default, JsonShape.MapOf(Endpoint))]))]);

    private const string Body = """
        {"Image":"busybox","Cmd":["true"],"HostConfig":{"Init":true,"Annotations":{"a":"b"},"Mounts":[{"Type":"volume","Target":"/a"},{"Type":"volume","Target":"/b","VolumeOptions":{"NoCopy":true,"Subpath":"x"}}]},"NetworkingConfig":{"EndpointsConfig":{"front":{"Aliases":["web"]},"b\u00E4ck":{"GwPriority":5}}},"Labels":{"k":"v"}}
        """;

    private static IReadOnlyList<JsonShapeMatch> Find(string json, JsonShape shape, DockerApiVersion version) => JsonShapeWalker.FindNewer(Encoding.UTF8.GetBytes(json), shape, version);

    [Fact]
    public void Finds_every_set_property_newer_than_the_version_with_its_path_in_document_order()
    {
        Assert.Equal(
            [
                new JsonShapeMatch("HostConfig.Annotations", new(1, 43)),
                new JsonShapeMatch("HostConfig.Mounts[].VolumeOptions.Subpath", new(1, 45)),
                new JsonShapeMatch("NetworkingConfig.EndpointsConfig[bäck].GwPriority", new(1, 48)),
            ],
            Find(Body, Create, V141));
    }

    [Fact]
    public void Finds_only_what_is_newer_than_the_version()
    {
        Assert.Equal([new JsonShapeMatch("NetworkingConfig.EndpointsConfig[bäck].GwPriority", new(1, 48))], Find(Body, Create, new(1, 45)));
        Assert.Empty(Find(Body, Create, new(1, 48)));
        Assert.Equal(new DockerApiVersion(1, 48), Create.Newest);
    }

    [Fact]
    public void Properties_that_are_not_set_are_not_found()
    {
        Assert.Empty(Find("""{"Image":"busybox","HostConfig":{"Mounts":[{"Target":"/a"}]},"NetworkingConfig":{"EndpointsConfig":{"x":{}}}}""", Create, V141));
        Assert.Empty(Find("""{"HostConfig":null,"NetworkingConfig":null}""", Create, V141));
        Assert.Empty(Find("{}", Create, V141));
    }

    [Fact]
    public void A_newer_object_is_one_match_without_what_is_inside_it()
    {
        var shape = JsonShape.Object([new("Spec", new(1, 42), JsonShape.Object([new("Group", new(1, 42))]))]);
        Assert.Equal([new JsonShapeMatch("Spec", new(1, 42))], Find("""{"Spec":{"Group":"g"}}""", shape, V141));
    }

    [Fact]
    public void Removing_keeps_everything_else_byte_for_byte_and_the_document_valid()
    {
        var removed = Encoding.UTF8.GetString(JsonShapeWalker.RemoveNewer(Encoding.UTF8.GetBytes(Body), Create, V141));

        Assert.Equal(
            """{"Image":"busybox","Cmd":["true"],"HostConfig":{"Init":true,"Mounts":[{"Type":"volume","Target":"/a"},{"Type":"volume","Target":"/b","VolumeOptions":{"NoCopy":true}}]},"NetworkingConfig":{"EndpointsConfig":{"front":{"Aliases":["web"]},"b\u00E4ck":{}}},"Labels":{"k":"v"}}""",
            removed);
        using var parsed = JsonDocument.Parse(removed);
        Assert.Empty(Find(removed, Create, V141));
        Assert.Equal(Find(Body, Create, new(1, 48)), Find(removed, Create, new(1, 48)));
    }

    [Fact]
    public void Removing_what_the_version_has_changes_nothing()
        => Assert.Equal(Body, Encoding.UTF8.GetString(JsonShapeWalker.RemoveNewer(Encoding.UTF8.GetBytes(Body), Create, new(1, 48))));

    [Fact]
    public void Property_names_are_matched_exactly_and_escaped_names_are_read()
    {
        var shape = JsonShape.Object([new("Subpath", new(1, 45))]);
        Assert.Empty(Find("""{"subpath":"x"}""", shape, V141));
        Assert.Equal([new JsonShapeMatch("Subpath", new(1, 45))], Find("""{"Sub\u0070ath":"x"}""", shape, V141));
    }

    [Fact]
    public void Malformed_json_is_an_error() => Assert.ThrowsAny<JsonException>(() => Find("""{"HostConfig":{"Init":""", Create, V141));

    [Fact]
    public void Versions_compare_as_numbers_and_default_is_no_version()
    {
        Assert.True(new DockerApiVersion(1, 9) < new DockerApiVersion(1, 41));
        Assert.Equal(new DockerApiVersion(1, 44), DockerApiVersion.Parse("v1.44"));
        Assert.Equal("1.44", new DockerApiVersion(1, 44).ToString());
        Assert.False(default(DockerApiVersion).IsSpecified);
        Assert.True(default(DockerApiVersion) < new DockerApiVersion(1, 25));
        Assert.Throws<FormatException>(() => DockerApiVersion.Parse("1.x"));
    }
}
