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
/// <remarks>
/// An exec started with <c>Detach = true</c> has no session: the daemon runs the process and answers at once. The
/// client then returns a finished session (<see cref="IsDetached"/>): its output ends at once, and writing or
/// closing stdin throws <see cref="InvalidOperationException"/>.
/// </remarks>
public sealed class HijackedConnection : ContainerOutput
{
    private readonly Stream? _connection;

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

    /// <summary>A finished session: the daemon started the process detached and opened none.</summary>
    internal HijackedConnection()
        : base(Stream.Null, isMultiplexed: false)
    {
        IsDetached = true;
    }

    /// <summary>
    /// True when the daemon started the process detached (exec start with <c>Detach = true</c>) and opened no
    /// session: there is no output (reads end at once) and no stdin. Ask the exec's inspect for its state and exit code.
    /// </summary>
    public bool IsDetached { get; }

    private Stream Connection => _connection ?? throw new InvalidOperationException(
        "The exec was started detached (Detach = true), so the daemon opened no session and there is no stdin to write or close. Start it with Detach = false to talk to the process.");

    /// <summary>Writes bytes to the process's stdin (and flushes them).</summary>
    /// <param name="data">The bytes.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <exception cref="InvalidOperationException">The session is detached (<see cref="IsDetached"/>).</exception>
    public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        var connection = Connection;
        await connection.WriteAsync(data, cancellationToken).ConfigureAwait(false);
        await connection.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Closes stdin (the process reads end-of-file) while output keeps coming: the connection's sending side
    /// is shut down, the receiving side stays open.
    /// </summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <exception cref="NotSupportedException">The transport's stream cannot half-close.</exception>
    /// <exception cref="InvalidOperationException">The session is detached (<see cref="IsDetached"/>).</exception>
    public async ValueTask CloseStdinAsync(CancellationToken cancellationToken = default)
    {
        var connection = Connection;
        switch (connection)
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
                throw new NotSupportedException($"The connection ({connection.GetType().Name}) cannot close its sending side; transports must return a NetworkStream, an SslStream or an {nameof(IHalfClosableStream)}.");
        }
    }
}
