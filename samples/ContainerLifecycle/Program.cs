// Start a container, wait until it says it is ready, exec a command in it, copy a file out, and clean up.
// The image comes from SAMPLE_IMAGE (default busybox:latest; it must be on the daemon already: see QuickStart
// for pulling).
using System.Text;
using DockerApiGen.Engine.V1_41;

var image = Environment.GetEnvironmentVariable("SAMPLE_IMAGE") ?? "busybox:latest";
using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(2));
using var docker = new DockerClient();

await using var container = await TestContainer.StartAsync(
    docker, image, "echo starting; sleep 1; echo 'server ready on port 8080'; exec sleep 300", cancel.Token);
Console.WriteLine($"Started {container.Id[..12]}.");

var line = await container.WaitForLogLineAsync("ready", TimeSpan.FromSeconds(30), cancel.Token);
Console.WriteLine($"Log line seen: {line}");

var (exitCode, stdout, _) = await container.ExecAsync(["sh", "-c", "echo report-$((6 * 7)) > /tmp/report.txt; cat /tmp/report.txt"], cancel.Token);
Console.WriteLine($"Exec exited with {exitCode} and printed: {stdout.Trim()}");

var copied = await container.CopyFileOutAsync("/tmp/report.txt", cancel.Token);
var local = Path.Combine(Path.GetTempPath(), $"report-{container.Id[..12]}.txt");
await File.WriteAllBytesAsync(local, copied, cancel.Token);
Console.WriteLine($"Copied /tmp/report.txt out ({copied.Length} bytes): {Encoding.UTF8.GetString(copied).Trim()}");
File.Delete(local);
Console.WriteLine("Removing the container.");
