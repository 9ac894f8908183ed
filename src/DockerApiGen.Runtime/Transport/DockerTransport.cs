using System.Net.Security;

namespace DockerApiGen.Runtime.Transport;

/// <summary>
/// How bytes reach one daemon: a unix socket, TCP (with or without TLS), an SSH session, a named pipe.
/// Every request (plain HTTP through <see cref="CreateHandler"/>, and hijacked attach/exec connections
/// through <see cref="ConnectAsync"/>) goes through the same transport, so every transport supports every
/// operation.
/// </summary>
public abstract class DockerTransport : IDisposable
{
    /// <summary>The endpoint as a user would write it (<c>unix:///var/run/docker.sock</c>), for messages.</summary>
    public abstract string Endpoint { get; }

    /// <summary>
    /// The base address of HTTP requests. Its host is what the <c>Host</c> header carries; for sockets and
    /// pipes it is a placeholder, since <see cref="ConnectAsync"/> decides where bytes go.
    /// </summary>
    public virtual Uri BaseAddress => new("http://docker.local/");

    /// <summary>TLS settings when the connection is TLS (applied on top of <see cref="ConnectAsync"/>), else null.</summary>
    public virtual SslClientAuthenticationOptions? Tls => null;

    /// <summary>Opens a new byte stream to the daemon, before TLS. The caller owns and disposes it.</summary>
    /// <param name="cancellationToken">Cancels connecting.</param>
    /// <exception cref="DockerConnectionException">The daemon cannot be reached; the message says what to do.</exception>
    public abstract ValueTask<Stream> ConnectAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Opens a connection for a hijacked request (attach, exec start): <see cref="ConnectAsync"/>, then the TLS
    /// handshake when <see cref="Tls"/> is set. Failures are <see cref="DockerConnectionException"/>s that say why.
    /// Half-close the result as <c>HijackedConnection</c> does (socket shutdown, TLS close_notify, or
    /// <see cref="IHalfClosableStream"/>).
    /// </summary>
    /// <param name="cancellationToken">Cancels connecting and the handshake.</param>
    /// <exception cref="DockerConnectionException">The daemon cannot be reached or the TLS handshake failed.</exception>
    public async ValueTask<Stream> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var stream = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        if (Tls is not { } tls)
        {
            return stream;
        }

        var secure = new SslStream(stream, leaveInnerStreamOpen: false);
        try
        {
            await secure.AuthenticateAsClientAsync(tls, cancellationToken).ConfigureAwait(false);
            return secure;
        }
        catch (Exception ex) when (DockerConnectionFailures.Explain(this, ex) is { } explained)
        {
            await secure.DisposeAsync().ConfigureAwait(false);
            throw explained;
        }
        catch
        {
            await secure.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// An HTTP handler whose connections come from <see cref="ConnectAsync"/> (TLS from <see cref="Tls"/>).
    /// Each call makes a new handler; the caller owns it. Suitable as an <c>IHttpClientFactory</c> primary handler.
    /// </summary>
    public virtual SocketsHttpHandler CreateHandler()
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, cancellationToken) => await ConnectAsync(cancellationToken).ConfigureAwait(false),
            // Streams (events, logs, pulls) stay open for as long as they run; idle pooled connections are recycled.
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(90),
            UseProxy = false,
            AllowAutoRedirect = false,
            // Called for each header as it is written: the last point where every header of every request passes,
            // whichever code added it. Refuses CR/LF/NUL, which the handler would otherwise send as they are.
            RequestHeaderEncodingSelector = static (name, request) =>
            {
                if (request is not null)
                {
                    DockerHeaderValues.ThrowIfUnsafe(name, request);
                }

                return null;
            },
        };
        if (Tls is { } tls)
        {
            handler.SslOptions = tls;
        }

        return handler;
    }

    /// <summary>Releases what the transport holds (nothing, unless a subclass says otherwise).</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases resources.</summary>
    /// <param name="disposing">True from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
    }

    /// <inheritdoc />
    public override string ToString() => Endpoint;
}
