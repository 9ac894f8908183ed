using DockerApiGen.Generator.Diagnostics;
using DockerApiGen.Generator.Pipeline;
using DockerApiGen.Generator.Specs;
using DockerApiGen.Generator.Tests.Support;

namespace DockerApiGen.Generator.Tests.Pipeline;

public sealed class AddVersionTests
{
    private static readonly ApiVersion V92 = ApiVersion.Parse("9.2");

    private static SpecSource Mirror(TempFolder temp) => SpecSource.Resolve(Path.Combine(temp.Path, "mirror"));

    [Fact]
    public async Task Adds_the_lock_entry_project_generated_code_and_snapshot()
    {
        using var temp = new TempFolder();
        var layout = FixtureRepository.Create(temp, "9.0+");
        await using var upstream = new LocalHttpServer();
        upstream.Serve("/specs/v9.2.yaml", FixtureRepository.Bytes("9.2"));
        var url = new Uri(upstream.BaseUrl, "specs/v9.2.yaml");

        var result = await VersionAdder.AddAsync(layout, V92, Mirror(temp), url, TestContext.Current.CancellationToken);

        var entry = SpecLock.Load(layout.SpecLockPath).Get(V92);
        Assert.Equal(SpecCache.Sha256Of(File.ReadAllBytes(Path.Combine(temp.Path, "mirror", "v9.2.yaml"))), entry.Sha256);
        Assert.Equal(url, entry.Url);
        Assert.Equal(UrlCheck.Verified, result.UrlCheck);
        Assert.True(result.ProjectWritten);
        var project = layout.ProjectFolder("DockerApiGen.Engine.V9_2");
        Assert.True(File.Exists(Path.Combine(project, "DockerApiGen.Engine.V9_2.csproj")));
        Assert.Contains("A widget, v9.2.", File.ReadAllText(Path.Combine(project, "Generated", "Models", "Widget.cs")), StringComparison.Ordinal);
        Assert.Contains("DockerApiGen.Engine.V9_2.Models.Widget", File.ReadAllText(Path.Combine(layout.SnapshotsFolder, "V9_2.verified.txt")), StringComparison.Ordinal);

        // The new version now takes part in generation and the drift check like any other.
        var inputs = GeneratorInputs.Load(layout);
        var run = new GenerationRun(inputs);
        await run.EnsureSpecsAsync(inputs.CommittedEntries, Mirror(temp), TestContext.Current.CancellationToken);
        var outputs = await run.GenerateAsync(inputs.CommittedEntries.Where(e => e.Version == V92).ToList(), compile: false, TestContext.Current.CancellationToken);
        Assert.Empty(run.CheckDrift(outputs));
    }

    [Fact]
    public async Task A_version_that_removes_a_property_re_marks_the_older_committed_package()
    {
        using var temp = new TempFolder();
        var layout = FixtureRepository.Create(temp, "9.0+", availabilityMarkers: true);
        const string labels = "      Labels:\n        type: \"object\"\n        additionalProperties:\n          type: \"string\"\n";
        Assert.Contains(labels, FixtureRepository.Spec("9.2"), StringComparison.Ordinal);
        var withoutLabels = FixtureRepository.Spec("9.2").Replace(labels, string.Empty, StringComparison.Ordinal);
        temp.Write("mirror/v9.2.yaml", withoutLabels);
        await using var upstream = new LocalHttpServer();
        upstream.Serve("/specs/v9.2.yaml", System.Text.Encoding.UTF8.GetBytes(withoutLabels));
        var inputs = GeneratorInputs.Load(layout);
        var run = new GenerationRun(inputs);
        await run.EnsureSpecsAsync(inputs.Lock.Entries, Mirror(temp), TestContext.Current.CancellationToken);
        run.Write(await run.GenerateAsync(inputs.CommittedEntries, compile: false, TestContext.Current.CancellationToken));
        var widget91 = Path.Combine(layout.ProjectFolder("DockerApiGen.Engine.V9_1"), "Generated", "Models", "Widget.cs");
        Assert.DoesNotContain("RemovedIn", File.ReadAllText(widget91), StringComparison.Ordinal);

        var result = await VersionAdder.AddAsync(layout, V92, Mirror(temp), new Uri(upstream.BaseUrl, "specs/v9.2.yaml"), TestContext.Current.CancellationToken);

        Assert.Equal([ApiVersion.Parse("9.1")], result.Remarked);
        Assert.Contains("[DockerApiVersion(RemovedIn = \"9.2\")]\n    public IDictionary<string, string>? Labels", File.ReadAllText(widget91), StringComparison.Ordinal);
        Assert.Contains("[DockerApiVersion(RemovedIn = \"9.2\")]", File.ReadAllText(Path.Combine(layout.SnapshotsFolder, "V9_1.verified.txt")), StringComparison.Ordinal);
        var after = GeneratorInputs.Load(layout);
        var check = new GenerationRun(after);
        Assert.Empty(check.CheckDrift(await check.GenerateAsync(after.CommittedEntries, compile: false, TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task A_mirror_folder_without_url_is_refused_because_the_lock_would_hold_a_guess()
    {
        using var temp = new TempFolder();
        var layout = FixtureRepository.Create(temp, "9.0+");
        var before = File.ReadAllText(layout.SpecLockPath);

        var ex = await Assert.ThrowsAsync<GenerationException>(() => VersionAdder.AddAsync(layout, V92, Mirror(temp), null, TestContext.Current.CancellationToken));

        Assert.Contains("Pass --url", ex.Message, StringComparison.Ordinal);
        Assert.Contains("upstream --add", ex.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(layout.SpecLockPath));
        Assert.False(Directory.Exists(layout.ProjectFolder("DockerApiGen.Engine.V9_2")));
    }

    [Fact]
    public async Task A_mirror_url_source_pins_the_address_the_file_was_read_from()
    {
        using var temp = new TempFolder();
        var layout = FixtureRepository.Create(temp, "9.0+");
        await using var mirror = new LocalHttpServer();
        mirror.Serve("/mirror/v9.2.yaml", FixtureRepository.Bytes("9.2"));

        var result = await VersionAdder.AddAsync(layout, V92, SpecSource.Resolve(new Uri(mirror.BaseUrl, "mirror").ToString()), null, TestContext.Current.CancellationToken);

        Assert.Equal(new Uri(mirror.BaseUrl, "mirror/v9.2.yaml"), SpecLock.Load(layout.SpecLockPath).Get(V92).Url);
        Assert.Equal(UrlCheck.ReadFromIt, result.UrlCheck);
        Assert.Equal(["/mirror/v9.2.yaml"], mirror.Requests);
    }

    [Theory]
    [InlineData("other file", "serves a file with sha256")]
    [InlineData("missing", "answers HTTP 404")]
    public async Task A_url_that_does_not_serve_the_spec_read_is_refused_before_anything_is_written(string served, string expected)
    {
        using var temp = new TempFolder();
        var layout = FixtureRepository.Create(temp, "9.0+");
        await using var upstream = new LocalHttpServer();
        if (served == "other file")
        {
            upstream.Serve("/specs/v9.2.yaml", FixtureRepository.Bytes("9.1"));
        }

        var before = File.ReadAllText(layout.SpecLockPath);
        var ex = await Assert.ThrowsAsync<GenerationException>(() => VersionAdder.AddAsync(layout, V92, Mirror(temp), new Uri(upstream.BaseUrl, "specs/v9.2.yaml"), TestContext.Current.CancellationToken));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(layout.SpecLockPath));
        Assert.False(Directory.Exists(layout.ProjectFolder("DockerApiGen.Engine.V9_2")));
        Assert.False(File.Exists(Path.Combine(layout.SnapshotsFolder, "V9_2.verified.txt")));
    }

    [Fact]
    public async Task A_url_that_cannot_be_reached_is_pinned_with_a_warning()
    {
        using var temp = new TempFolder();
        var layout = FixtureRepository.Create(temp, "9.0+");

        // Port 1 on the loopback: the connection is refused at once, as without network access.
        var result = await VersionAdder.AddAsync(layout, V92, Mirror(temp), new Uri("http://127.0.0.1:1/specs/v9.2.yaml"), TestContext.Current.CancellationToken);

        Assert.Equal(UrlCheck.Unreachable, result.UrlCheck);
        Assert.False(string.IsNullOrEmpty(result.UrlCheckDetail));
        Assert.Equal("http://127.0.0.1:1/specs/v9.2.yaml", SpecLock.Load(layout.SpecLockPath).Get(V92).Url.ToString());
    }

    [Fact]
    public async Task A_url_naming_a_branch_is_refused_because_it_moves()
    {
        using var temp = new TempFolder();
        var layout = FixtureRepository.Create(temp, "9.0+");
        var ex = await Assert.ThrowsAsync<GenerationException>(() => VersionAdder.AddAsync(
            layout, V92, Mirror(temp), new Uri("https://raw.githubusercontent.com/moby/moby/master/api/swagger.yaml"), TestContext.Current.CancellationToken));
        Assert.Contains("'master', which moves", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_spec_declaring_another_version_is_refused()
    {
        using var temp = new TempFolder();
        var layout = FixtureRepository.Create(temp, "9.0+");
        temp.Write("mirror/v9.3.yaml", FixtureRepository.Spec("9.2"));
        var ex = await Assert.ThrowsAsync<GenerationException>(() => VersionAdder.AddAsync(
            layout, ApiVersion.Parse("9.3"), Mirror(temp), new Uri("https://example.invalid/specs/v9.3.yaml"), TestContext.Current.CancellationToken));
        Assert.Contains("declares version '9.2', not 9.3", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Adding_a_version_twice_is_refused_and_nothing_changes()
    {
        using var temp = new TempFolder();
        var layout = FixtureRepository.Create(temp, "9.0+");
        var before = File.ReadAllText(layout.SpecLockPath);
        var ex = await Assert.ThrowsAsync<GenerationException>(() => VersionAdder.AddAsync(layout, ApiVersion.Parse("9.1"), Mirror(temp), null, TestContext.Current.CancellationToken));
        Assert.Contains("already in the spec lock", ex.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(layout.SpecLockPath));
    }

    [Fact]
    public async Task A_spec_that_does_not_generate_leaves_the_lock_untouched()
    {
        using var temp = new TempFolder();
        var layout = FixtureRepository.Create(temp, "9.0+");
        temp.Write("mirror/v9.3.yaml", FixtureSpecs.Spec("""
              A:
                $ref: "#/definitions/Missing"
            """).Replace("version: \"9.1\"", "version: \"9.3\"", StringComparison.Ordinal));
        var before = File.ReadAllText(layout.SpecLockPath);
        var ex = await Assert.ThrowsAsync<GenerationException>(() => VersionAdder.AddAsync(
            layout, ApiVersion.Parse("9.3"), Mirror(temp), new Uri("https://example.invalid/specs/v9.3.yaml"), TestContext.Current.CancellationToken));
        Assert.Contains("Missing", ex.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(layout.SpecLockPath));
        Assert.False(Directory.Exists(layout.ProjectFolder("DockerApiGen.Engine.V9_3")));
    }
}
