using System.Globalization;
using System.Text;

namespace DockerApiGen.Contract.Tests.Server;

/// <summary>Writes HTTP/1.1 responses: a status line with header fields, then a fixed-length body or chunks.</summary>
public static class HttpResponseWriter
{
    /// <summary>Writes the status line and header fields (and the empty line that ends them).</summary>
    /// <param name="stream">The connection.</param>
    /// <param name="status">The status code.</param>
    /// <param name="headers">The header fields.</param>
    /// <param name="cancellationToken">Cancels writing.</param>
    /// <param name="reason">The reason phrase; by default the usual one for the status.</param>
    public static async Task WriteHeadAsync(Stream stream, int status, IEnumerable<KeyValuePair<string, string>> headers, CancellationToken cancellationToken, string? reason = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(headers);
        var head = new StringBuilder();
        head.Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {status} {reason ?? ReasonPhrase(status)}\r\n");
        foreach (var (name, value) in headers)
        {
            head.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        }

        head.Append("\r\n");
        await stream.WriteAsync(Encoding.Latin1.GetBytes(head.ToString()), cancellationToken).ConfigureAwait(false);
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes a whole response with a <c>Content-Length</c> body (none for 204, 304 and HEAD).</summary>
    /// <param name="stream">The connection.</param>
    /// <param name="status">The status code.</param>
    /// <param name="headers">Header fields besides <c>Content-Length</c>.</param>
    /// <param name="body">The body.</param>
    /// <param name="isHead">Whether the request was HEAD: the length is announced, the body is not sent.</param>
    /// <param name="cancellationToken">Cancels writing.</param>
    public static async Task WriteAsync(Stream stream, int status, IEnumerable<KeyValuePair<string, string>> headers, ReadOnlyMemory<byte> body, bool isHead, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var all = headers.ToList();
        if (status is not (204 or 304))
        {
            all.Add(new("Content-Length", body.Length.ToString(CultureInfo.InvariantCulture)));
        }

        await WriteHeadAsync(stream, status, all, cancellationToken).ConfigureAwait(false);
        if (!isHead && status is not (204 or 304) && body.Length > 0)
        {
            await stream.WriteAsync(body, cancellationToken).ConfigureAwait(false);
            await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Writes one chunk of a chunked body, flushed so the client sees it at once (as a stream does).</summary>
    /// <param name="stream">The connection.</param>
    /// <param name="data">The chunk's data; must not be empty (an empty chunk ends the body).</param>
    /// <param name="cancellationToken">Cancels writing.</param>
    public static async Task WriteChunkAsync(Stream stream, ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfZero(data.Length);
        await stream.WriteAsync(Encoding.ASCII.GetBytes(data.Length.ToString("x", CultureInfo.InvariantCulture) + "\r\n"), cancellationToken).ConfigureAwait(false);
        await stream.WriteAsync(data, cancellationToken).ConfigureAwait(false);
        await stream.WriteAsync("\r\n"u8.ToArray(), cancellationToken).ConfigureAwait(false);
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Ends a chunked body.</summary>
    /// <param name="stream">The connection.</param>
    /// <param name="cancellationToken">Cancels writing.</param>
    public static async Task WriteLastChunkAsync(Stream stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        await stream.WriteAsync("0\r\n\r\n"u8.ToArray(), cancellationToken).ConfigureAwait(false);
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string ReasonPhrase(int status) => status switch
    {
        101 => "Switching Protocols",
        200 => "OK",
        201 => "Created",
        202 => "Accepted",
        204 => "No Content",
        304 => "Not Modified",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        409 => "Conflict",
        429 => "Too Many Requests",
        404 => "Not Found",
        405 => "Method Not Allowed",
        500 => "Internal Server Error",
        _ => "Status",
    };
}
