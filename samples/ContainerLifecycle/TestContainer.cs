using System.Formats.Tar;
using DockerApiGen.Engine.V1_41;
using DockerApiGen.Engine.V1_41.Models;
using DockerApiGen.Runtime.Streams;

/// <summary>
/// A throwaway container for a test: started on creation, removed (with its volumes) on dispose, whatever state it
/// is in. What Testcontainers does, on the generated client.
/// </summary>
internal sealed class TestContainer : IAsyncDisposable
{
    private readonly DockerClient _docker;

    private TestContainer(DockerClient docker, string id)
    {
        _docker = docker;
        Id = id;
    }

    /// <summary>The container's id.</summary>
    public string Id { get; }

    /// <summary>Creates and starts a container running a shell command.</summary>
    public static async Task<TestContainer> StartAsync(DockerClient docker, string image, string command, CancellationToken cancellationToken)
    {
        var created = await docker.Containers.CreateAsync(
            new ContainerCreateRequest
            {
                Image = image,
                Cmd = ["sh", "-c", command],
                Labels = new Dictionary<string, string> { ["dockerapigen.sample"] = "container-lifecycle" },
                HostConfig = new HostConfig { NetworkMode = "none" },
            },
            cancellationToken: cancellationToken);
        var container = new TestContainer(docker, created.Id);
        try
        {
            await docker.Containers.StartAsync(created.Id, cancellationToken: cancellationToken);
            return container;
        }
        catch
        {
            await container.DisposeAsync();
            throw;
        }
    }

    /// <summary>Follows the container's output until a line contains <paramref name="text"/>; fails after <paramref name="timeout"/>.</summary>
    public async Task<string> WaitForLogLineAsync(string text, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await using var logs = await _docker.Containers.LogsAsync(Id, new ContainerLogsOptions { Follow = true, Stdout = true, Stderr = true }, deadline.Token);
            await foreach (var line in logs.ReadLinesAsync(deadline.Token))
            {
                if (line.Text.Contains(text, StringComparison.Ordinal))
                {
                    return line.Text;
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }

        throw new TimeoutException($"Container {Id[..12]} wrote no line containing '{text}' within {timeout.TotalSeconds} s.");
    }

    /// <summary>Runs a command in the container and returns its exit code and output.</summary>
    public async Task<(long ExitCode, string Stdout, string Stderr)> ExecAsync(string[] command, CancellationToken cancellationToken)
    {
        var exec = await _docker.Exec.CreateAsync(Id, new ExecConfig { AttachStdout = true, AttachStderr = true, Cmd = command }, cancellationToken);
        string stdout, stderr;
        await using (var session = await _docker.Exec.StartAsync(exec.Id, new ExecStartConfig { Detach = false }, cancellationToken))
        {
            (stdout, stderr) = await session.ReadToEndAsync(cancellationToken);
        }

        // The output ends a moment before the daemon records the exit code.
        for (var attempt = 0; ; attempt++)
        {
            var inspect = await _docker.Exec.InspectAsync(exec.Id, cancellationToken);
            if (inspect.Running != true || attempt == 50)
            {
                return (inspect.ExitCode ?? -1, stdout, stderr);
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    /// <summary>Copies one file out of the container (the daemon sends a tar holding it).</summary>
    public async Task<byte[]> CopyFileOutAsync(string path, CancellationToken cancellationToken)
    {
        await using var archive = await _docker.Containers.GetArchiveAsync(Id, path, cancellationToken);
        await using var reader = new TarReader(archive);
        while (await reader.GetNextEntryAsync(copyData: false, cancellationToken) is { } entry)
        {
            if (entry.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile && entry.DataStream is { } data)
            {
                using var bytes = new MemoryStream();
                await data.CopyToAsync(bytes, cancellationToken);
                return bytes.ToArray();
            }
        }

        throw new FileNotFoundException($"The archive of {path} held no file.", path);
    }

    /// <summary>Removes the container, running or not.</summary>
    public async ValueTask DisposeAsync()
        => await _docker.Containers.DeleteAsync(Id, new ContainerDeleteOptions { Force = true, RemoveVolumes = true }, CancellationToken.None);
}
