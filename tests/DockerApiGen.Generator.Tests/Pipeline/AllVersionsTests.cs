using System.Text.RegularExpressions;
using DockerApiGen.Generator.Model;
using DockerApiGen.Generator.Specs;
using DockerApiGen.Generator.Surface;
using DockerApiGen.Generator.Tests.Support;

namespace DockerApiGen.Generator.Tests.Pipeline;

/// <summary>Tests over every real spec the lock holds.</summary>
public sealed partial class AllVersionsTests(AllVersionsFixture fixture)
{
    [Fact]
    public async Task Every_locked_version_loads_generates_and_compiles_without_warnings()
    {
        var outputs = await fixture.OutputsAsync();
        Assert.Equal((await fixture.RunAsync()).Inputs.Lock.Entries.Select(e => e.Version), outputs.Select(o => o.Model.Version));
        Assert.All(outputs, o =>
        {
            Assert.NotNull(o.Compilation);
            Assert.True(o.Model.Types.Count > 150, $"v{o.Model.Version}: {o.Model.Types.Count} types");
            Assert.True(o.Model.Operations.Count >= 94, $"v{o.Model.Version}: {o.Model.Operations.Count} operations");
        });
    }

    [Fact]
    public async Task The_oldest_and_newest_versions_are_emitted_as_roslyns_formatter_lays_them_out()
    {
        var outputs = await fixture.OutputsAsync();
        foreach (var output in new[] { outputs[0], outputs[^1] })
        {
            var formatted = Roslyn.CodeFormatter.Format(output.Files);
            var changed = output.Files.Zip(formatted).Where(p => p.First.Text != p.Second.Text).Select(p => p.First.RelativePath).Take(5).ToList();
            Assert.True(changed.Count == 0, $"v{output.Model.Version}: the formatter changes {string.Join(", ", changed)}; make the emitter write what it writes.");
        }
    }

    [Fact]
    public async Task No_generated_doc_holds_escaped_markup_or_raw_markdown()
    {
        string[] forbidden = ["&lt;see", "&lt;c&gt;", "&lt;/", "&lt;para", "&lt;code", "```", "](http", "](#"];
        foreach (var output in await fixture.OutputsAsync())
        {
            var docLines = output.Files
                .SelectMany(f => f.Text.Split('\n').Select((line, index) => (f.RelativePath, Line: index + 1, Text: line.Trim())))
                .Where(l => l.Text.StartsWith("///", StringComparison.Ordinal));
            var bad = docLines.Where(l => forbidden.Any(f => l.Text.Contains(f, StringComparison.Ordinal))).Take(5).ToList();
            Assert.True(bad.Count == 0, $"v{output.Model.Version}: " + string.Join("; ", bad.Select(b => $"{b.RelativePath}({b.Line}): {b.Text}")));
        }
    }

    [Fact]
    public async Task No_type_name_carries_a_numeric_clash_suffix()
    {
        foreach (var output in await fixture.OutputsAsync())
        {
            var numbered = output.Model.Types.Select(t => t.Name).Where(n => TrailingDigits().IsMatch(n)).ToList();
            Assert.True(numbered.Count == 0, $"v{output.Model.Version}: {string.Join(", ", numbered)}");
        }
    }

    [Theory]
    [InlineData("ContainerCreateRequest")]
    [InlineData("ContainerInspectResponse")]
    [InlineData("HostConfig")]
    [InlineData("SwarmTask")]
    [InlineData("PluginConfig")]
    [InlineData("NetworkConnectRequest")]
    [InlineData("NetworkDisconnectRequest")]
    [InlineData("RestartPolicyName")]
    public async Task A_schema_keeps_its_name_in_every_version(string name)
    {
        foreach (var output in await fixture.OutputsAsync())
        {
            Assert.True(output.Model.FindType(name) is not null, $"v{output.Model.Version} has no {name}");
        }
    }

    [Fact]
    public async Task The_connect_and_disconnect_bodies_keep_their_own_names_despite_swapped_titles_upstream()
    {
        foreach (var output in await fixture.OutputsAsync())
        {
            var connect = output.Model.Operations.Single(o => o.OperationId == "NetworkConnect");
            Assert.Equal(new NamedRef("NetworkConnectRequest"), connect.Parameters.Single(p => p.Location == ParameterLocation.Body).Type);
        }
    }

    [Fact]
    public async Task Command_lines_are_typed_and_set_like_maps_are_sets_in_every_version()
    {
        foreach (var output in await fixture.OutputsAsync())
        {
            // v1.25–v1.29 call the container configuration Config; later versions ContainerConfig.
            var config = (ObjectType)(output.Model.FindType("ContainerConfig") ?? output.Model.FindType("Config"))!;
            Assert.True(config.Properties.Single(p => p.WireName == "Cmd").Type is CommandLineRef, $"v{output.Model.Version} Cmd");
            Assert.True(config.Properties.Single(p => p.WireName == "Entrypoint").Type is CommandLineRef, $"v{output.Model.Version} Entrypoint");
            Assert.True(config.Properties.Single(p => p.WireName == "ExposedPorts").Type is StringSetRef, $"v{output.Model.Version} ExposedPorts");
            Assert.True(config.Properties.Single(p => p.WireName == "Volumes").Type is StringSetRef, $"v{output.Model.Version} Volumes");
        }
    }

    [Fact]
    public async Task Every_locked_version_has_its_client_methods_and_committed_ones_their_snapshot_and_current_code()
    {
        // The same checks the end-to-end add-version test runs on a repository with a fixture next version.
        var run = await fixture.RunAsync();
        var problems = VersionSetChecks.OutputProblems(run, run.Inputs.Lock.Entries.Select(e => e.Version).ToList(), await fixture.OutputsAsync());
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [GeneratedRegex("[0-9]$")]
    private static partial Regex TrailingDigits();
}
