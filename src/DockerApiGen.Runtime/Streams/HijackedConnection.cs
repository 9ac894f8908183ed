using System.Net.Security;
using System.Net.Sockets;
using DockerApiGen.Runtime.Transport;

namespace DockerApiGen.Runtime.Streams;

/// <summary>
/// An attach or exec session: the daemon has taken over ("hijacked") the connection, which now carries the
/// process's stdin one way and its output the other (frames without a TTY, raw bytes with one). Write stdin
/// with <see cref="WriteAsync"/>, end it with <see cref="CloseStdinAsync"/>, and read output as from
/// <see cref="ContainerOutput"/>. Dispose it to close the connection.
/// </summary>
public sealed class HijackedConnection : ContainerOutput
{
    private readonly Stream _connection;

    /// <summary>Wraps a hijacked connection.</summary>
    /// <param name="readStream">The stream output is read from (may start with bytes read past the response headers).</param>
    /// <param name="connection">The connection itself, for stdin and half-closing.</param>
    /// <param name="isMultiplexed">True or false when the daemon said, else null to recognise it.</param>
    public HijackedConnection(Stream readStream, Stream connection, bool? isMultiplexed)
        : base(readStream, isMultiplexed, connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _connection = connection;
    }

    /// <summary>Writes bytes to the process's stdin (and flushes them).</summary>
    /// <param name="data">The bytes.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        await _connection.WriteAsync(data, cancellationToken).ConfigureAwait(false);
        await _connection.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Closes stdin (the process reads end-of-file) while output keeps coming: the connection's sending side
    /// is shut down, the receiving side stays open.
    /// </summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <exception cref="NotSupportedException">The transport's stream cannot half-close.</exception>
    public async ValueTask CloseStdinAsync(CancellationToken cancellationToken = default)
    {
        switch (_connection)
        {
            case IHalfClosableStream halfClosable:
                await halfClosable.CloseWriteAsync(cancellationToken).ConfigureAwait(false);
                break;
            case NetworkStream network:
                network.Socket.Shutdown(SocketShutdown.Send);
                break;
            case SslStream tls:
                // TLS close_notify: the daemon (Go's tls.Conn) reads it as the end of stdin.
                await tls.ShutdownAsync().ConfigureAwait(false);
                break;
            default:
                throw new NotSupportedException($"The connection ({_connection.GetType().Name}) cannot close its sending side; transports must return a NetworkStream, an SslStream or an {nameof(IHalfClosableStream)}.");
        }
    }
}
