using System.Net.Security;
using System.Net.Sockets;

namespace DockerApiGen.Runtime.Transport;

/// <summary>A daemon on TCP (<c>tcp://host:2375</c>), with TLS when <paramref name="tls"/> is given (<c>tcp://host:2376</c>).</summary>
/// <param name="host">The host name or address.</param>
/// <param name="port">The port.</param>
/// <param name="tls">TLS settings (server verification, client certificate), or null for plain TCP.</param>
public sealed class TcpTransport(string host, int port, SslClientAuthenticationOptions? tls = null) : DockerTransport
{
    /// <summary>The host.</summary>
    public string Host { get; } = string.IsNullOrEmpty(host) ? throw new ArgumentException("The host is empty.", nameof(host)) : host;

    /// <summary>The port.</summary>
    public int Port { get; } = port is > 0 and <= 65535 ? port : throw new ArgumentOutOfRangeException(nameof(port), port, "A TCP port is between 1 and 65535.");

    /// <inheritdoc />
    public override string Endpoint => $"tcp://{HostForUri}:{Port}";

    /// <inheritdoc />
    public override Uri BaseAddress => new($"{(tls is null ? "http" : "https")}://{HostForUri}:{Port}/");

    /// <inheritdoc />
    public override SslClientAuthenticationOptions? Tls => tls;

    private string HostForUri => Host.Contains(':', StringComparison.Ordinal) && !Host.StartsWith('[') ? $"[{Host}]" : Host;

    /// <inheritdoc />
    public override async ValueTask<Stream> ConnectAsync(CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(Host, Port, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch (SocketException ex)
        {
            socket.Dispose();
            var advice = ex.SocketErrorCode switch
            {
                SocketError.ConnectionRefused => "Nothing listens on that port: is the daemon started with -H tcp://…, and is this the right port?",
                SocketError.HostNotFound or SocketError.NoData => "The host name does not resolve: check DOCKER_HOST or the client's endpoint.",
                SocketError.TimedOut => "The connection timed out: check the address and any firewall between here and the daemon.",
                _ => "Check that the daemon listens on this address.",
            };
            throw new DockerConnectionException(Endpoint, $"Cannot connect to the Docker daemon at {Endpoint}: {ex.Message}. {advice}", ex);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
