using DockerApiGen.Generator.Diagnostics;
using DockerApiGen.Generator.Pipeline;
using DockerApiGen.Generator.Specs;
using DockerApiGen.Generator.Tests.Support;

namespace DockerApiGen.Generator.Tests.Pipeline;

public sealed class AddVersionTests
{
    private static RepositoryLayout CreateRepository(TempFolder temp, string committed)
    {
        var first = SpecCache.Sha256Of(System.Text.Encoding.UTF8.GetBytes(FixtureSpecs.Rich));
        temp.Write("repo/specs/spec-lock.yaml", $"""
            versions:
              - version: "9.1"
                url: https://example.invalid/specs/v9.1.yaml
                sha256: {first}

            """);
        temp.Write("repo/specs/generation.yaml", $"committedVersions: {committed}\n");
        temp.Write("repo/specs/naming.yaml", "typeRenames:\n  Task: SwarmTask\n");
        temp.Write("repo/specs/operations.yaml", "areas:\n  Widget: { property: Widgets, noun: Widget }\n");
        temp.Write("mirror/v9.1.yaml", FixtureSpecs.Rich);
        temp.Write("mirror/v9.2.yaml", FixtureSpecs.Rich.Replace("description: \"A widget.\"", "description: \"A widget, v9.2.\"", StringComparison.Ordinal));
        return new RepositoryLayout(Path.Combine(temp.Path, "repo"));
    }

    [Fact]
    public async Task Adds_the_lock_entry_project_generated_code_and_snapshot()
    {
        using var temp = new TempFolder();
        var layout = CreateRepository(temp, "9.0+");
        var source = SpecSource.Resolve(Path.Combine(temp.Path, "mirror"));

        var result = await VersionAdder.AddAsync(layout, ApiVersion.Parse("9.2"), source, null, TestContext.Current.CancellationToken);

        var entry = SpecLock.Load(layout.SpecLockPath).Get(ApiVersion.Parse("9.2"));
        Assert.Equal(SpecCache.Sha256Of(File.ReadAllBytes(Path.Combine(temp.Path, "mirror", "v9.2.yaml"))), entry.Sha256);
        Assert.Equal("https://example.invalid/specs/v9.2.yaml", entry.Url.ToString());
        Assert.True(result.ProjectWritten);
        var project = layout.ProjectFolder(ApiVersion.Parse("9.2"));
        Assert.True(File.Exists(Path.Combine(project, "DockerApiGen.Engine.V9_2.csproj")));
        Assert.Contains("A widget, v9.2.", File.ReadAllText(Path.Combine(project, "Generated", "Models", "Widget.cs")), StringComparison.Ordinal);
        Assert.Contains("DockerApiGen.Engine.V9_2.Models.Widget", File.ReadAllText(Path.Combine(layout.SnapshotsFolder, "V9_2.verified.txt")), StringComparison.Ordinal);

        // The new version now takes part in generation and the drift check like any other.
        var inputs = GeneratorInputs.Load(layout);
        var run = new GenerationRun(inputs);
        await run.EnsureSpecsAsync(inputs.CommittedEntries, source, TestContext.Current.CancellationToken);
        var outputs = await run.GenerateAsync(inputs.CommittedEntries.Where(e => e.Version == ApiVersion.Parse("9.2")).ToList(), compile: false, TestContext.Current.CancellationToken);
        Assert.Empty(run.CheckDrift(outputs));
    }

    [Fact]
    public async Task A_version_that_removes_a_property_re_marks_the_older_committed_package()
    {
        using var temp = new TempFolder();
        var layout = CreateRepository(temp, "9.0+");
        var source = SpecSource.Resolve(Path.Combine(temp.Path, "mirror"));
        const string labels = "      Labels:\n        type: \"object\"\n        additionalProperties:\n          type: \"string\"\n";
        Assert.Contains(labels, FixtureSpecs.Rich, StringComparison.Ordinal);
        temp.Write("mirror/v9.2.yaml", FixtureSpecs.Rich.Replace(labels, string.Empty, StringComparison.Ordinal));
        var inputs = GeneratorInputs.Load(layout);
        var run = new GenerationRun(inputs);
        await run.EnsureSpecsAsync(inputs.Lock.Entries, source, TestContext.Current.CancellationToken);
        run.Write(await run.GenerateAsync(inputs.CommittedEntries, compile: false, TestContext.Current.CancellationToken));
        var widget91 = Path.Combine(layout.ProjectFolder(ApiVersion.Parse("9.1")), "Generated", "Models", "Widget.cs");
        Assert.DoesNotContain("RemovedIn", File.ReadAllText(widget91), StringComparison.Ordinal);

        var result = await VersionAdder.AddAsync(layout, ApiVersion.Parse("9.2"), source, null, TestContext.Current.CancellationToken);

        Assert.Equal([ApiVersion.Parse("9.1")], result.Remarked);
        Assert.Contains("[DockerApiVersion(RemovedIn = \"9.2\")]\n    public IDictionary<string, string>? Labels", File.ReadAllText(widget91), StringComparison.Ordinal);
        Assert.Contains("[DockerApiVersion(RemovedIn = \"9.2\")]", File.ReadAllText(Path.Combine(layout.SnapshotsFolder, "V9_1.verified.txt")), StringComparison.Ordinal);
        var after = GeneratorInputs.Load(layout);
        var check = new GenerationRun(after);
        Assert.Empty(check.CheckDrift(await check.GenerateAsync(after.CommittedEntries, compile: false, TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task Adding_a_version_twice_is_refused_and_nothing_changes()
    {
        using var temp = new TempFolder();
        var layout = CreateRepository(temp, "9.0+");
        var before = File.ReadAllText(layout.SpecLockPath);
        var ex = await Assert.ThrowsAsync<GenerationException>(() => VersionAdder.AddAsync(layout, ApiVersion.Parse("9.1"), SpecSource.Resolve(Path.Combine(temp.Path, "mirror")), null, TestContext.Current.CancellationToken));
        Assert.Contains("already in the spec lock", ex.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(layout.SpecLockPath));
    }

    [Fact]
    public async Task A_spec_that_does_not_generate_leaves_the_lock_untouched()
    {
        using var temp = new TempFolder();
        var layout = CreateRepository(temp, "9.0+");
        temp.Write("mirror/v9.3.yaml", FixtureSpecs.Spec("""
              A:
                $ref: "#/definitions/Missing"
            """));
        var before = File.ReadAllText(layout.SpecLockPath);
        await Assert.ThrowsAsync<GenerationException>(() => VersionAdder.AddAsync(layout, ApiVersion.Parse("9.3"), SpecSource.Resolve(Path.Combine(temp.Path, "mirror")), null, TestContext.Current.CancellationToken));
        Assert.Equal(before, File.ReadAllText(layout.SpecLockPath));
        Assert.False(Directory.Exists(layout.ProjectFolder(ApiVersion.Parse("9.3"))));
    }
}
