using DockerApiGen.Generator.Diagnostics;
using DockerApiGen.Generator.Pipeline;
using DockerApiGen.Generator.Specs;
using DockerApiGen.Generator.Tests.Support;

namespace DockerApiGen.Generator.Tests.Pipeline;

/// <summary>add-version for a family of dated snapshots with one package: the package moves to the newest snapshot.</summary>
public sealed class FamilyAddVersionTests
{
    private static readonly ApiVersion March = new(2025, 3, VersionScheme.Date);

    private static (GeneratorInputs Inputs, SpecSource Mirror) Repository(TempFolder temp)
    {
        var august = OpenApi3Fixtures.Rich;
        var root = TestFamilies.Write(temp, "gizmo", "date", $"""
              - version: "2024-08"
                url: https://example.invalid/commit-a/latest.yaml
                sha256: {SpecCache.Sha256Of(System.Text.Encoding.UTF8.GetBytes(august))}

            """, "DOCKERAPIGEN_TEST_GIZMO_SOURCE");
        temp.Write("mirror/2024-08.yaml", august);
        temp.Write("mirror/2025-03.yaml", august.Replace("description: Not found", "description: No such widget", StringComparison.Ordinal));
        var inputs = GeneratorInputs.Load(new RepositoryLayout(root), "gizmo");
        return (inputs, inputs.ResolveSource(Path.Combine(temp.Path, "mirror")));
    }

    [Fact]
    public async Task A_snapshot_whose_url_cannot_be_derived_needs_url_and_nothing_is_written()
    {
        using var temp = new TempFolder();
        var (inputs, mirror) = Repository(temp);
        var before = File.ReadAllText(inputs.Lock.Path);

        var problem = Assert.Single((await Assert.ThrowsAsync<GenerationException>(() => VersionAdder.AddAsync(inputs, March, mirror, null, TestContext.Current.CancellationToken))).Problems);

        Assert.Contains("--url", problem.Hint, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(inputs.Lock.Path));
    }

    [Fact]
    public async Task The_newest_snapshot_gets_the_one_package_and_its_snapshot()
    {
        using var temp = new TempFolder();
        var (inputs, mirror) = Repository(temp);

        var added = await VersionAdder.AddAsync(inputs, March, mirror, new Uri("https://example.invalid/commit-b/latest.yaml"), TestContext.Current.CancellationToken);

        Assert.True(added.ProjectWritten);
        var reloaded = GeneratorInputs.Load(inputs.Layout, "gizmo");
        Assert.Equal(["2024-08", "2025-03"], reloaded.Lock.Entries.Select(e => e.Version.ToString()));
        Assert.Equal("2025-03", Assert.Single(reloaded.CommittedEntries).Version.ToString());
        var project = Path.Combine(inputs.Layout.Root, "src", "DockerApiGen.Gizmo");
        Assert.Contains("Docker Gizmo API 2025-03 spec", File.ReadAllText(Path.Combine(project, "Generated", "GizmoJsonContext.cs")), StringComparison.Ordinal);
        Assert.Contains("DockerApiGen.Gizmo.Models.Widget", File.ReadAllText(Path.Combine(inputs.Layout.SnapshotsFolder, "Gizmo.verified.txt")), StringComparison.Ordinal);
        Assert.Equal(Path.Combine(inputs.Layout.Root, ".cache", "specs", "gizmo", "2025-03.yaml"), reloaded.SpecPathOf(reloaded.Lock.Get(March)));
    }

    [Fact]
    public async Task A_family_of_repository_documents_refuses_add_version()
    {
        using var temp = new TempFolder();
        var root = TestFamilies.Write(temp, "doc", "number", "  - version: \"1.0\"\n    path: openapi.yaml\n");
        var inputs = GeneratorInputs.Load(new RepositoryLayout(root), "doc");
        var problem = Assert.Single((await Assert.ThrowsAsync<GenerationException>(() => VersionAdder.AddAsync(inputs, ApiVersion.Parse("1.1"), SpecSource.Upstream, null, TestContext.Current.CancellationToken))).Problems);
        Assert.Contains("by hand", problem.Hint, StringComparison.Ordinal);
    }
}
