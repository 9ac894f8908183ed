using DockerApiGen.Runtime.Errors;
using DockerApiGen.Runtime.Query;

namespace DockerApiGen.Integration;

/// <summary>Volumes and networks.</summary>
public sealed class VolumeAndNetworkScenarios
{
    [Fact]
    public async Task A_volume_is_created_listed_inspected_mounted_removed_and_pruned()
    {
        using var docker = Daemon.Client();
        var name = Daemon.Name("vol");
        var volume = await docker.Volumes.CreateAsync(new VolumeCreateOptions { Name = name, Labels = Daemon.Labels }, Daemon.Token);
        Assert.Equal(name, volume.Name);
        Assert.Equal(name, (await docker.Volumes.InspectAsync(name, Daemon.Token)).Name);
        var listed = await docker.Volumes.ListAsync(new VolumeListOptions { Filters = new DockerFilters().Add("label", Daemon.LabelFilter) }, Daemon.Token);
        Assert.Contains(listed.Volumes ?? [], v => v.Name == name);

        var writer = await Daemon.CreateContainerAsync(docker, "echo kept > /data/file", c => c.HostConfig!.Binds = [name + ":/data"]);
        await docker.Containers.StartAsync(writer, cancellationToken: Daemon.Token);
        Assert.Equal(0, (await docker.Containers.WaitAsync(writer, cancellationToken: Daemon.Token)).StatusCode);
        await Assert.ThrowsAsync<DockerConflictException>(() => docker.Volumes.DeleteAsync(name, cancellationToken: Daemon.Token));
        await Daemon.RemoveContainerAsync(docker, writer);

        await docker.Volumes.DeleteAsync(name, cancellationToken: Daemon.Token);
        await Assert.ThrowsAsync<DockerNotFoundException>(() => docker.Volumes.InspectAsync(name, Daemon.Token));

        var unused = Daemon.Name("unused");
        await docker.Volumes.CreateAsync(new VolumeCreateOptions { Name = unused, Labels = Daemon.Labels }, Daemon.Token);
        var pruned = await docker.Volumes.PruneAsync(new VolumePruneOptions { Filters = new DockerFilters().Add("label", Daemon.LabelFilter) }, Daemon.Token);
        Assert.Contains(unused, pruned.VolumesDeleted ?? []);
    }

    [Fact]
    public async Task A_network_is_created_connected_inspected_disconnected_removed_and_pruned()
    {
        using var docker = Daemon.Client();
        var name = Daemon.Name("net");
        var network = await docker.Networks.CreateAsync(new NetworkCreateRequest { Name = name, Driver = "bridge", Labels = Daemon.Labels, CheckDuplicate = true }, Daemon.Token);
        var container = await Daemon.CreateContainerAsync(docker, "sleep 300", c => c.HostConfig!.NetworkMode = null);
        try
        {
            await docker.Networks.ConnectAsync(network.Id!, new NetworkConnectRequest { Container = container }, Daemon.Token);
            await docker.Containers.StartAsync(container, cancellationToken: Daemon.Token);
            var inspected = await docker.Networks.InspectAsync(network.Id!, new NetworkInspectOptions { Verbose = false }, Daemon.Token);
            Assert.Equal(name, inspected.Name);
            Assert.Contains(container, inspected.Containers?.Keys ?? []);
            Assert.Contains(name, (await docker.Containers.InspectAsync(container, cancellationToken: Daemon.Token)).NetworkSettings?.Networks?.Keys ?? []);

            await docker.Networks.DisconnectAsync(network.Id!, new NetworkDisconnectRequest { Container = container, Force = true }, Daemon.Token);
            Assert.DoesNotContain(container, (await docker.Networks.InspectAsync(network.Id!, cancellationToken: Daemon.Token)).Containers?.Keys ?? []);

            var listed = await docker.Networks.ListAsync(new NetworkListOptions { Filters = new DockerFilters().Add("label", Daemon.LabelFilter) }, Daemon.Token);
            Assert.Contains(listed, n => n.Id == network.Id);
        }
        finally
        {
            await Daemon.RemoveContainerAsync(docker, container);
        }

        await docker.Networks.DeleteAsync(network.Id!, Daemon.Token);
        await Assert.ThrowsAsync<DockerNotFoundException>(() => docker.Networks.InspectAsync(network.Id!, cancellationToken: Daemon.Token));

        var unused = await docker.Networks.CreateAsync(new NetworkCreateRequest { Name = Daemon.Name("unused"), Labels = Daemon.Labels }, Daemon.Token);
        var pruned = await docker.Networks.PruneAsync(new NetworkPruneOptions { Filters = new DockerFilters().Add("label", Daemon.LabelFilter) }, Daemon.Token);
        Assert.Contains(pruned.NetworksDeleted ?? [], n => n.StartsWith("dagen-", StringComparison.Ordinal));
        await Assert.ThrowsAsync<DockerNotFoundException>(() => docker.Networks.InspectAsync(unused.Id!, cancellationToken: Daemon.Token));
    }
}
