using DockerApiGen.Generator.Diagnostics;
using DockerApiGen.Generator.Emitting;
using DockerApiGen.Generator.Roslyn;
using DockerApiGen.Generator.Specs;
using DockerApiGen.Generator.Surface;
using DockerApiGen.Generator.Tests.Parsing;
using DockerApiGen.Generator.Tests.Support;

namespace DockerApiGen.Generator.Tests.Emitting;

public sealed class EmitAndCompileTests
{
    private static readonly EmitSettings Settings = FixtureOperations.Settings;

    [Fact]
    public async Task A_fixture_version_emits_one_file_per_type_and_compiles_without_warnings()
    {
        var model = await ModelBuilderTests.Build(FixtureSpecs.Rich);
        var files = VersionEmitter.Emit(FixtureOperations.Client(model), Settings);

        Assert.Equal(model.Types.Count, files.Count(f => f.RelativePath.StartsWith("Generated/Models/", StringComparison.Ordinal)));
        Assert.Contains(files, f => f.RelativePath == "Generated/Models/Widget.cs");
        Assert.Contains(files, f => f.RelativePath == "Generated/DockerClient.cs");
        Assert.Contains(files, f => f.RelativePath == "Generated/Clients/WidgetsClient.cs");
        Assert.All(files, f => Assert.DoesNotContain('\r', f.Text));
        var compilation = InMemoryCompiler.Compile(Settings.RootNamespace, files, TestContext.Current.CancellationToken);
        var surface = PublicSurface.Read(compilation);

        Assert.Contains("\nDockerApiGen.Engine.V9_1.Models.Widget.Id { get; set; } : string [JsonPropertyName(\"Id\")]\n", surface, StringComparison.Ordinal);
        Assert.Contains("\nDockerApiGen.Engine.V9_1.Models.Widget.Size { get; set; } : ushort [JsonPropertyName(\"Size\")]\n", surface, StringComparison.Ordinal);
        Assert.Contains("\nDockerApiGen.Engine.V9_1.Models.Widget.Created { get; set; } : System.DateTimeOffset? [JsonPropertyName(\"Created\")]\n", surface, StringComparison.Ordinal);
        Assert.Contains("\nDockerApiGen.Engine.V9_1.Models.WidgetState.Running { get; } : DockerApiGen.Engine.V9_1.Models.WidgetState (static)\n", surface, StringComparison.Ordinal);
        Assert.Contains("\nDockerApiGen.Engine.V9_1.Models.Widget.Ports { get; set; } : System.Collections.Generic.ISet<string>? [JsonConverter(DockerApiGen.Runtime.Json.StringSetConverter)][JsonPropertyName(\"Ports\")]\n", surface, StringComparison.Ordinal);
        Assert.Contains("DockerApiGen.Engine.V9_1.Models.WidgetState : readonly struct", surface, StringComparison.Ordinal);
        Assert.Contains("DockerApiGen.Engine.V9_1.DockerClient.Widgets { get; } : DockerApiGen.Engine.V9_1.WidgetsClient (virtual)", surface, StringComparison.Ordinal);
        Assert.Contains("DockerApiGen.Engine.V9_1.EngineJsonContext : sealed class : System.Text.Json.Serialization.JsonSerializerContext", surface, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Emitting_twice_gives_the_same_bytes()
    {
        var first = VersionEmitter.Emit(FixtureOperations.Client(await ModelBuilderTests.Build(FixtureSpecs.Rich)), Settings);
        var second = VersionEmitter.Emit(FixtureOperations.Client(await ModelBuilderTests.Build(FixtureSpecs.Rich)), Settings);
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Emitted_code_is_laid_out_as_roslyns_formatter_would()
    {
        var files = VersionEmitter.Emit(FixtureOperations.Client(await ModelBuilderTests.Build(FixtureSpecs.Rich)), Settings);
        Assert.Equal(files, CodeFormatter.Format(files));
    }

    [Fact]
    public void A_warning_in_generated_code_fails_with_file_and_line()
    {
        var files = new[] { new GeneratedFile("Generated/Bad.cs", "namespace N;\n/// <summary>x</summary>\npublic static class C\n{\n    /// <summary>x</summary>\n    public static void M()\n    {\n        int unused = 0;\n    }\n}\n") };
        var problem = Assert.Single(Assert.Throws<GenerationException>(() => InMemoryCompiler.Compile("N", files, TestContext.Current.CancellationToken)).Problems);
        Assert.Equal(("Generated/Bad.cs", 8), (problem.File, problem.Line));
        Assert.StartsWith("CS0219", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_syntax_error_in_emitted_code_fails_with_file_and_line()
    {
        var problem = Assert.Single(Assert.Throws<GenerationException>(() => CodeFormatter.Format([new GeneratedFile("Generated/Broken.cs", "namespace N;\npublic class C {\n")])).Problems);
        Assert.Equal("Generated/Broken.cs", problem.File);
        Assert.Equal(2, problem.Line);
    }
}
