using System.IO.Pipes;
using System.Text;
using DockerApiGen.Runtime.Transport;
using DockerApiGen.Runtime.Tests.Connect.Support;

namespace DockerApiGen.Runtime.Tests.Connect;

/// <summary>
/// Named pipes exist only on Windows: these tests run there (against a pipe server the test starts, in message
/// mode as Docker's) and are skipped elsewhere with the reason; the transport compiles everywhere.
/// </summary>
public sealed class NamedPipeTransportTests
{
    private const string WindowsOnly = "named pipes exist only on Windows; this test runs there.";

    [Fact]
    public async Task Elsewhere_connecting_says_that_pipes_are_windows_only()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("this test covers the message on other systems.");
        }

        using var transport = DockerEndpoints.FromEndpoint(NamedPipeTransport.DefaultEndpoint);
        var error = await Assert.ThrowsAsync<DockerConnectionException>(() => transport.ConnectAsync(TestContext.Current.CancellationToken).AsTask());
        Assert.Equal("Cannot connect to the Docker daemon at npipe:////./pipe/docker_engine: named pipes exist only on Windows. Use unix://, tcp:// or ssh:// here.", error.Message);
    }

    [Fact]
    public async Task Speaks_http_over_a_pipe_and_half_closes_it()
    {
        if (!OperatingSystem.IsWindows())
        {
            Assert.Skip(WindowsOnly);
            return;
        }

        var name = "dockerapigen-test-" + Guid.NewGuid().ToString("N");
        await using var server = new NamedPipeServerStream(name, PipeDirection.InOut, 1, PipeTransmissionMode.Message, PipeOptions.Asynchronous);
        var serving = ServeOnceAsync(server);
        using var transport = DockerEndpoints.FromEndpoint($"npipe:////./pipe/{name}");
        await using var connection = await transport.ConnectAsync(TestContext.Current.CancellationToken);

        await connection.WriteAsync(Encoding.ASCII.GetBytes("GET /_ping HTTP/1.1\r\nHost: docker\r\n\r\n"), TestContext.Current.CancellationToken);
        await Assert.IsAssignableFrom<IHalfClosableStream>(connection).CloseWriteAsync(TestContext.Current.CancellationToken);
        using var reader = new StreamReader(connection, Encoding.ASCII);
        var answer = await reader.ReadToEndAsync(TestContext.Current.CancellationToken);

        Assert.StartsWith("GET /_ping HTTP/1.1", await serving, StringComparison.Ordinal);
        Assert.Equal("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nOK", answer);
    }

    [Fact]
    public async Task A_pipe_nobody_serves_says_whether_docker_runs()
    {
        if (!OperatingSystem.IsWindows())
        {
            Assert.Skip(WindowsOnly);
            return;
        }

        using var transport = new NamedPipeTransport("dockerapigen-no-such-pipe-" + Guid.NewGuid().ToString("N"));
        var error = await Assert.ThrowsAsync<DockerConnectionException>(() => transport.ConnectAsync(TestContext.Current.CancellationToken).AsTask());
        Assert.Contains(transport.Endpoint, error.Message, StringComparison.Ordinal);
        Assert.Contains("Is Docker running?", error.Message, StringComparison.Ordinal);
    }

    [System.Runtime.Versioning.SupportedOSPlatform("windows")]
    private static async Task<string> ServeOnceAsync(NamedPipeServerStream server)
    {
        await server.WaitForConnectionAsync();
        // Read until the client's zero-length message (its half-close) ends the request.
        var received = new MemoryStream();
        var buffer = new byte[4096];
        int read;
        while ((read = await server.ReadAsync(buffer)) > 0)
        {
            received.Write(buffer, 0, read);
        }

        await server.WriteAsync("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nOK"u8.ToArray());
        server.Disconnect();
        return Encoding.ASCII.GetString(received.ToArray());
    }
}
