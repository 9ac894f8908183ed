using System.Net.Sockets;

namespace DockerApiGen.Runtime.Transport;

/// <summary>HTTP over a unix domain socket, the way the docker CLI reaches a local daemon.</summary>
public static class UnixSocketHandler
{
    /// <summary>
    /// A handler whose every connection goes to the socket at <paramref name="socketPath"/>; the request's
    /// host name is ignored (use any, e.g. <c>http://docker/</c>).
    /// </summary>
    /// <param name="socketPath">The socket, e.g. <c>/var/run/docker.sock</c>.</param>
    public static SocketsHttpHandler Create(string socketPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(socketPath);
        return new SocketsHttpHandler
        {
            ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancellationToken).ConfigureAwait(false);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch (SocketException ex)
                {
                    socket.Dispose();
                    throw new HttpRequestException($"Cannot connect to the Docker daemon at unix://{socketPath}: {ex.Message}. Is the daemon running, and may this user use the socket?", ex);
                }
            },
        };
    }
}
