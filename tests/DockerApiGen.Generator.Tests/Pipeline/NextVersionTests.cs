using System.Text;
using DockerApiGen.Generator.Pipeline;
using DockerApiGen.Generator.Specs;
using DockerApiGen.Generator.Tests.Support;
using DockerApiGen.Generator.Upstream;

namespace DockerApiGen.Generator.Tests.Pipeline;

/// <summary>
/// The README's workflow for a new Engine API version, end to end, on a temp copy of the repository's
/// specs: a fixture "next version" (the newest locked spec, renumbered and with one new field) appears
/// upstream as <c>api/swagger.yaml</c>; <c>upstream --add</c> adds it; then the checks of the test command
/// that depend on the version set must pass.
/// </summary>
/// <remarks>
/// Why not run build/test.sh on the copy: it builds the whole solution and regenerates every version
/// (minutes), which would double CI. What can break when a version is added is what depends on the
/// version set, and those checks are written once (<see cref="VersionSetChecks"/>) and run here on the
/// new version: the lock's shape, the mirror comparison, generation from the lock with compilation
/// (the same compiler, references and JSON source generator as the package build), one method per
/// operation, the surface snapshot, the drift check, and the solution entry. The package projects'
/// own build and the contract tests take new versions by glob and from the lock.
/// </remarks>
public sealed class NextVersionTests
{
    private const string Commit = "fedcba9876543210fedcba9876543210fedcba98";

    [Fact]
    public async Task Upstream_add_of_a_fixture_next_version_then_the_version_set_checks_pass()
    {
        var token = TestContext.Current.CancellationToken;
        var real = GeneratorInputs.Load(TestRepository.Layout);
        var latest = real.Lock.Entries[^1];
        var next = new ApiVersion(latest.Version.Major, latest.Version.Minor + 1);
        await real.Cache.PullAsync([latest], TestRepository.SpecSource, force: false, token);
        var latestBytes = await File.ReadAllBytesAsync(real.Cache.PathOf(latest.Version), token);

        using var temp = new TempFolder();
        var layout = CopyRepository(TestRepository.Layout, Path.Combine(temp.Path, "repo"));
        await using var upstream = new UpstreamStandIn();
        upstream.Publish("master", Commit, new Dictionary<string, byte[]> { [latest.Version.SpecFileName] = latestBytes }, NextSpec(latestBytes, latest.Version, next));

        // The README's command: `dockerapigen upstream --add`.
        var status = await UpstreamUpdater.CheckAsync(layout, upstream.Repository, "master", token);
        Assert.Equal([next], status.Newer.Select(s => s.Version));
        var added = Assert.Single(await UpstreamUpdater.AddNewerAsync(layout, status, null, token));
        Assert.True(added.ProjectWritten);

        // What the test command checks that depends on the version set, now with the new version in it.
        var inputs = GeneratorInputs.Load(layout);
        Assert.Equal(next, inputs.Lock.Entries[^1].Version);
        var lockProblems = VersionSetChecks.LockProblems(inputs.Lock, UpstreamRepository.Engine, upstream.Repository);
        Assert.True(lockProblems.Count == 0, string.Join("\n", lockProblems));

        if (TestRepository.SpecSource is SpecSource.MirrorFolderSource mirror && File.Exists(Path.Combine(mirror.Folder, "SHA256SUMS")))
        {
            var comparison = VersionSetChecks.CompareWithMirror(inputs.Lock, mirror.Folder);
            Assert.Empty(comparison.Mismatched);
            Assert.Equal([next], comparison.Missing.Select(e => e.Version));
            Assert.Contains(next.SpecFileName, comparison.MissingAdvice, StringComparison.Ordinal);
        }

        var run = new GenerationRun(inputs);
        var newEntry = inputs.Lock.Get(next);
        await run.EnsureSpecsAsync([newEntry], SpecSource.Upstream, token);
        var outputs = await run.GenerateAsync([newEntry], compile: true, token);
        var problems = VersionSetChecks.OutputProblems(run, [next], outputs);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Contains(outputs[0].Model.FindType("SystemInfo") is Model.ObjectType info ? info.Properties : [], p => p.WireName == "FixtureNextField");

        Assert.True(added.AddedToSolution);
        Assert.Contains($"DockerApiGen.Engine.{next.Identifier}.csproj", await File.ReadAllTextAsync(layout.SolutionPath, token), StringComparison.Ordinal);
        Assert.Contains(inputs.CommittedEntries, e => e.Version == next);
    }

    /// <summary>The newest spec renumbered as the next version, with one new optional field in SystemInfo.</summary>
    private static byte[] NextSpec(byte[] latest, ApiVersion from, ApiVersion to)
    {
        var text = Encoding.UTF8.GetString(latest);
        var anchor = "  SystemInfo:\n    type: \"object\"\n    properties:\n";
        Assert.Contains(anchor, text, StringComparison.Ordinal);
        text = text
            .Replace($"version: \"{from}\"", $"version: \"{to}\"", StringComparison.Ordinal)
            .Replace($"basePath: \"/v{from}\"", $"basePath: \"/v{to}\"", StringComparison.Ordinal)
            .Replace(anchor, anchor + "      FixtureNextField:\n        description: \"A field only the fixture next version has.\"\n        type: \"string\"\n", StringComparison.Ordinal);
        return Encoding.UTF8.GetBytes(text);
    }

    /// <summary>Copies what add-version and the checks read: specs/, the solution file, and an empty snapshot folder.</summary>
    private static RepositoryLayout CopyRepository(RepositoryLayout from, string root)
    {
        var specs = Path.Combine(from.Root, "specs");
        foreach (var file in Directory.EnumerateFiles(specs, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(root, "specs", Path.GetRelativePath(specs, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        File.Copy(from.SolutionPath, Path.Combine(root, Path.GetFileName(from.SolutionPath)));
        var layout = new RepositoryLayout(root);
        Directory.CreateDirectory(layout.SnapshotsFolder);
        return layout;
    }
}
