// Quick start: talk Engine API v1.41 to the daemon in DOCKER_HOST (else the local socket). The image comes from
// SAMPLE_IMAGE (default busybox:latest) and is pulled when the daemon does not have it.
using DockerApiGen.Engine.V1_41;
using DockerApiGen.Engine.V1_41.Models;
using DockerApiGen.Runtime.Errors;
using DockerApiGen.Runtime.Streams;

var image = Environment.GetEnvironmentVariable("SAMPLE_IMAGE") ?? "busybox:latest";
using var docker = new DockerClient();
await docker.Connection.EnsureDaemonSupportsVersionAsync();

var containers = await docker.Containers.ListAsync(new ContainerListOptions { All = true });
Console.WriteLine($"The daemon has {containers.Count} containers.");

try
{
    await docker.Images.InspectAsync(image);
}
catch (DockerNotFoundException)
{
    var colon = image.LastIndexOf(':');
    var (name, tag) = colon > image.LastIndexOf('/') ? (image[..colon], image[(colon + 1)..]) : (image, "latest");
    await docker.Images.CreateAsync(options: new ImageCreateOptions { FromImage = name, Tag = tag }).WaitForCompletionAsync();
}

var created = await docker.Containers.CreateAsync(new ContainerCreateRequest
{
    Image = image,
    Cmd = ["echo", "hello from busybox"],
    Labels = new Dictionary<string, string> { ["dockerapigen.sample"] = "quickstart" },
    HostConfig = new HostConfig { NetworkMode = "none" }, // echo needs no network
});
try
{
    await docker.Containers.StartAsync(created.Id);
    var exit = await docker.Containers.WaitAsync(created.Id);
    await using var logs = await docker.Containers.LogsAsync(created.Id, new ContainerLogsOptions { Stdout = true, Stderr = true });
    var (stdout, _) = await logs.ReadToEndAsync();
    Console.WriteLine($"Container {created.Id[..12]} exited with {exit.StatusCode} and said: {stdout.Trim()}");
}
finally
{
    await docker.Containers.DeleteAsync(created.Id, new ContainerDeleteOptions { Force = true });
    Console.WriteLine($"Removed {created.Id[..12]}.");
}
