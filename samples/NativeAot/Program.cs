// The whole scenario in a native executable: list containers, run a container, stream its log as it is written,
// exec in it, remove it. `NativeAot ping` only connects and prints the daemon's API range (for start-up timing).
// The image comes from SAMPLE_IMAGE (default busybox:latest; it must be on the daemon already).
using System.Diagnostics;
using DockerApiGen.Engine.V1_41;
using DockerApiGen.Engine.V1_41.Models;

var clock = Stopwatch.StartNew();
var image = Environment.GetEnvironmentVariable("SAMPLE_IMAGE") ?? "busybox:latest";
using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(2));
using var docker = new DockerClient();
var daemon = await docker.Connection.GetDaemonVersionsAsync(cancel.Token);
Console.WriteLine($"Daemon: {daemon}");
if (args is ["ping"])
{
    return 0;
}

var containers = await docker.Containers.ListAsync(new ContainerListOptions { All = true }, cancel.Token);
Console.WriteLine($"The daemon has {containers.Count} containers.");

var created = await docker.Containers.CreateAsync(
    new ContainerCreateRequest
    {
        Image = image,
        Cmd = ["sh", "-c", "for i in 1 2 3; do echo tick $i; sleep 0.2; done; echo ready; exec sleep 300"],
        Labels = new Dictionary<string, string> { ["dockerapigen.sample"] = "native-aot" },
        HostConfig = new HostConfig { NetworkMode = "none" },
    },
    cancellationToken: cancel.Token);
try
{
    await docker.Containers.StartAsync(created.Id, cancellationToken: cancel.Token);

    // Follow the log: lines arrive while the container writes them.
    await using (var logs = await docker.Containers.LogsAsync(created.Id, new ContainerLogsOptions { Follow = true, Stdout = true, Stderr = true }, cancel.Token))
    {
        await foreach (var line in logs.ReadLinesAsync(cancel.Token))
        {
            Console.WriteLine($"log: {line.Text}");
            if (line.Text == "ready")
            {
                break;
            }
        }
    }

    var exec = await docker.Exec.CreateAsync(created.Id, new ExecConfig { AttachStdout = true, AttachStderr = true, Cmd = ["echo", "exec works"] }, cancel.Token);
    await using (var session = await docker.Exec.StartAsync(exec.Id, new ExecStartConfig { Detach = false }, cancel.Token))
    {
        var (stdout, _) = await session.ReadToEndAsync(cancel.Token);
        Console.WriteLine($"exec: {stdout.Trim()}");
    }
}
finally
{
    await docker.Containers.DeleteAsync(created.Id, new ContainerDeleteOptions { Force = true }, CancellationToken.None);
    Console.WriteLine($"Removed {created.Id[..12]}; the scenario took {clock.ElapsedMilliseconds} ms.");
}

return 0;
