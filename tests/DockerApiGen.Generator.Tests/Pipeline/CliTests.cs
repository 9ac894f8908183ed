using DockerApiGen.Cli;
using DockerApiGen.Generator.Pipeline;
using DockerApiGen.Generator.Tests.Support;

namespace DockerApiGen.Generator.Tests.Pipeline;

/// <summary>The command line: the Engine stays the default of every command; --family runs the same commands on another family.</summary>
public sealed class CliTests
{
    [Theory]
    [InlineData("pull")]
    [InlineData("generate", "--check", "--version", "1.41", "--all", "--source", "/mirror")]
    [InlineData("add-version", "1.56", "--source", "/mirror", "--url", "https://example.invalid/v1.56.yaml")]
    [InlineData("diff", "1.41", "1.42", "--steps", "--format", "json")]
    [InlineData("accept-surface", "1.41")]
    public void Every_command_parses_as_before_and_works_on_the_engine_by_default(params string[] args)
    {
        var parsed = CliApplication.Create().Parse(args);
        Assert.Empty(parsed.Errors);
        Assert.Equal("engine", parsed.GetValue(CommonOptions.Family));
        Assert.Equal("hub", CliApplication.Create().Parse([.. args, "--family", "hub"]).GetValue(CommonOptions.Family));
    }

    [Fact]
    public void The_default_family_is_the_engine_with_its_mirror_variable()
    {
        var inputs = GeneratorInputs.Load(TestRepository.Layout);
        Assert.Equal(("engine", "DOCKERAPIGEN_SPEC_SOURCE"), (inputs.Family.Name, inputs.Family.MirrorVariable));
        Assert.Equal(inputs.Lock.Path, TestRepository.Layout.SpecLockPath);
        Assert.Equal(Path.Combine(TestRepository.Layout.Root, ".cache", "specs"), inputs.Cache.Folder);
        Assert.Equal("DOCKERAPIGEN_HUB_SPEC_SOURCE", GeneratorInputs.Load(TestRepository.Layout, "hub").Family.MirrorVariable);
    }

    [Fact]
    public async Task A_family_whose_document_is_in_the_repository_pulls_generates_and_checks_drift()
    {
        using var temp = new TempFolder();
        var root = TestFamilies.Write(temp, "widgets", "number", "  - version: \"1.0\"\n    path: openapi.yaml\n");
        var document = temp.Write("repo/specs/widgets/openapi.yaml", OpenApi3Fixtures.Rich);
        string[] Args(params string[] args) => [.. args, "--family", "widgets", "--repo", root];

        Assert.Equal(0, await CliApplication.RunAsync(Args("pull")));
        Assert.False(Directory.Exists(Path.Combine(root, ".cache")), "A repository document is read in place, never cached.");
        Assert.Equal(1, await CliApplication.RunAsync(Args("generate", "--check")));
        Assert.Equal(0, await CliApplication.RunAsync(Args("generate")));

        var project = Path.Combine(root, "src", "DockerApiGen.Widgets");
        Assert.True(File.Exists(Path.Combine(project, "DockerApiGen.Widgets.csproj")));
        Assert.False(Directory.Exists(Path.Combine(project, "Generated", "Clients")));
        var context = File.ReadAllText(Path.Combine(project, "Generated", "WidgetsJsonContext.cs"));
        Assert.Contains($"Docker Widgets API v1.0 spec (sha256 {Generator.Specs.SpecCache.Sha256Of(File.ReadAllBytes(document))})", context, StringComparison.Ordinal);
        Assert.Contains("namespace DockerApiGen.Widgets.Models;", File.ReadAllText(Path.Combine(project, "Generated", "Models", "Widget.cs")), StringComparison.Ordinal);
        Assert.Equal(0, await CliApplication.RunAsync(Args("generate", "--check")));

        // The document is pinned by git: an edit is drift until generate runs again.
        File.WriteAllText(document, OpenApi3Fixtures.Rich.Replace("description: Not found", "description: No such widget", StringComparison.Ordinal));
        Assert.Equal(1, await CliApplication.RunAsync(Args("generate", "--check")));
        Assert.Equal(2, await CliApplication.RunAsync(["pull", "--family", "gadgets", "--repo", root]));
    }
}
