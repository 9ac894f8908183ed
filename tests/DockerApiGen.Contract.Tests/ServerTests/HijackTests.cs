using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using DockerApiGen.Contract.Tests.Responses;
using DockerApiGen.Contract.Tests.Server;
using DockerApiGen.Contract.Tests.Support;
using DockerApiGen.Runtime.Transport;

namespace DockerApiGen.Contract.Tests.ServerTests;

/// <summary>Hijacked connections: attach and exec start over an upgraded connection, attach over a websocket.</summary>
public sealed class HijackTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Attach_with_the_upgrade_headers_is_upgraded_and_echoes_stdin_as_stdout_frames_until_the_half_close()
    {
        await using var server = SpecServer.Start(await TestSpecs.GetAsync());
        using var socket = await ServerClients.ConnectRawAsync(server, Token);

        await socket.SendAsync("POST /v1.47/containers/c1/attach?stream=true&stdin=true&stdout=true HTTP/1.1\r\nHost: docker\r\nConnection: Upgrade\r\nUpgrade: tcp\r\nContent-Length: 0\r\n\r\nhello "u8.ToArray(), Token);
        var head = await ServerClients.ReadHeadAsync(socket, Token);
        await socket.SendAsync("world"u8.ToArray(), Token);
        socket.Shutdown(SocketShutdown.Send);
        var output = await ServerClients.ReadToEndAsync(socket, Token);

        Assert.StartsWith("HTTP/1.1 101 UPGRADED\r\n", head, StringComparison.Ordinal);
        Assert.Contains("Content-Type: application/vnd.docker.multiplexed-stream", head, StringComparison.Ordinal);
        Assert.Equal("hello world", StdoutOf(output));
        Assert.Empty(Assert.Single(server.Requests).Violations);
    }

    [Fact]
    public async Task Exec_start_reads_its_JSON_body_before_the_connection_is_hijacked()
    {
        await using var server = SpecServer.Start(await TestSpecs.GetAsync());
        using var socket = await ServerClients.ConnectRawAsync(server, Token);
        const string body = """{"Detach":false,"Tty":false}""";

        await socket.SendAsync(Encoding.ASCII.GetBytes($"POST /v1.47/exec/e1/start HTTP/1.1\r\nHost: docker\r\nConnection: Upgrade\r\nUpgrade: tcp\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\n\r\n{body}"), Token);
        await ServerClients.ReadHeadAsync(socket, Token);
        await socket.SendAsync("ls\n"u8.ToArray(), Token);
        socket.Shutdown(SocketShutdown.Send);

        Assert.Equal("ls\n", StdoutOf(await ServerClients.ReadToEndAsync(socket, Token)));
        var recorded = Assert.Single(server.Requests);
        Assert.Equal(("ExecStart", body), (recorded.OperationId, Encoding.UTF8.GetString(recorded.Request.Body)));
        Assert.Empty(recorded.Violations);
    }

    [Fact]
    public async Task A_hijack_without_the_upgrade_headers_is_a_violation()
    {
        await using var server = SpecServer.Start(await TestSpecs.GetAsync());
        using var socket = await ServerClients.ConnectRawAsync(server, Token);

        await socket.SendAsync("POST /v1.47/containers/c1/attach?stream=true HTTP/1.1\r\nHost: docker\r\nContent-Length: 0\r\n\r\n"u8.ToArray(), Token);
        var head = await ServerClients.ReadHeadAsync(socket, Token);
        socket.Shutdown(SocketShutdown.Send);
        await ServerClients.ReadToEndAsync(socket, Token);

        Assert.StartsWith("HTTP/1.1 200", head, StringComparison.Ordinal);
        Assert.Equal("header Upgrade", Assert.Single(Assert.Single(server.Requests).Violations).Subject);
    }

    [Fact]
    public async Task Session_upgrades_to_h2c_and_echoes_raw_bytes()
    {
        await using var server = SpecServer.Start(await TestSpecs.GetAsync());
        using var socket = await ServerClients.ConnectRawAsync(server, Token);

        await socket.SendAsync("POST /v1.47/session HTTP/1.1\r\nHost: docker\r\nConnection: Upgrade\r\nUpgrade: h2c\r\n\r\n"u8.ToArray(), Token);
        var head = await ServerClients.ReadHeadAsync(socket, Token);
        await socket.SendAsync("PRI"u8.ToArray(), Token);
        socket.Shutdown(SocketShutdown.Send);

        Assert.StartsWith("HTTP/1.1 101", head, StringComparison.Ordinal);
        Assert.Equal("PRI", Encoding.ASCII.GetString(await ServerClients.ReadToEndAsync(socket, Token)));
        Assert.Empty(Assert.Single(server.Requests).Violations);
    }

    [Fact]
    public async Task Attach_over_a_websocket_completes_the_handshake_and_echoes_messages()
    {
        await using var server = SpecServer.Start(await TestSpecs.GetAsync());
        using var invoker = new HttpMessageInvoker(new UnixSocketTransport(server.SocketPath).CreateHandler());
        using var websocket = new ClientWebSocket();

        await websocket.ConnectAsync(new Uri("ws://docker/v1.47/containers/c1/attach/ws?stream=true&stdin=true&stdout=true"), invoker, Token);
        await websocket.SendAsync("hello"u8.ToArray(), WebSocketMessageType.Binary, endOfMessage: true, Token);
        var buffer = new byte[64];
        var received = await websocket.ReceiveAsync(buffer, Token);
        await websocket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, Token);

        Assert.Equal("hello", Encoding.UTF8.GetString(buffer, 0, received.Count));
        var recorded = Assert.Single(server.Requests);
        Assert.Equal("ContainerAttachWebsocket", recorded.OperationId);
        Assert.Empty(recorded.Violations);
        Assert.Empty(server.Errors);
    }

    private static string StdoutOf(byte[] output)
    {
        var text = new StringBuilder();
        for (var offset = 0; offset < output.Length;)
        {
            var length = (output[offset + 4] << 24) | (output[offset + 5] << 16) | (output[offset + 6] << 8) | output[offset + 7];
            Assert.Equal(MultiplexedFrames.Stdout, output[offset]);
            text.Append(Encoding.UTF8.GetString(output, offset + 8, length));
            offset += 8 + length;
        }

        return text.ToString();
    }
}
