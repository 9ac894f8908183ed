using DockerApiGen.Runtime;
using DockerApiGen.Runtime.Errors;
using DockerApiGen.Tests.Shared;
using V1_41 = DockerApiGen.Engine.V1_41;
using V1_55 = DockerApiGen.Engine.V1_55;

namespace DockerApiGen.Models.Tests;

/// <summary>A client pinned to a version the real daemon (API 1.41) does not support gets the version exception.</summary>
public sealed class VersionMismatchTests
{
    [Fact]
    public async Task A_v1_55_client_against_the_1_41_daemon_says_which_package_to_use()
    {
        using var docker = new V1_55.DockerClient(new DockerClientOptions { Endpoint = "unix://" + TestDaemon.SocketOrSkip() });
        var error = await Assert.ThrowsAsync<DockerApiVersionException>(() => docker.Containers.ListAsync(cancellationToken: TestContext.Current.CancellationToken));
        Assert.Equal("1.55", error.RequestedVersion);
        Assert.Equal("1.41", error.MaximumVersion);
        Assert.Contains("DockerApiGen.Engine.V1_41", error.Message, StringComparison.Ordinal);
        Assert.Contains("supports API up to 1.41", error.Message, StringComparison.Ordinal);

        // Every kind of call reports it the same way, streams included.
        await Assert.ThrowsAsync<DockerApiVersionException>(async () =>
        {
            await foreach (var unused in docker.System.GetEventsAsync(cancellationToken: TestContext.Current.CancellationToken))
            {
            }
        });
        await Assert.ThrowsAsync<DockerApiVersionException>(() => docker.System.PingAsync(TestContext.Current.CancellationToken));

        // Or checked up front, before any call.
        var upFront = await Assert.ThrowsAsync<DockerApiVersionException>(() => docker.Connection.EnsureDaemonSupportsVersionAsync(TestContext.Current.CancellationToken));
        Assert.Equal("1.41", upFront.MaximumVersion);
        Assert.Contains("DockerApiGen.Engine.V1_41", upFront.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pinned_v1_41_client_talks_to_the_same_daemon()
    {
        using var docker = new V1_41.DockerClient(new DockerClientOptions { Endpoint = "unix://" + TestDaemon.SocketOrSkip() });
        await docker.Connection.EnsureDaemonSupportsVersionAsync(TestContext.Current.CancellationToken);
        var versions = await docker.Connection.GetDaemonVersionsAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["1.40", "1.41"], versions.Supported(["1.40", "1.41", "1.42", "1.55"]));
        Assert.Equal("1.41", (await docker.System.GetVersionAsync(TestContext.Current.CancellationToken)).ApiVersion);
    }
}
