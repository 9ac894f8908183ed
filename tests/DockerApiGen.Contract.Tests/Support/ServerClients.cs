using System.Net.Sockets;
using System.Text;
using DockerApiGen.Contract.Tests.Server;
using DockerApiGen.Runtime.Transport;

namespace DockerApiGen.Contract.Tests.Support;

/// <summary>Plain clients of a <see cref="SpecServer"/>, for tests of the server itself.</summary>
public static class ServerClients
{
    /// <summary>An <see cref="HttpClient"/> whose connections go to the server's socket (base address <c>http://docker/</c>).</summary>
    /// <param name="server">The server.</param>
    public static HttpClient Http(SpecServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        return new HttpClient(UnixSocketHandler.Create(server.SocketPath)) { BaseAddress = new Uri("http://docker/"), Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>A raw connection to the server's socket, for bytes HttpClient will not send (hijacks, broken headers).</summary>
    /// <param name="server">The server.</param>
    /// <param name="cancellationToken">Cancels connecting.</param>
    public static async Task<Socket> ConnectRawAsync(SpecServer server, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(server);
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await socket.ConnectAsync(new UnixDomainSocketEndPoint(server.SocketPath), cancellationToken);
        return socket;
    }

    /// <summary>Reads a response head (status line and header fields) byte by byte, so nothing after it is consumed.</summary>
    /// <param name="socket">The connection.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    public static async Task<string> ReadHeadAsync(Socket socket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(socket);
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await socket.ReceiveAsync(one, cancellationToken) == 0)
            {
                break;
            }

            head.Append((char)one[0]);
        }

        return head.ToString();
    }

    /// <summary>Reads until the server closes the connection.</summary>
    /// <param name="socket">The connection.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    public static async Task<byte[]> ReadToEndAsync(Socket socket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(socket);
        using var all = new MemoryStream();
        var buffer = new byte[4096];
        int read;
        while ((read = await socket.ReceiveAsync(buffer, cancellationToken)) > 0)
        {
            all.Write(buffer, 0, read);
        }

        return all.ToArray();
    }
}
