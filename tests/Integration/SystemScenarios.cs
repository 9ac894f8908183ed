using DockerApiGen.Runtime.Query;

namespace DockerApiGen.Integration;

/// <summary>System: ping, version, info, disk usage, and events observed while other calls run.</summary>
public sealed class SystemScenarios
{
    [Fact]
    public async Task Ping_version_info_and_disk_usage_describe_the_test_daemon()
    {
        using var docker = Daemon.Client();
        var ping = await docker.System.PingAsync(Daemon.Token);
        Assert.Equal("1.41", ping.ApiVersion);
        Assert.Equal("linux", ping.OSType);
        var head = await docker.System.PingHeadAsync(Daemon.Token);
        Assert.Equal(ping.ApiVersion, head.ApiVersion);

        var version = await docker.System.GetVersionAsync(Daemon.Token);
        Assert.Equal("1.41", version.ApiVersion);
        Assert.StartsWith("20.10", version.Version, StringComparison.Ordinal);

        var info = await docker.System.GetInfoAsync(Daemon.Token);
        Assert.Equal("vfs", info.Driver);
        Assert.Equal(LocalNodeState.Active, info.Swarm?.LocalNodeState);
        Assert.True(info.Images >= 1);

        var usage = await docker.System.GetDataUsageAsync(Daemon.Token);
        Assert.Contains(usage.Images!, image => image.RepoTags?.Contains(Daemon.BusyboxImage) == true);
    }

    [Fact]
    public async Task Events_arrive_while_other_calls_run_and_the_stream_ends_cleanly_on_cancellation()
    {
        using var docker = Daemon.Client();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Daemon.Token);
        stop.CancelAfter(TimeSpan.FromSeconds(60));
        var filters = new DockerFilters().Add("type", "container").Add("label", Daemon.LabelFilter);
        var seen = new List<EventMessage>();
        string? id = null;
        var created = new TaskCompletionSource();
        var listening = Task.Run(
            async () =>
        {
            // stop is linked to the test's token; cancelling it is what the test is about.
#pragma warning disable xUnit1051
            await foreach (var message in docker.System.GetEventsAsync(new SystemEventsOptions { Filters = filters }, stop.Token))
#pragma warning restore xUnit1051
            {
                lock (seen)
                {
                    seen.Add(message);
                }

                if (message.Action == "destroy" && message.Actor?.ID == Volatile.Read(ref id))
                {
                    created.TrySetResult();
                }
            }
        },
            Daemon.Token);

        // Give the daemon a moment to subscribe before the container's events happen.
        await Task.Delay(500, Daemon.Token);
        Volatile.Write(ref id, await Daemon.CreateContainerAsync(docker, "true"));
        await docker.Containers.StartAsync(id, cancellationToken: Daemon.Token);
        await docker.Containers.WaitAsync(id, cancellationToken: Daemon.Token);
        await docker.Containers.DeleteAsync(id, cancellationToken: Daemon.Token);
        await created.Task.WaitAsync(TimeSpan.FromSeconds(30), Daemon.Token);

        stop.Cancel();
        await listening; // ends without an exception
        lock (seen)
        {
            Assert.Equal(["create", "start", "die", "destroy"], seen.Where(e => e.Actor?.ID == id).Select(e => e.Action!).Where(a => a is "create" or "start" or "die" or "destroy").ToArray());
            Assert.All(seen, e => Assert.Equal(EventMessageType.Container, e.Type));
        }
    }
}
