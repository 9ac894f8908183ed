using DockerApiGen.Packaging.Tests.Support;
using DockerApiGen.Tests.Shared;

namespace DockerApiGen.Packaging.Tests;

/// <summary>A stranger's console app: `dotnet new console`, the package from the folder alone, run against the daemon.</summary>
public sealed class ConsumerTests(PackageFolder folder)
{
    [Fact]
    public async Task A_new_console_app_takes_V1_41_from_the_folder_builds_without_warnings_and_runs_against_the_daemon()
    {
        var socket = TestDaemon.SocketOrSkip();
        using var nuget = await IsolatedNuGet.CreateAsync(await folder.PathAsync());
        var app = Path.Combine(nuget.Work, "Consumer");

        await ProcessRunner.DotnetAsync(nuget.Root, nuget.Environment, "new", "console", "--name", "Consumer", "--output", app, "--framework", "net10.0");
        await ProcessRunner.DotnetAsync(app, nuget.Environment, "add", "package", "DockerApiGen.Engine.V1_41", "--version", Repository.Version);
        File.Copy(Path.Combine(Repository.Sample("QuickStart"), "Program.cs"), Path.Combine(app, "Program.cs"), overwrite: true);
        await ProcessRunner.DotnetAsync(app, nuget.Environment, "build", "-c", "Release", "-warnaserror", "-nologo");
        nuget.AssertRestoredFromPackedFolder("DockerApiGen.Engine.V1_41");
        nuget.AssertRestoredFromPackedFolder("DockerApiGen.Runtime");

        var run = await ProcessRunner.DotnetAsync(app, new Dictionary<string, string?>(nuget.Environment)
        {
            ["DOCKER_HOST"] = "unix://" + socket,
            ["SAMPLE_IMAGE"] = Samples.Image,
        }, "run", "-c", "Release", "--no-build");

        Assert.Matches(@"The daemon has \d+ containers\.", run.Output);
        Assert.Matches(@"Container [0-9a-f]{12} exited with 0 and said: hello from busybox", run.Output);
        Assert.Matches(@"Removed [0-9a-f]{12}\.", run.Output);
        await Samples.AssertNoContainerLeftAsync("quickstart");
    }
}
