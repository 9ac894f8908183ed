using DockerApiGen.Packaging.Tests.Support;
using DockerApiGen.Tests.Shared;

namespace DockerApiGen.Packaging.Tests;

/// <summary>The NativeAot sample: published as a native executable with no trim or AOT warning, and it works.</summary>
public sealed class NativeAotTests(PackageFolder folder)
{
    [Fact]
    public async Task The_native_sample_publishes_without_warnings_and_streams_a_log_and_execs_against_the_daemon()
    {
        var socket = TestDaemon.SocketOrSkip();
        using var nuget = await IsolatedNuGet.CreateAsync(await folder.PathAsync());
        var output = Path.Combine(nuget.Work, "aot");

        var publish = await ProcessRunner.DotnetAsync(Repository.Sample("NativeAot"), nuget.Environment, "publish", "-c", "Release", "-nologo", "-warnaserror", "-o", output, $"-p:RestoreConfigFile={nuget.ConfigFile}", "-p:RestoreNoCache=true");
        Assert.DoesNotMatch(@"warning (IL|NETSDK|CS)\d+", publish.Output);
        nuget.AssertRestoredFromPackedFolder("DockerApiGen.Engine.V1_41");
        var binary = Path.Combine(output, "NativeAot");
        Assert.True(File.Exists(binary), $"No native executable at {binary}:\n{publish.Output}");
        Assert.False(File.Exists(Path.Combine(output, "NativeAot.dll")), "A native publish has no IL assembly beside the executable.");

        var run = await Samples.RunAsync(binary, socket);

        Assert.Matches(@"Daemon: API 1\.12–1\.41 \(engine 20\.10", run.Output);
        Assert.Contains("log: tick 1\nlog: tick 2\nlog: tick 3\nlog: ready\n", run.Output, StringComparison.Ordinal);
        Assert.Contains("exec: exec works", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"Removed [0-9a-f]{12}; the scenario took \d+ ms\.", run.Output);
        await Samples.AssertNoContainerLeftAsync("native-aot");
    }
}
