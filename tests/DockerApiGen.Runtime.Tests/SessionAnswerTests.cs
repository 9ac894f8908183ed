using System.Buffers.Binary;
using System.Text;
using DockerApiGen.Engine.V1_41;
using DockerApiGen.Engine.V1_41.Models;
using DockerApiGen.Runtime.Transport;

namespace DockerApiGen.Runtime.Tests;

/// <summary>
/// How attach and exec start read the daemon's answer to an upgrade: a detached exec start (200, empty body)
/// returns a finished session at once; a start that wants a session fails clearly when the connection is not
/// upgraded; a daemon that ignores the upgrade and streams anyway still gives a session.
/// </summary>
public sealed class SessionAnswerTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_detached_exec_start_returns_as_soon_as_the_daemon_answers_with_a_finished_session()
    {
        await using var daemon = new ScriptedDaemon(async (_, connection) =>
        {
            // As Docker and Podman answer: no upgrade, an empty body, and the connection kept open.
            await ScriptedDaemon.WriteAsync(connection, "HTTP/1.1 200 OK\r\nApi-Version: 1.41\r\nContent-Length: 0\r\n\r\n");
            await ScriptedDaemon.WaitForCloseAsync(connection);
        });
        using var docker = new DockerClient(new DockerClientOptions { Endpoint = daemon.Endpoint });

        await using var session = await docker.Exec.StartAsync("exec-id", new ExecStartConfig { Detach = true }, Token).WaitAsync(TimeSpan.FromSeconds(30), Token);

        Assert.True(session.IsDetached);
        Assert.Equal(("", ""), await session.ReadToEndAsync(Token).WaitAsync(TimeSpan.FromSeconds(30), Token));
        var write = await Assert.ThrowsAsync<InvalidOperationException>(() => session.WriteAsync("x"u8.ToArray(), Token).AsTask());
        Assert.Contains("detached", write.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<InvalidOperationException>(() => session.CloseStdinAsync(Token).AsTask());
        var request = Assert.Single(daemon.Requests);
        Assert.Equal("POST /v1.41/exec/exec-id/start HTTP/1.1", request.RequestLine);
        Assert.Equal("""{"Detach":true}""", request.Body);
    }

    [Theory]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", "with an empty body")]
    [InlineData("HTTP/1.1 204 No Content\r\n\r\n", "with an empty body")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nOK", "with a body of 2 bytes")]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", "with a chunked body")]
    public async Task A_start_that_wants_a_session_fails_clearly_when_the_connection_is_not_upgraded(string answer, string described)
    {
        await using var daemon = new ScriptedDaemon(async (_, connection) =>
        {
            await ScriptedDaemon.WriteAsync(connection, answer);
            await ScriptedDaemon.WaitForCloseAsync(connection);
        });
        using var docker = new DockerClient(new DockerClientOptions { Endpoint = daemon.Endpoint });

        var error = await Assert.ThrowsAsync<DockerConnectionException>(() => docker.Exec.StartAsync("exec-id", new ExecStartConfig { Detach = false }, Token).WaitAsync(TimeSpan.FromSeconds(30), Token));

        Assert.Equal(daemon.Endpoint, error.Endpoint);
        Assert.StartsWith($"The Docker daemon at {daemon.Endpoint} did not upgrade the connection for ExecStart (POST /exec/exec-id/start)", error.Message, StringComparison.Ordinal);
        Assert.Contains(described, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_daemon_that_ignores_the_upgrade_and_streams_anyway_still_gives_a_session()
    {
        await using var daemon = new ScriptedDaemon(async (_, connection) =>
        {
            // An old daemon's answer without Upgrade: 200, the raw-stream type, no length; the stream runs to the connection's end.
            await ScriptedDaemon.WriteAsync(connection, "HTTP/1.1 200 OK\r\nContent-Type: application/vnd.docker.raw-stream\r\n\r\n");
            await connection.WriteAsync(Frame(1, "out\n"));
            await connection.WriteAsync(Frame(2, "err\n"));
        });
        using var docker = new DockerClient(new DockerClientOptions { Endpoint = daemon.Endpoint });

        await using var session = await docker.Exec.StartAsync("exec-id", new ExecStartConfig(), Token);

        Assert.False(session.IsDetached);
        Assert.Equal(("out\n", "err\n"), await session.ReadToEndAsync(Token).WaitAsync(TimeSpan.FromSeconds(30), Token));
        Assert.Equal("{}", Assert.Single(daemon.Requests).Body);
    }

    [Fact]
    public async Task An_upgraded_session_is_a_session_even_when_detach_was_asked()
    {
        await using var daemon = new ScriptedDaemon(async (_, connection) =>
        {
            await ScriptedDaemon.WriteAsync(connection, "HTTP/1.1 101 UPGRADED\r\nContent-Type: application/vnd.docker.multiplexed-stream\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\n");
            await connection.WriteAsync(Frame(1, "hi"));
        });
        using var docker = new DockerClient(new DockerClientOptions { Endpoint = daemon.Endpoint });

        await using var session = await docker.Exec.StartAsync("exec-id", new ExecStartConfig { Detach = true }, Token);

        Assert.False(session.IsDetached);
        Assert.True(session.IsMultiplexed);
        Assert.Equal("hi", (await session.ReadToEndAsync(Token).WaitAsync(TimeSpan.FromSeconds(30), Token)).StandardOutput);
        var request = Assert.Single(daemon.Requests);
        Assert.Equal(("Upgrade", "tcp"), (request.Headers["Connection"], request.Headers["Upgrade"]));
    }

    private static byte[] Frame(byte stream, string text)
    {
        var payload = Encoding.UTF8.GetBytes(text);
        var frame = new byte[8 + payload.Length];
        frame[0] = stream;
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(4), (uint)payload.Length);
        payload.CopyTo(frame, 8);
        return frame;
    }
}
