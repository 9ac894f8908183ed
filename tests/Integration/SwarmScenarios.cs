using System.Text;
using DockerApiGen.Runtime.Errors;
using DockerApiGen.Runtime.Query;
using DockerApiGen.Runtime.Streams;

namespace DockerApiGen.Integration;

/// <summary>Swarm, nodes, services, tasks, secrets, configs, plugins, on the test daemon's single-node swarm.</summary>
public sealed class SwarmScenarios
{
    [Fact]
    public async Task The_swarm_and_its_only_node_are_inspected()
    {
        using var docker = Daemon.Client();
        var swarm = await docker.Swarm.InspectAsync(Daemon.Token);
        Assert.False(string.IsNullOrEmpty(swarm.ID));
        var nodes = await docker.Nodes.ListAsync(cancellationToken: Daemon.Token);
        var node = Assert.Single(nodes);
        Assert.Equal(NodeSpecRole.Manager, node.Spec?.Role);
        Assert.Equal(node.ID, (await docker.Nodes.InspectAsync(node.ID!, Daemon.Token)).ID);
        Assert.Equal(NodeState.Ready, node.Status?.State);
    }

    [Fact]
    public async Task A_service_from_the_registry_runs_tasks_logs_updates_and_is_removed()
    {
        using var docker = Daemon.Client();
        var image = $"{Daemon.Registry}/dockerapigen/busybox:{Daemon.RunId}";
        await docker.Images.TagAsync(Daemon.BusyboxImage, new ImageTagOptions { Repo = $"{Daemon.Registry}/dockerapigen/busybox", Tag = Daemon.RunId }, Daemon.Token);
        await docker.Images.PushAsync($"{Daemon.Registry}/dockerapigen/busybox", Daemon.Credentials, new ImagePushOptions { Tag = Daemon.RunId }, Daemon.Token).WaitForCompletionAsync(cancellationToken: Daemon.Token);

        var name = Daemon.Name("svc");
        var created = await docker.Services.CreateAsync(
            new ServiceCreateRequest
            {
                Name = name,
                Labels = Daemon.Labels,
                TaskTemplate = new TaskSpec { ContainerSpec = new TaskSpecContainerSpec { Image = image, Command = ["sh", "-c", "echo service-says-hello; sleep 600"] } },
                Mode = new ServiceSpecMode { Replicated = new ServiceSpecModeReplicated { Replicas = 1 } },
            },
            new ServiceCreateOptions { RegistryAuth = Daemon.Credentials },
            Daemon.Token);
        try
        {
            var filters = new DockerFilters().Add("service", name);
            await Daemon.EventuallyAsync(async () => (await docker.Tasks.ListAsync(new TaskListOptions { Filters = filters }, Daemon.Token)).Any(t => t.Status?.State == TaskState.Running), "the service's task to run", 90);
            var task = (await docker.Tasks.ListAsync(new TaskListOptions { Filters = filters }, Daemon.Token)).First(t => t.Status?.State == TaskState.Running);
            Assert.Equal(created.ID, (await docker.Tasks.InspectAsync(task.ID!, Daemon.Token)).ServiceID);

            var serviceLines = await ReadLogLinesAsync(() => docker.Services.LogsAsync(created.ID!, new ServiceLogsOptions { Stdout = true }, Daemon.Token));
            Assert.Contains("service-says-hello", serviceLines);
            var taskLines = await ReadLogLinesAsync(() => docker.Tasks.LogsAsync(task.ID!, new TaskLogsOptions { Stdout = true }, Daemon.Token));
            Assert.Contains("service-says-hello", taskLines);

            var service = await docker.Services.InspectAsync(created.ID!, cancellationToken: Daemon.Token);
            var spec = service.Spec!;
            var update = new ServiceUpdateRequest { Name = spec.Name, Labels = new Dictionary<string, string>(spec.Labels!) { ["updated"] = "yes" }, TaskTemplate = spec.TaskTemplate, Mode = spec.Mode };
            var updated = await docker.Services.UpdateAsync(created.ID!, (long)service.Version!.Index!.Value, update, new ServiceUpdateOptions { RegistryAuth = Daemon.Credentials }, Daemon.Token);
            Assert.Empty(updated.Warnings ?? []);
            Assert.Equal("yes", (await docker.Services.InspectAsync(created.ID!, cancellationToken: Daemon.Token)).Spec?.Labels?["updated"]);
            Assert.Contains(await docker.Services.ListAsync(new ServiceListOptions { Filters = new DockerFilters().Add("label", Daemon.LabelFilter) }, Daemon.Token), s => s.ID == created.ID);
        }
        finally
        {
            await docker.Services.DeleteAsync(created.ID!, CancellationToken.None);
        }

        await Assert.ThrowsAsync<DockerNotFoundException>(() => docker.Services.InspectAsync(created.ID!, cancellationToken: Daemon.Token));
    }

    [Fact]
    public async Task Secrets_and_configs_are_created_listed_updated_and_removed()
    {
        using var docker = Daemon.Client();
        var secretName = Daemon.Name("secret");
        var secret = await docker.Secrets.CreateAsync(new SecretCreateRequest { Name = secretName, Labels = Daemon.Labels, Data = Convert.ToBase64String("s3cr3t"u8.ToArray()) }, Daemon.Token);
        var inspected = await docker.Secrets.InspectAsync(secret.Id!, Daemon.Token);
        Assert.Equal(secretName, inspected.Spec?.Name);
        Assert.Null(inspected.Spec?.Data); // the daemon never gives a secret back
        Assert.Contains(await docker.Secrets.ListAsync(new SecretListOptions { Filters = new DockerFilters().Add("name", secretName) }, Daemon.Token), s => s.ID == secret.Id);
        var secretSpec = inspected.Spec!;
        secretSpec.Labels = new Dictionary<string, string>(secretSpec.Labels!) { ["rotated"] = "no" };
        await docker.Secrets.UpdateAsync(secret.Id!, (long)inspected.Version!.Index!.Value, secretSpec, Daemon.Token);
        Assert.Equal("no", (await docker.Secrets.InspectAsync(secret.Id!, Daemon.Token)).Spec?.Labels?["rotated"]);
        await docker.Secrets.DeleteAsync(secret.Id!, Daemon.Token);
        await Assert.ThrowsAsync<DockerNotFoundException>(() => docker.Secrets.InspectAsync(secret.Id!, Daemon.Token));

        var configName = Daemon.Name("config");
        var config = await docker.Configs.CreateAsync(new ConfigCreateRequest { Name = configName, Labels = Daemon.Labels, Data = Convert.ToBase64String("key=value"u8.ToArray()) }, Daemon.Token);
        var configInspected = await docker.Configs.InspectAsync(config.Id!, Daemon.Token);
        Assert.Equal("key=value", Encoding.UTF8.GetString(Convert.FromBase64String(configInspected.Spec!.Data!)));
        Assert.Contains(await docker.Configs.ListAsync(new ConfigListOptions { Filters = new DockerFilters().Add("name", configName) }, Daemon.Token), c => c.ID == config.Id);
        var configSpec = configInspected.Spec;
        configSpec.Labels = new Dictionary<string, string>(configSpec.Labels!) { ["edited"] = "yes" };
        await docker.Configs.UpdateAsync(config.Id!, (long)configInspected.Version!.Index!.Value, configSpec, Daemon.Token);
        Assert.Equal("yes", (await docker.Configs.InspectAsync(config.Id!, Daemon.Token)).Spec?.Labels?["edited"]);
        await docker.Configs.DeleteAsync(config.Id!, Daemon.Token);
        await Assert.ThrowsAsync<DockerNotFoundException>(() => docker.Configs.InspectAsync(config.Id!, Daemon.Token));
    }

    [Fact]
    public async Task Plugins_are_listed()
    {
        using var docker = Daemon.Client();
        var plugins = await docker.Plugins.ListAsync(cancellationToken: Daemon.Token);
        Assert.Empty(plugins); // the test daemon has none installed, and cannot pull any (no internet)
    }

    private static async Task<List<string>> ReadLogLinesAsync(Func<Task<ContainerOutput>> open)
    {
        // Service logs are gathered from the task's node asynchronously: poll until the line is there.
        var lines = new List<string>();
        await Daemon.EventuallyAsync(async () =>
        {
            await using var output = await open();
            lines = [];
            await foreach (var line in output.ReadLinesAsync(Daemon.Token))
            {
                lines.Add(line.Text);
            }

            return lines.Count > 0;
        }, "service logs", 60);
        return lines;
    }
}
