using DockerApiGen.Packaging.Tests.Support;

namespace DockerApiGen.Packaging.Tests;

/// <summary>The dockerapigen tool installed from the folder, used outside any clone of the repository.</summary>
public sealed class ToolTests(PackageFolder folder)
{
    [Fact]
    public async Task The_tool_installs_from_the_folder_and_diffs_two_versions_outside_the_repository()
    {
        var specs = Repository.SpecSource;
        if (specs is null)
        {
            Assert.Skip("No spec mirror: set DOCKERAPIGEN_SPEC_SOURCE (CI does).");
        }

        using var nuget = await IsolatedNuGet.CreateAsync(await folder.PathAsync());
        var tools = Path.Combine(nuget.Root, "tools");
        await ProcessRunner.DotnetAsync(nuget.Root, nuget.Environment, "tool", "install", "dockerapigen", "--tool-path", tools, "--version", Repository.Version, "--configfile", nuget.ConfigFile);
        // The configuration maps dockerapigen to the packed folder alone; the tool store keeps no source to check.
        Assert.True(File.Exists(Path.Combine(tools, ".store", "dockerapigen", Repository.Version, "dockerapigen", Repository.Version, $"dockerapigen.{Repository.Version}.nupkg")));

        var diff = await ProcessRunner.RunAsync(Path.Combine(tools, "dockerapigen"), ["diff", "1.41", "1.42"], nuget.Work, new Dictionary<string, string?>(nuget.Environment)
        {
            ["DOCKERAPIGEN_SPEC_SOURCE"] = specs,
        });

        Assert.True(diff.ExitCode == 0, diff.Output);
        Assert.Matches(@"^v1\.41 → v1\.42: \d+ breaking, \d+ possibly breaking, \d+ non-breaking\.", diff.Output);
        Assert.Contains("parameter-added-optional", diff.Output, StringComparison.Ordinal);
        Assert.True(Directory.Exists(Path.Combine(nuget.Root, "data", "dockerapigen", "specs")), "The tool should cache specs in the user's data folder.");
    }
}
