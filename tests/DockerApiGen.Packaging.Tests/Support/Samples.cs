using System.Net.Http.Json;
using System.Text.Json;
using DockerApiGen.Tests.Shared;

namespace DockerApiGen.Packaging.Tests.Support;

/// <summary>Builds and runs the samples under samples/ against the test daemon, with packages from the packed folder.</summary>
public static class Samples
{
    /// <summary>The image build/start-test-daemon.sh imports (nothing can be pulled here).</summary>
    public const string Image = "dockerapigen/busybox:latest";

    /// <summary>Restores (from the packed folder alone, into the isolated cache) and builds a sample in place.</summary>
    /// <param name="nuget">The isolated NuGet setup.</param>
    /// <param name="sample">The sample's folder name.</param>
    /// <returns>The folder of the built program.</returns>
    public static async Task<string> BuildAsync(IsolatedNuGet nuget, string sample)
    {
        var folder = Repository.Sample(sample);
        await ProcessRunner.DotnetAsync(folder, nuget.Environment, "build", "-c", "Release", "-nologo", "-warnaserror", $"-p:RestoreConfigFile={nuget.ConfigFile}", "-p:RestoreNoCache=true");
        return Path.Combine(folder, "bin", "Release", "net10.0");
    }

    /// <summary>Runs a built sample against the test daemon and returns what it printed (failing the test on a non-zero exit).</summary>
    /// <param name="program">The program: a .dll (run with dotnet) or a native executable.</param>
    /// <param name="socket">The daemon's socket.</param>
    /// <param name="arguments">The program's arguments.</param>
    public static async Task<ProcessResult> RunAsync(string program, string socket, params string[] arguments)
    {
        var environment = new Dictionary<string, string?> { ["DOCKER_HOST"] = "unix://" + socket, ["SAMPLE_IMAGE"] = Image };
        var result = program.EndsWith(".dll", StringComparison.Ordinal)
            ? await ProcessRunner.RunAsync("dotnet", [program, .. arguments], Path.GetDirectoryName(program)!, environment, TimeSpan.FromMinutes(3))
            : await ProcessRunner.RunAsync(program, arguments, Path.GetDirectoryName(program)!, environment, TimeSpan.FromMinutes(3));
        Assert.True(result.ExitCode == 0, $"{Path.GetFileName(program)} exited with {result.ExitCode}:\n{result.Output}");
        return result;
    }

    /// <summary>Asserts that no container of a sample (label <c>dockerapigen.sample</c>) is left on the daemon.</summary>
    /// <param name="sample">The label's value.</param>
    public static async Task AssertNoContainerLeftAsync(string sample)
    {
        using var http = TestDaemon.ClientOrSkip();
        var filters = Uri.EscapeDataString($"{{\"label\":[\"dockerapigen.sample={sample}\"]}}");
        var left = await http.GetFromJsonAsync<JsonElement>($"/v1.41/containers/json?all=true&filters={filters}", TestContext.Current.CancellationToken);
        Assert.Equal(0, left.GetArrayLength());
    }
}
