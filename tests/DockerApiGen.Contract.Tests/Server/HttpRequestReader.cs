using System.Globalization;

namespace DockerApiGen.Contract.Tests.Server;

/// <summary>Reads HTTP/1.1 requests (request line, header fields, a Content-Length or chunked body) from a connection.</summary>
public static class HttpRequestReader
{
    private const int MaxLineLength = 64 * 1024;
    private const int MaxHeaderCount = 200;
    private const long MaxBodyLength = 256L * 1024 * 1024;

    /// <summary>Reads the next request; null when the client closed the connection between requests.</summary>
    /// <param name="reader">The connection.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <exception cref="MalformedRequestException">The bytes are not an HTTP/1.1 request.</exception>
    public static async Task<HttpRequest?> ReadAsync(ConnectionReader reader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var requestLine = await reader.ReadLineAsync(MaxLineLength, cancellationToken).ConfigureAwait(false);
        if (requestLine is null)
        {
            return null;
        }

        if (requestLine.Split(' ') is not [var method, var target, var protocol] || method.Length == 0 || target.Length == 0)
        {
            throw new MalformedRequestException($"'{requestLine}' is not a request line (method SP target SP protocol).");
        }

        var headers = await ReadHeadersAsync(reader, cancellationToken).ConfigureAwait(false);
        var lengths = headers.Where(h => h.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).Distinct().ToList();
        var encodings = headers.Where(h => h.Key.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).ToList();
        if (lengths.Count > 0 && encodings.Count > 0)
        {
            throw new MalformedRequestException("The request has both Content-Length and Transfer-Encoding.");
        }

        using var body = new MemoryStream();
        var framing = BodyFraming.None;
        if (encodings.Count > 0)
        {
            if (encodings is not [var encoding] || !encoding.Equals("chunked", StringComparison.OrdinalIgnoreCase))
            {
                throw new MalformedRequestException($"Transfer-Encoding '{string.Join(", ", encodings)}' is not supported; only 'chunked' is.");
            }

            await ReadChunkedAsync(reader, body, cancellationToken).ConfigureAwait(false);
            framing = BodyFraming.Chunked;
        }
        else if (lengths.Count > 0)
        {
            if (lengths is not [var text] || !long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var length) || length > MaxBodyLength)
            {
                throw new MalformedRequestException($"Content-Length '{string.Join(", ", lengths)}' is not one length up to {MaxBodyLength}.");
            }

            await reader.ReadExactAsync(body, length, cancellationToken).ConfigureAwait(false);
            framing = BodyFraming.ContentLength;
        }

        return new HttpRequest(method, target, protocol, headers, body.ToArray(), framing);
    }

    private static async Task<List<KeyValuePair<string, string>>> ReadHeadersAsync(ConnectionReader reader, CancellationToken cancellationToken)
    {
        var headers = new List<KeyValuePair<string, string>>();
        while (true)
        {
            var line = await reader.ReadLineAsync(MaxLineLength, cancellationToken).ConfigureAwait(false)
                ?? throw new MalformedRequestException("The connection ended inside the header fields.");
            if (line.Length == 0)
            {
                return headers;
            }

            if (line[0] is ' ' or '\t')
            {
                throw new MalformedRequestException($"Header line '{line}' is a folded continuation, which HTTP/1.1 forbids (an injected line break?).");
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new MalformedRequestException($"Header line '{line}' has no name and colon (an injected line break?).");
            }

            if (headers.Count == MaxHeaderCount)
            {
                throw new MalformedRequestException($"The request has more than {MaxHeaderCount} header fields.");
            }

            // Values keep every byte but surrounding whitespace, so that a CR or control character inside is seen.
            headers.Add(new(line[..colon], line[(colon + 1)..].Trim(' ', '\t')));
        }
    }

    private static async Task ReadChunkedAsync(ConnectionReader reader, MemoryStream body, CancellationToken cancellationToken)
    {
        while (true)
        {
            var sizeLine = await reader.ReadLineAsync(MaxLineLength, cancellationToken).ConfigureAwait(false)
                ?? throw new MalformedRequestException("The connection ended before the last chunk.");
            var sizeText = sizeLine.Split(';', 2)[0].Trim();
            if (!long.TryParse(sizeText, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var size) || size < 0 || body.Length + size > MaxBodyLength)
            {
                throw new MalformedRequestException($"'{sizeLine}' is not a chunk size.");
            }

            if (size == 0)
            {
                // Trailer fields, if any, end with an empty line.
                while (await reader.ReadLineAsync(MaxLineLength, cancellationToken).ConfigureAwait(false) is { Length: > 0 })
                {
                }

                return;
            }

            await reader.ReadExactAsync(body, size, cancellationToken).ConfigureAwait(false);
            if (await reader.ReadLineAsync(MaxLineLength, cancellationToken).ConfigureAwait(false) is not "")
            {
                throw new MalformedRequestException("A chunk's data is not followed by CRLF.");
            }
        }
    }
}
