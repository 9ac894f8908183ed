using System.Text;

namespace DockerApiGen.Contract.Tests.Server;

/// <summary>
/// The reading side of one client connection, buffered: HTTP lines and exact byte counts while it speaks
/// HTTP, then raw bytes once it is hijacked (the bytes already buffered come first, so no stdin is lost).
/// </summary>
/// <param name="stream">The connection.</param>
public sealed class ConnectionReader(Stream stream)
{
    private readonly byte[] _buffer = new byte[16 * 1024];
    private int _start;
    private int _end;

    /// <summary>
    /// Reads one line ending in CRLF, without it, as Latin-1 (so every byte survives for validation).
    /// Null when the connection ends before the line starts.
    /// </summary>
    /// <param name="maxLength">The longest line accepted.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <exception cref="MalformedRequestException">The line is too long, ends in a bare LF, or the connection ends inside it.</exception>
    public async ValueTask<string?> ReadLineAsync(int maxLength, CancellationToken cancellationToken)
    {
        var line = new List<byte>();
        while (true)
        {
            if (_start == _end && !await FillAsync(cancellationToken).ConfigureAwait(false))
            {
                return line.Count == 0 ? null : throw new MalformedRequestException("The connection ended inside a line.");
            }

            var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            var take = newline < 0 ? _end : newline;
            line.AddRange(_buffer.AsSpan(_start, take - _start));
            _start = newline < 0 ? _end : newline + 1;
            if (line.Count > maxLength)
            {
                throw new MalformedRequestException($"A line is longer than {maxLength} bytes.");
            }

            if (newline >= 0)
            {
                if (line.Count == 0 || line[^1] != '\r')
                {
                    throw new MalformedRequestException("A line ends in a bare LF; HTTP/1.1 lines end in CRLF.");
                }

                return Encoding.Latin1.GetString(line.ToArray(), 0, line.Count - 1);
            }
        }
    }

    /// <summary>Reads exactly <paramref name="count"/> bytes.</summary>
    /// <param name="destination">Where the bytes go.</param>
    /// <param name="count">How many.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <exception cref="MalformedRequestException">The connection ends first.</exception>
    public async ValueTask ReadExactAsync(Stream destination, long count, CancellationToken cancellationToken)
    {
        while (count > 0)
        {
            if (_start == _end && !await FillAsync(cancellationToken).ConfigureAwait(false))
            {
                throw new MalformedRequestException($"The connection ended {count} bytes before the body did.");
            }

            var take = (int)Math.Min(count, _end - _start);
            await destination.WriteAsync(_buffer.AsMemory(_start, take), cancellationToken).ConfigureAwait(false);
            _start += take;
            count -= take;
        }
    }

    /// <summary>Reads what is there (buffered bytes first); 0 when the client has closed its sending side.</summary>
    /// <param name="destination">Where the bytes go.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    public async ValueTask<int> ReadAsync(Memory<byte> destination, CancellationToken cancellationToken)
    {
        if (_start == _end && !await FillAsync(cancellationToken).ConfigureAwait(false))
        {
            return 0;
        }

        var take = Math.Min(destination.Length, _end - _start);
        _buffer.AsMemory(_start, take).CopyTo(destination);
        _start += take;
        return take;
    }

    private async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        _start = 0;
        _end = await stream.ReadAsync(_buffer, cancellationToken).ConfigureAwait(false);
        return _end > 0;
    }
}
