using DockerApiGen.Engine.V1_41;
using DockerApiGen.Engine.V1_41.Models;
using Microsoft.Extensions.Options;

/// <summary>Runs one short, labelled container to completion and removes it (for the watcher to report).</summary>
internal sealed class DemoContainerJob(DockerClient docker, IOptions<WorkerSettings> settings, ILogger<DemoContainerJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var label = settings.Value.Label.Split('=', 2);
        var created = await docker.Containers.CreateAsync(
            new ContainerCreateRequest
            {
                Image = settings.Value.Image,
                Cmd = ["echo", "hello from the worker"],
                Labels = new Dictionary<string, string> { [label[0]] = label.Length > 1 ? label[1] : "" },
                HostConfig = new HostConfig { NetworkMode = "none" },
            },
            cancellationToken: stoppingToken);
        try
        {
            await docker.Containers.StartAsync(created.Id, cancellationToken: stoppingToken);
            var exit = await docker.Containers.WaitAsync(created.Id, cancellationToken: stoppingToken);
            logger.LogInformation("Demo container {Id} exited with {StatusCode}", created.Id[..12], exit.StatusCode);
        }
        finally
        {
            await docker.Containers.DeleteAsync(created.Id, new ContainerDeleteOptions { Force = true }, CancellationToken.None);
        }
    }
}
