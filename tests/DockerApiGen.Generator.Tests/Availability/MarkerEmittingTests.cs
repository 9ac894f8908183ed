using DockerApiGen.Generator.Emitting;
using DockerApiGen.Generator.Roslyn;
using DockerApiGen.Generator.Semantics;
using DockerApiGen.Generator.Surface;
using DockerApiGen.Generator.Tests.Support;
using static DockerApiGen.Generator.Tests.Availability.GadgetSpecs;

namespace DockerApiGen.Generator.Tests.Availability;

/// <summary>The gadget fixture's v9.3 package, generated with its history: what the markers look like in code, docs and surface.</summary>
public sealed class MarkerEmittingTests
{
    private static readonly EmitSettings Settings = FixtureSettings.For("9.3");

    private static async Task<(ClientModel Client, IReadOnlyList<GeneratedFile> Files)> GenerateAsync()
    {
        var models = await ModelsAsync();
        var history = Generator.Availability.ApiHistoryBuilder.Build(models);
        var client = ClientModelBuilder.Build(models[2], Operations, Settings.Names, Settings.JsonContextName, history.For(V93));
        return (client, VersionEmitter.Emit(client, Settings));
    }

    private static string Text(IReadOnlyList<GeneratedFile> files, string path) => files.Single(f => f.RelativePath == path).Text;

    [Fact]
    public async Task Operations_options_and_properties_carry_their_markers_in_attributes_and_docs()
    {
        var (client, files) = await GenerateAsync();
        var gadgets = Text(files, "Generated/Clients/GadgetsClient.cs");
        Assert.Contains("[DockerOperation(\"GadgetAttest\", \"GET\", \"/gadgets/{id}/attest\", Since = \"9.2\", DeprecatedSince = \"9.3\")]", gadgets, StringComparison.Ordinal);
        Assert.Contains("/// <para>Since API 9.2. Deprecated since API 9.3.</para>", gadgets, StringComparison.Ordinal);
        Assert.Contains("[DockerOperation(\"GadgetGet\", \"GET\", \"/gadgets/{id}\")]", gadgets, StringComparison.Ordinal);

        var options = Text(files, "Generated/Options/GadgetListOptions.cs");
        Assert.Contains("    [DockerApiVersion(Since = \"9.2\")]\n    public long? Limit { get; set; }", options, StringComparison.Ordinal);
        Assert.Contains("    [DockerApiVersion(Since = \"9.3\")]\n    public bool? Verbose { get; set; }", options, StringComparison.Ordinal);
        Assert.Contains("</summary>\n    public bool? All { get; set; }", options, StringComparison.Ordinal);

        var gadget = Text(files, "Generated/Models/Gadget.cs");
        Assert.Contains("/// <para>Since API 9.2.</para>", gadget, StringComparison.Ordinal);
        Assert.Contains("[DockerApiVersion(Since = \"9.2\")]\n    public string? Color { get; set; }", gadget, StringComparison.Ordinal);
        // The attest operation; the Limit and Verbose options; Gadget.Color, Tuning.Turbo and Swap.B.
        Assert.Equal(6, client.MarkedMemberCount);
    }

    [Fact]
    public async Task Requests_carry_the_versions_the_runtime_checks_and_bodies_their_shapes()
    {
        var (_, files) = await GenerateAsync();
        var gadgets = Text(files, "Generated/Clients/GadgetsClient.cs");
        Assert.Contains("new DockerRequest(HttpMethod.Get, $\"/gadgets/{id}/attest\", \"GadgetAttest\") { Since = new(9, 2) };", gadgets, StringComparison.Ordinal);
        Assert.Contains("if (options?.Limit is not null) request.RequireVersion(new(9, 2), DockerRequestPart.Query, \"limit\");", gadgets, StringComparison.Ordinal);
        Assert.DoesNotContain("RequireVersion(new(9, 1)", gadgets, StringComparison.Ordinal);
        Assert.Contains("request.JsonBody(body, EngineJsonContext.Default.GadgetConfig, JsonBodyShapes.GadgetConfig);", gadgets, StringComparison.Ordinal);

        var shapes = Text(files, "Generated/JsonBodyShapes.cs");
        var tuning = shapes.IndexOf("internal static readonly JsonShape Tuning = JsonShape.Object([", StringComparison.Ordinal);
        var config = shapes.IndexOf("internal static readonly JsonShape GadgetConfig = JsonShape.Object([", StringComparison.Ordinal);
        Assert.True(tuning >= 0 && config > tuning, "a shape comes after the shapes it uses:\n" + shapes);
        Assert.Contains("new(\"Turbo\", new(9, 3))]);", shapes, StringComparison.Ordinal);
        Assert.Contains("new(\"Tuning\", default, Tuning)]);", shapes, StringComparison.Ordinal);
        Assert.DoesNotContain("\"Speed\"", shapes, StringComparison.Ordinal);
        Assert.Contains("internal static class JsonBodyShapes", shapes, StringComparison.Ordinal);

        var entry = Text(files, "Generated/DockerClient.cs");
        Assert.Contains("public const string OldestApiVersion = \"9.1\";", entry, StringComparison.Ordinal);
        Assert.Contains("new DockerApiConnection(ApiVersion, options, OldestApiVersion);", entry, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_markers_and_body_shapes_are_written_as_Roslyns_formatter_would()
    {
        var (_, files) = await GenerateAsync();
        Assert.Equal(files, CodeFormatter.Format(files));
    }

    [Fact]
    public async Task The_package_compiles_and_its_surface_shows_the_markers()
    {
        var (_, files) = await GenerateAsync();
        var surface = PublicSurface.Read(InMemoryCompiler.Compile(Settings.RootNamespace, files, TestContext.Current.CancellationToken));
        Assert.Contains("\nDockerApiGen.Engine.V9_3.GadgetsClient.AttestAsync(string id, System.Threading.CancellationToken cancellationToken = default(System.Threading.CancellationToken)) : System.Threading.Tasks.Task<DockerApiGen.Engine.V9_3.Models.Swap> (virtual) [DockerOperation(\"GadgetAttest\", \"GET\", \"/gadgets/{id}/attest\", Since = \"9.2\", DeprecatedSince = \"9.3\")]\n", surface, StringComparison.Ordinal);
        Assert.Contains("\nDockerApiGen.Engine.V9_3.Models.Gadget.Color { get; set; } : string? [DockerApiVersion(Since = \"9.2\")][JsonPropertyName(\"Color\")]\n", surface, StringComparison.Ordinal);
        Assert.Contains("\nDockerApiGen.Engine.V9_3.GadgetListOptions.Limit { get; set; } : long? [DockerApiVersion(Since = \"9.2\")]\n", surface, StringComparison.Ordinal);
        Assert.Contains("\nDockerApiGen.Engine.V9_3.Models.Gadget.Id { get; set; } : string? [JsonPropertyName(\"Id\")]\n", surface, StringComparison.Ordinal);
        Assert.DoesNotContain("JsonBodyShapes", surface, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_history_nothing_is_marked()
    {
        var models = await ModelsAsync();
        var client = ClientModelBuilder.Build(models[2], Operations, Settings.Names, Settings.JsonContextName);
        var files = VersionEmitter.Emit(client, Settings);
        Assert.Equal(0, client.MarkedMemberCount);
        Assert.Null(client.OldestVersion);
        Assert.DoesNotContain(files, f => f.Text.Contains("DockerApiVersion(", StringComparison.Ordinal) || f.Text.Contains("Since =", StringComparison.Ordinal));
        Assert.DoesNotContain(files, f => f.RelativePath == "Generated/JsonBodyShapes.cs");
        Assert.Contains("new DockerApiConnection(ApiVersion, options);", Text(files, "Generated/DockerClient.cs"), StringComparison.Ordinal);
    }
}
