using DockerApiGen.Packaging.Tests.Support;
using DockerApiGen.Tests.Shared;

namespace DockerApiGen.Packaging.Tests;

/// <summary>Each sample builds (warnings are errors) from the packed packages and does what it says against the test daemon.</summary>
public sealed class SampleTests(PackageFolder folder)
{
    [Fact]
    public async Task QuickStart_runs_busybox_echo_reads_the_log_and_removes_the_container()
    {
        var socket = TestDaemon.SocketOrSkip();
        using var nuget = await IsolatedNuGet.CreateAsync(await folder.PathAsync());
        var output = await Samples.BuildAsync(nuget, "QuickStart");

        var run = await Samples.RunAsync(Path.Combine(output, "QuickStart.dll"), socket);

        Assert.Matches(@"Container [0-9a-f]{12} exited with 0 and said: hello from busybox", run.Output);
        await Samples.AssertNoContainerLeftAsync("quickstart");
    }

    [Fact]
    public async Task ContainerLifecycle_waits_for_the_log_line_execs_copies_a_file_out_and_cleans_up()
    {
        var socket = TestDaemon.SocketOrSkip();
        using var nuget = await IsolatedNuGet.CreateAsync(await folder.PathAsync());
        var output = await Samples.BuildAsync(nuget, "ContainerLifecycle");

        var run = await Samples.RunAsync(Path.Combine(output, "ContainerLifecycle.dll"), socket);

        Assert.Contains("Log line seen: server ready on port 8080", run.Output, StringComparison.Ordinal);
        Assert.Contains("Exec exited with 0 and printed: report-42", run.Output, StringComparison.Ordinal);
        Assert.Contains("Copied /tmp/report.txt out (10 bytes): report-42", run.Output, StringComparison.Ordinal);
        await Samples.AssertNoContainerLeftAsync("container-lifecycle");
    }

    [Fact]
    public async Task VersionPicker_talks_v1_41_to_an_engine_20_10_daemon()
    {
        var socket = TestDaemon.SocketOrSkip();
        using var nuget = await IsolatedNuGet.CreateAsync(await folder.PathAsync());
        var output = await Samples.BuildAsync(nuget, "VersionPicker");

        var run = await Samples.RunAsync(Path.Combine(output, "VersionPicker.dll"), socket);

        // The test daemon is Engine 20.10 (API 1.12-1.41): of 1.41 and 1.44 it serves only 1.41.
        Assert.Contains("Packaged API versions it serves: 1.41\n", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"Using DockerApiGen\.Engine\.V1_41: \d+ containers, \d+ images, storage driver vfs\.", run.Output);
        nuget.AssertRestoredFromPackedFolder("DockerApiGen.Engine.V1_44");
    }

    [Fact]
    public async Task WorkerService_gets_its_client_from_DI_logs_requests_and_the_demo_containers_events()
    {
        var socket = TestDaemon.SocketOrSkip();
        using var nuget = await IsolatedNuGet.CreateAsync(await folder.PathAsync());
        var output = await Samples.BuildAsync(nuget, "WorkerService");

        var run = await Samples.RunAsync(Path.Combine(output, "WorkerService.dll"), socket, "--Worker:RunDemoContainer=true", $"--Worker:Image={Samples.Image}");

        Assert.Contains("Watching dockerapigen.sample=worker containers on Docker Engine 20.10", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"Docker GET /v1\.41/version answered 200", run.Output);
        Assert.Matches(@"Container [0-9a-f]{12}: start", run.Output);
        Assert.Matches(@"Demo container [0-9a-f]{12} exited with 0", run.Output);
        Assert.Contains("The demo container is gone; stopping.", run.Output, StringComparison.Ordinal);
        await Samples.AssertNoContainerLeftAsync("worker");
    }
}
