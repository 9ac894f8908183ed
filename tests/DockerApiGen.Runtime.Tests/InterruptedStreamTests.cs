using DockerApiGen.Engine.V1_41;
using DockerApiGen.Runtime.Streams;
using DockerApiGen.Runtime.Transport;

namespace DockerApiGen.Runtime.Tests;

/// <summary>
/// A daemon that dies in the middle of an answer (it sent the headers and part of a chunked body, then the
/// connection closed): every streaming read path raises the client's own <see cref="DockerConnectionException"/>
/// naming the endpoint and the operation, with .NET's <see cref="HttpIOException"/> inside.
/// </summary>
public sealed class InterruptedStreamTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Events_cut_by_the_daemon_raise_a_connection_exception_after_the_values_that_arrived()
    {
        await using var daemon = CutAfter("application/json", """{"Type":"container","Action":"start","id":"a"}""" + "\n", """{"Type":"contai""");
        using var docker = Client(daemon);
        var seen = new List<string?>();

        var error = await Assert.ThrowsAsync<DockerConnectionException>(async () =>
        {
            await foreach (var message in docker.System.GetEventsAsync(cancellationToken: Token))
            {
                seen.Add(message.Action);
            }
        });

        Assert.Equal(["start"], seen);
        AssertNames(error, daemon, "SystemEvents (GET /events)");
    }

    [Fact]
    public async Task Stats_cut_by_the_daemon_raise_a_connection_exception()
    {
        await using var daemon = CutAfter("application/json", """{"read":"2026-12-01T00:00:00Z","pids_stats":{""");
        using var docker = Client(daemon);

        var error = await Assert.ThrowsAsync<DockerConnectionException>(async () =>
        {
            await foreach (var _ in docker.Containers.GetStatsAsync("c1", cancellationToken: Token))
            {
            }
        });

        AssertNames(error, daemon, "ContainerStats (GET /containers/c1/stats)");
    }

    [Fact]
    public async Task A_followed_log_cut_by_the_daemon_raises_a_connection_exception_from_the_read()
    {
        await using var daemon = CutAfter("application/vnd.docker.raw-stream", "line 1\n", "line 2 is cut sh");
        using var docker = Client(daemon);
        await using var logs = await docker.Containers.LogsAsync("c1", new ContainerLogsOptions { Follow = true, Stdout = true }, Token);

        var error = await Assert.ThrowsAsync<DockerConnectionException>(() => logs.ReadToEndAsync(Token));

        AssertNames(error, daemon, "ContainerLogs (GET /containers/c1/logs)");
    }

    [Fact]
    public async Task A_wait_cut_by_the_daemon_raises_a_connection_exception_not_a_timeout()
    {
        // The daemon sends the wait's headers at once and the body when the container exits.
        await using var daemon = CutAfter("application/json", """{"StatusCo""");
        using var docker = Client(daemon);

        var error = await Assert.ThrowsAsync<DockerConnectionException>(() => docker.Containers.WaitAsync("c1", cancellationToken: Token));

        AssertNames(error, daemon, "ContainerWait (POST /containers/c1/wait)");
    }

    [Fact]
    public async Task A_pull_cut_by_the_daemon_raises_a_connection_exception_not_a_progress_error()
    {
        await using var daemon = CutAfter("application/json", """{"status":"Pulling from library/busybox","id":"latest"}""" + "\n", """{"status":"Downlo""");
        using var docker = Client(daemon);

        var error = await Assert.ThrowsAsync<DockerConnectionException>(() => docker.Images.CreateAsync(options: new ImageCreateOptions { FromImage = "busybox", Tag = "latest" }, cancellationToken: Token).WaitForCompletionAsync(cancellationToken: Token));

        AssertNames(error, daemon, "ImageCreate (POST /images/create)");
    }

    [Fact]
    public async Task A_tar_export_cut_by_the_daemon_raises_a_connection_exception_from_the_read()
    {
        await using var daemon = CutAfter("application/x-tar", new string('x', 512));
        using var docker = Client(daemon);
        await using var export = await docker.Containers.ExportAsync("c1", Token);

        var error = await Assert.ThrowsAsync<DockerConnectionException>(() => export.CopyToAsync(Stream.Null, Token));

        AssertNames(error, daemon, "ContainerExport (GET /containers/c1/export)");
    }

    private static DockerClient Client(ScriptedDaemon daemon) => new(new DockerClientOptions { Endpoint = daemon.Endpoint });

    /// <summary>A daemon that answers 200 with a chunked body: the whole chunks, then a chunk that promises more than it sends, then closes.</summary>
    private static ScriptedDaemon CutAfter(string contentType, params string[] chunks)
        => new(async (_, connection) =>
        {
            var whole = chunks[..^1].Select(ScriptedDaemon.Chunk);
            var cut = $"{chunks[^1].Length + 64:x}\r\n{chunks[^1]}";
            await ScriptedDaemon.WriteAsync(connection, $"HTTP/1.1 200 OK\r\nContent-Type: {contentType}\r\nTransfer-Encoding: chunked\r\n\r\n{string.Concat(whole)}{cut}");
        });

    private static void AssertNames(DockerConnectionException error, ScriptedDaemon daemon, string operation)
    {
        Assert.Equal(daemon.Endpoint, error.Endpoint);
        Assert.StartsWith($"The connection to the Docker daemon at {daemon.Endpoint} ended before its answer to {operation} was complete", error.Message, StringComparison.Ordinal);
        Assert.IsType<HttpIOException>(error.InnerException, exactMatch: false);
    }
}
