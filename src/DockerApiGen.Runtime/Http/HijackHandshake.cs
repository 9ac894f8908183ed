using System.Globalization;
using System.Net;
using System.Text;
using DockerApiGen.Runtime.Errors;
using DockerApiGen.Runtime.Streams;
using DockerApiGen.Runtime.Transport;

namespace DockerApiGen.Runtime.Http;

/// <summary>
/// The HTTP/1.1 exchange that turns a connection into an attach/exec session: the request carries
/// <c>Connection: Upgrade</c> and <c>Upgrade: tcp</c> (Docker Desktop and proxies need them), the daemon
/// answers <c>101 UPGRADED</c>, and the connection then carries raw bytes. Written by hand because
/// <see cref="HttpClient"/> cannot hand back a connection that can half-close.
/// </summary>
/// <remarks>
/// Other successful answers:
/// <list type="bullet">
/// <item>A body that runs to the end of the connection (<c>200</c> with no <c>Content-Length</c> and no chunking):
/// a daemon that ignores the upgrade and writes the raw stream anyway. Taken as the session.</item>
/// <item>An empty body (<c>Content-Length: 0</c>, or <c>204</c>) to a request the caller marked detached (an
/// exec start whose config says <c>Detach</c>; the operations file declares which body property means that): the
/// daemon started the process and opened no session. Docker and Podman answer a detached exec start so. The
/// handshake then returns no stream.</item>
/// <item>Anything else (an empty body when a session was asked for, a body of known length, a chunked one): the
/// daemon, or a proxy in front of it, did not upgrade the connection; that is a
/// <see cref="DockerConnectionException"/>, since no session can be read from it.</item>
/// </list>
/// </remarks>
internal static class HijackHandshake
{
    private const int MaxHeaderBytes = 64 * 1024;

    /// <summary>Sends the request and reads the response head.</summary>
    /// <param name="connection">The new connection to the daemon.</param>
    /// <param name="transport">The transport, for the <c>Host</c> header and errors.</param>
    /// <param name="request">The request.</param>
    /// <param name="target">The request target (path and query below the version prefix).</param>
    /// <param name="userAgent">The <c>User-Agent</c> to send.</param>
    /// <param name="protocol">The upgrade protocol.</param>
    /// <param name="detached">The request asks the daemon for no session (an empty answer is then the expected one).</param>
    /// <param name="cancellationToken">Cancels the exchange.</param>
    /// <returns>
    /// The read stream (with any bytes read past the head put back) and whether the output is multiplexed, when the
    /// daemon said; a null stream when the daemon answered a detached start without a session.
    /// </returns>
    public static async Task<(Stream? ReadStream, bool? IsMultiplexed)> RunAsync(
        Stream connection, DockerTransport transport, DockerRequest request, string target, string userAgent, string protocol, bool detached, CancellationToken cancellationToken)
    {
        var head = new StringBuilder()
            .Append(request.Method.Method).Append(' ').Append(target).Append(" HTTP/1.1\r\n")
            .Append("Host: ").Append(transport.BaseAddress.Authority).Append("\r\n")
            .Append("User-Agent: ").Append(userAgent).Append("\r\n")
            .Append("Connection: Upgrade\r\n")
            .Append("Upgrade: ").Append(protocol).Append("\r\n");
        foreach (var (name, value) in request.Headers)
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        byte[]? body = null;
        if (request.Content is { } content)
        {
            body = await content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            head.Append("Content-Type: ").Append(content.Headers.ContentType?.ToString() ?? "application/json").Append("\r\n");
        }

        head.Append("Content-Length: ").Append((body?.Length ?? 0).ToString(CultureInfo.InvariantCulture)).Append("\r\n\r\n");
        await connection.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), cancellationToken).ConfigureAwait(false);
        if (body is not null)
        {
            await connection.WriteAsync(body, cancellationToken).ConfigureAwait(false);
        }

        await connection.FlushAsync(cancellationToken).ConfigureAwait(false);
        return await ReadResponseAsync(connection, transport, request, detached, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<(Stream?, bool?)> ReadResponseAsync(Stream connection, DockerTransport transport, DockerRequest request, bool detach, CancellationToken cancellationToken)
    {
        var buffer = new byte[8192];
        var filled = 0;
        int end;
        while ((end = buffer.AsSpan(0, filled).IndexOf("\r\n\r\n"u8)) < 0)
        {
            if (filled == buffer.Length)
            {
                if (buffer.Length >= MaxHeaderBytes)
                {
                    throw new InvalidDataException($"The daemon's answer to {request.Method} {request.Path} has headers longer than {MaxHeaderBytes} bytes.");
                }

                Array.Resize(ref buffer, buffer.Length * 2);
            }

            var read = await connection.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                throw new IOException($"The daemon closed the connection before answering {request.Method} {request.Path}.");
            }

            filled += read;
        }

        var lines = Encoding.ASCII.GetString(buffer, 0, end).Split("\r\n");
        var status = ParseStatus(lines[0], request);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            }
        }

        var bodyStart = end + 4;
        if ((int)status is < 200 or > 299 && status != HttpStatusCode.SwitchingProtocols)
        {
            var body = await ReadErrorBodyAsync(connection, buffer, bodyStart, filled, headers, cancellationToken).ConfigureAwait(false);
            throw DockerApiException.From(status, body, request.Method.Method, request.Path);
        }

        var length = headers.TryGetValue("Content-Length", out var text) && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : (long?)null;
        var chunked = headers.TryGetValue("Transfer-Encoding", out var encoding) && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase);
        var empty = status == HttpStatusCode.NoContent || length == 0;
        if (status != HttpStatusCode.SwitchingProtocols)
        {
            if (empty && detach)
            {
                return (null, null); // a detached exec start: the process runs, no session was opened
            }

            if (empty || length is not null || chunked)
            {
                throw NotUpgraded(transport, request, status, empty ? "an empty body" : chunked ? "a chunked body" : $"a body of {length} bytes");
            }
        }

        return (new PrefixedStream(buffer, bodyStart, filled - bodyStart, connection), ContainerOutput.MultiplexedFromContentType(headers.GetValueOrDefault("Content-Type")));
    }

    private static DockerConnectionException NotUpgraded(DockerTransport transport, DockerRequest request, HttpStatusCode status, string body)
        => new(transport.Endpoint,
            $"The Docker daemon at {transport.Endpoint} did not upgrade the connection for {request.OperationId} ({request.Method} {request.Path}): it answered {(int)status} {status} with {body} instead of 101 Switching Protocols, so there is no session to read or write. "
            + "A proxy between the client and the daemon may drop the Connection: Upgrade and Upgrade headers: connect to the daemon directly, or let the proxy pass upgrades.");

    private static HttpStatusCode ParseStatus(string statusLine, DockerRequest request)
    {
        var parts = statusLine.Split(' ', 3);
        if (parts.Length < 2 || !parts[0].StartsWith("HTTP/1.", StringComparison.Ordinal) || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var code))
        {
            throw new InvalidDataException($"The daemon's answer to {request.Method} {request.Path} is not HTTP/1.x: '{statusLine}'. Is the endpoint a Docker daemon?");
        }

        return (HttpStatusCode)code;
    }

    private static async Task<byte[]> ReadErrorBodyAsync(Stream connection, byte[] buffer, int start, int filled, Dictionary<string, string> headers, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream();
        body.Write(buffer, start, filled - start);
        var length = headers.TryGetValue("Content-Length", out var text) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? Math.Min(n, MaxHeaderBytes) : 0;
        var chunk = new byte[4096];
        while (body.Length < length)
        {
            var read = await connection.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, length - body.Length)), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            body.Write(chunk, 0, read);
        }

        return body.ToArray();
    }
}
