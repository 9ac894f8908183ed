using System.Buffers;
using System.Buffers.Text;
using System.Net.Sockets;
using System.Text;

namespace DockerApiGen.Benchmarks.Replay;

/// <summary>
/// A minimal HTTP/1.1 server on a unix socket that answers each request with a response prepared by
/// <see cref="ReplayRoutes"/>: keep-alive, Content-Length responses, request bodies read and ignored.
/// It stands in for the daemon so a benchmark measures the client, not the daemon's work. Serving a
/// request on an open connection allocates nothing.
/// </summary>
public sealed class ReplayServer : IAsyncDisposable
{
    // A benchmark's request is a request line and a few headers; a larger head is refused.
    private const int MaxRequestHead = 16 * 1024;

    private static readonly byte[] HeadTooLarge = ReplayResponse.Error("431 Request Header Fields Too Large", "request head too large");
    private static readonly byte[] BadRequest = ReplayResponse.Error("400 Bad Request", "malformed request line");
    private static readonly byte[] ChunkedBodyUnsupported = ReplayResponse.Error("411 Length Required", "chunked request bodies are not supported");

    private readonly Socket _listener;
    private readonly ReplayRoutes _routes;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _accepting;

    private ReplayServer(string socketPath, Socket listener, ReplayRoutes routes)
    {
        SocketPath = socketPath;
        _listener = listener;
        _routes = routes;
        _accepting = AcceptAsync();
    }

    /// <summary>The socket the server listens on.</summary>
    public string SocketPath { get; }

    /// <summary>The endpoint as Docker clients write it, <c>unix:///…</c>.</summary>
    public string Endpoint => "unix://" + SocketPath;

    /// <summary>Listens on <paramref name="socketPath"/> (a stale socket file there is replaced).</summary>
    /// <param name="socketPath">Where to listen.</param>
    /// <param name="routes">The prepared responses.</param>
    public static ReplayServer Start(string socketPath, ReplayRoutes routes)
    {
        File.Delete(socketPath);
        var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            listener.Bind(new UnixDomainSocketEndPoint(socketPath));
            listener.Listen(512);
        }
        catch
        {
            listener.Dispose();
            throw;
        }

        return new ReplayServer(socketPath, listener, routes);
    }

    /// <summary>Stops listening, ends open connections and removes the socket file.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        _listener.Dispose();
        await _accepting.ConfigureAwait(false);
        _stopping.Dispose();
        File.Delete(SocketPath);
    }

    private async Task AcceptAsync()
    {
        while (true)
        {
            Socket connection;
            try
            {
                connection = await _listener.AcceptAsync(_stopping.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException && _stopping.IsCancellationRequested)
            {
                return;
            }

            // Each connection is served until its client closes it (or the server stops).
            _ = ServeAsync(connection);
        }
    }

    private async Task ServeAsync(Socket connection)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(MaxRequestHead);
        try
        {
            var filled = 0;
            long bodyLeft = 0;
            while (true)
            {
                var received = await connection.ReceiveAsync(buffer.AsMemory(filled), SocketFlags.None, _stopping.Token).ConfigureAwait(false);
                if (received == 0)
                {
                    return;
                }

                filled += received;
                var start = 0;
                while (true)
                {
                    if (bodyLeft > 0)
                    {
                        var skipped = (int)Math.Min(bodyLeft, filled - start);
                        start += skipped;
                        bodyLeft -= skipped;
                        if (bodyLeft > 0)
                        {
                            break;
                        }
                    }

                    var request = ReadHead(buffer.AsSpan(start, filled - start));
                    if (request.Length == 0)
                    {
                        break;
                    }

                    await SendAsync(connection, request.Response).ConfigureAwait(false);
                    if (request.CloseAfter)
                    {
                        return;
                    }

                    start += request.Length;
                    bodyLeft = request.BodyLength;
                }

                // Keep the start of a request that has not fully arrived at the front of the buffer.
                buffer.AsSpan(start, filled - start).CopyTo(buffer);
                filled -= start;
                if (filled == buffer.Length)
                {
                    await SendAsync(connection, HeadTooLarge).ConfigureAwait(false);
                    return;
                }
            }
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away, or the server is stopping.
        }
        finally
        {
            connection.Dispose();
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async ValueTask SendAsync(Socket connection, byte[] response)
    {
        var sent = 0;
        while (sent < response.Length)
        {
            sent += await connection.SendAsync(response.AsMemory(sent), SocketFlags.None, _stopping.Token).ConfigureAwait(false);
        }
    }

    // Parses one request head at the start of data; Length 0 when the head has not fully arrived.
    private RequestHead ReadHead(ReadOnlySpan<byte> data)
    {
        var end = data.IndexOf("\r\n\r\n"u8);
        if (end < 0)
        {
            return default;
        }

        var length = end + 4;
        var lines = data[..end];
        var lineEnd = lines.IndexOf("\r\n"u8);
        var requestLine = lineEnd < 0 ? lines : lines[..lineEnd];
        var firstSpace = requestLine.IndexOf((byte)' ');
        var lastSpace = requestLine.LastIndexOf((byte)' ');
        if (firstSpace < 0 || lastSpace <= firstSpace)
        {
            return new RequestHead(length, BadRequest, 0, CloseAfter: true);
        }

        long bodyLength = 0;
        var close = false;
        var headers = lineEnd < 0 ? [] : lines[(lineEnd + 2)..];
        while (!headers.IsEmpty)
        {
            var next = headers.IndexOf("\r\n"u8);
            var header = next < 0 ? headers : headers[..next];
            headers = next < 0 ? [] : headers[(next + 2)..];

            var colon = header.IndexOf((byte)':');
            if (colon < 0)
            {
                continue;
            }

            var name = header[..colon];
            var value = header[(colon + 1)..].Trim((byte)' ');
            if (Ascii.EqualsIgnoreCase(name, "Content-Length"u8))
            {
                _ = Utf8Parser.TryParse(value, out bodyLength, out _);
            }
            else if (Ascii.EqualsIgnoreCase(name, "Connection"u8) && Ascii.EqualsIgnoreCase(value, "close"u8))
            {
                close = true;
            }
            else if (Ascii.EqualsIgnoreCase(name, "Transfer-Encoding"u8))
            {
                // No client here sends a body with a read; supporting chunked uploads would be dead code.
                return new RequestHead(length, ChunkedBodyUnsupported, 0, CloseAfter: true);
            }
        }

        return new RequestHead(length, _routes.Answer(requestLine[(firstSpace + 1)..lastSpace]), bodyLength, close);
    }

    private readonly record struct RequestHead(int Length, byte[] Response, long BodyLength, bool CloseAfter);
}
