using System.Text.Json;
using DockerApiGen.Generator.Diagnostics;
using DockerApiGen.Generator.Loading;

namespace DockerApiGen.Generator.Tests.Loading;

public sealed class YamlToJsonTests
{
    [Fact]
    public void Types_plain_scalars_as_the_core_schema_and_keeps_quoted_ones_strings()
    {
        var (json, _) = YamlToJson.Parse("""
            i: 200
            f: 1.5
            t: true
            n: null
            s: hello
            q: "200"
            """, "t.yaml");
        Assert.Equal(JsonValueKind.Number, json["i"]!.GetValueKind());
        Assert.Equal(1.5, (double)json["f"]!);
        Assert.True((bool)json["t"]!);
        Assert.Null(json["n"]);
        Assert.Equal("hello", (string?)json["s"]);
        Assert.Equal(JsonValueKind.String, json["q"]!.GetValueKind());
    }

    [Fact]
    public void Maps_every_pointer_to_its_line()
    {
        var (_, map) = YamlToJson.Parse("a:\n  b:\n    - x\n    - y\n", "t.yaml");
        Assert.Equal(new SourcePosition(2, 3), map.Find("/a/b"));
        Assert.Equal(4, map.Find("/a/b/1")!.Value.Line);
        Assert.Equal(4, map.Find("/a/b/1/unknown/child")!.Value.Line);
    }

    [Fact]
    public void Malformed_yaml_names_file_and_line()
    {
        var problem = Assert.Single(Assert.Throws<GenerationException>(() => YamlToJson.Parse("a: 1\nb: [unclosed\nc: 2\n", "bad.yaml")).Problems);
        Assert.Equal("bad.yaml", problem.File);
        Assert.NotNull(problem.Line);
        Assert.Contains("malformed", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_keys_are_errors_with_their_line()
    {
        var problem = Assert.Single(Assert.Throws<GenerationException>(() => YamlToJson.Parse("a: 1\nb: 2\na: 3\n", "dup.yaml")).Problems);
        Assert.Equal(3, problem.Line);
    }
}
