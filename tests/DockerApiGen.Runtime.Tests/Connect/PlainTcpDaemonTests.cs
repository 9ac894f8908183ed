using DockerApiGen.Runtime.Transport;
using DockerApiGen.Runtime.Tests.Connect.Support;

namespace DockerApiGen.Runtime.Tests.Connect;

/// <summary>A private dockerd on plain loopback TCP, reached as <c>tcp://</c>, <c>http://</c> and a bare <c>host:port</c>.</summary>
[Collection(TcpDaemonsCollection.Name)]
public sealed class PlainTcpDaemonTests(TcpDaemons daemons)
{
    [Theory]
    [InlineData("tcp://127.0.0.1:{0}")]
    [InlineData("http://127.0.0.1:{0}")]
    [InlineData("127.0.0.1:{0}")]
    public async Task Docker_host_on_plain_tcp_connects(string format)
    {
        daemons.RequireRunning();
        using var home = new TempFolder();
        var endpoint = string.Format(System.Globalization.CultureInfo.InvariantCulture, format, daemons.PlainPort);
        using var transport = DockerEndpoints.Resolve(new DockerClientOptions(), Daemon.Environment(home.Path, ("DOCKER_HOST", endpoint)));

        var tcp = Assert.IsType<TcpTransport>(transport);
        Assert.Null(tcp.Tls);
        Assert.Equal($"tcp://127.0.0.1:{daemons.PlainPort}", tcp.Endpoint);
        var versions = await Daemon.PingVersionAndListAsync(transport);
        Assert.True(versions.Supports("1.41"));
        Assert.False(versions.Supports("1.42"));
    }

    [Fact]
    public async Task A_refused_connection_names_the_endpoint_and_says_what_to_check()
    {
        var port = FreePort.Next();
        using var transport = DockerEndpoints.FromEndpoint($"tcp://127.0.0.1:{port}");
        var error = await Daemon.FailureAsync(transport);

        Assert.Equal($"tcp://127.0.0.1:{port}", error.Endpoint);
        Assert.StartsWith($"Cannot connect to the Docker daemon at tcp://127.0.0.1:{port}: Connection refused", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("Nothing listens on that port: is the daemon started with -H tcp://…, and is this the right port?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hijack_connection_over_plain_tcp_is_a_socket_that_can_half_close()
    {
        daemons.RequireRunning();
        using var transport = DockerEndpoints.FromEndpoint($"tcp://127.0.0.1:{daemons.PlainPort}");
        await using var connection = await transport.OpenConnectionAsync(TestContext.Current.CancellationToken);
        Assert.IsType<System.Net.Sockets.NetworkStream>(connection);
    }
}
