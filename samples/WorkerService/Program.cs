// A worker service that watches the daemon's container events, with the DockerClient registered through
// DockerApiGen.Extensions.DependencyInjection and configured from appsettings.json ("Docker": endpoint, TLS, SSH,
// timeouts, request logging). Run with --Worker:RunDemoContainer=true to start one labelled container: the watcher
// logs its events and stops the app once the container is gone.
using DockerApiGen.Engine.V1_41;
using DockerApiGen.Extensions.DependencyInjection;

var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddDockerClient(options => new DockerClient(options)).BindConfiguration("Docker");
builder.Services.Configure<WorkerSettings>(builder.Configuration.GetSection("Worker"));
builder.Services.AddSingleton(new WatchStart(DateTimeOffset.UtcNow));
builder.Services.AddHostedService<ContainerEventWatcher>();
if (builder.Configuration.GetValue<bool>("Worker:RunDemoContainer"))
{
    builder.Services.AddHostedService<DemoContainerJob>();
}

await builder.Build().RunAsync();

/// <summary>The worker's settings (section "Worker").</summary>
internal sealed class WorkerSettings
{
    /// <summary>The label (key=value) of the containers to watch and to create.</summary>
    public string Label { get; set; } = "dockerapigen.sample=worker";

    /// <summary>Whether to start one container to watch, then stop.</summary>
    public bool RunDemoContainer { get; set; }

    /// <summary>The demo container's image (on the daemon already).</summary>
    public string Image { get; set; } = "busybox:latest";
}

/// <summary>When the app started: the watcher asks for events since then, so none is missed while it connects.</summary>
internal sealed record WatchStart(DateTimeOffset At);
