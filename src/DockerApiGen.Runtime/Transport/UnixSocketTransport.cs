using System.Net.Sockets;

namespace DockerApiGen.Runtime.Transport;

/// <summary>A daemon on a unix domain socket (<c>unix:///var/run/docker.sock</c>), as the docker CLI reaches a local daemon.</summary>
/// <param name="socketPath">The socket's path.</param>
public sealed class UnixSocketTransport(string socketPath) : DockerTransport
{
    /// <summary>The docker CLI's default socket on Linux and macOS.</summary>
    public const string DefaultSocketPath = "/var/run/docker.sock";

    /// <summary>The socket's path.</summary>
    public string SocketPath { get; } = string.IsNullOrEmpty(socketPath) ? throw new ArgumentException("The socket path is empty.", nameof(socketPath)) : socketPath;

    /// <inheritdoc />
    public override string Endpoint => "unix://" + SocketPath;

    /// <inheritdoc />
    public override async ValueTask<Stream> ConnectAsync(CancellationToken cancellationToken)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(SocketPath), cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch (SocketException ex)
        {
            socket.Dispose();
            // Only when access was not denied: a folder the user may not enter also hides the socket from File.Exists.
            if (ex.SocketErrorCode != SocketError.AccessDenied && !File.Exists(SocketPath))
            {
                // .NET reports a missing socket file as "Cannot assign requested address"; say what it means.
                throw new DockerConnectionException(Endpoint, $"Cannot connect to the Docker daemon at {Endpoint}: there is no socket at {SocketPath}. Is the daemon running? Start it, or point DOCKER_HOST at the right socket.", ex);
            }

            var advice = ex.SocketErrorCode switch
            {
                SocketError.AccessDenied => "This user may not use the socket: add it to the socket's group (usually 'docker') or run as a user who may.",
                SocketError.AddressNotAvailable or SocketError.ConnectionRefused => "Nothing listens there: is the daemon running? Start it, or point DOCKER_HOST at the right socket.",
                _ => "Is the daemon running, and is this the right socket? Set DOCKER_HOST or the client's endpoint to change it.",
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
