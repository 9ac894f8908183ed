using DockerApiGen.Engine.V1_41;
using DockerApiGen.Runtime.Query;
using Microsoft.Extensions.Options;

/// <summary>Logs every event of the labelled containers; with the demo on, stops the app when its container is destroyed.</summary>
internal sealed class ContainerEventWatcher(
    DockerClient docker,
    IOptions<WorkerSettings> settings,
    WatchStart start,
    IHostApplicationLifetime lifetime,
    ILogger<ContainerEventWatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var version = await docker.System.GetVersionAsync(stoppingToken);
        logger.LogInformation("Watching {Label} containers on Docker Engine {Version} (API {ApiVersion})", settings.Value.Label, version.Version, version.ApiVersion);
        var options = new SystemEventsOptions
        {
            Since = start.At.AddSeconds(-1).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            Filters = new DockerFilters().Add("type", "container").Add("label", settings.Value.Label),
        };

        // The stream ends quietly when the app stops (stoppingToken).
        await foreach (var message in docker.System.GetEventsAsync(options, stoppingToken))
        {
            var id = message.Actor?.ID is { Length: >= 12 } actor ? actor[..12] : "?";
            logger.LogInformation("Container {Id}: {Action}", id, message.Action);
            if (settings.Value.RunDemoContainer && message.Action == "destroy")
            {
                logger.LogInformation("The demo container is gone; stopping.");
                lifetime.StopApplication();
            }
        }
    }
}
