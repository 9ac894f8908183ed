using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;

namespace DockerApiGen.Runtime.Streams;

/// <summary>
/// A container's output (logs; attach and exec output): multiplexed frames when the container has no TTY,
/// the raw byte stream when it has one. Which of the two is taken from the response's content type when the
/// daemon says (API 1.42+), else recognised from the first bytes (a frame header starts with 0, 1 or 2 and
/// three zero bytes). Payloads go straight into the caller's buffer; copying and line reading use one pooled
/// buffer. Dispose it to close the connection.
/// </summary>
public class ContainerOutput : IAsyncDisposable, IDisposable
{
    /// <summary>The content type of a multiplexed stream (API 1.42+).</summary>
    public const string MultiplexedContentType = "application/vnd.docker.multiplexed-stream";

    private readonly IDisposable? _owner;
    private Stream _stream;
    private MultiplexedStreamReader? _frames;
    private bool? _isMultiplexed;
    private bool _disposed;

    /// <summary>Wraps an output stream.</summary>
    /// <param name="stream">The response or hijacked stream.</param>
    /// <param name="isMultiplexed">True or false when known; null to recognise it from the first bytes.</param>
    /// <param name="owner">Disposed with this output (the HTTP response), if any.</param>
    public ContainerOutput(Stream stream, bool? isMultiplexed, IDisposable? owner = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        _isMultiplexed = isMultiplexed;
        _owner = owner;
        if (isMultiplexed == true)
        {
            _frames = new MultiplexedStreamReader(stream);
        }
    }

    /// <summary>
    /// What an answer's <c>Content-Type</c> says about its output: true for the multiplexed type (API 1.42+), else
    /// null, since before 1.42 the daemon says <c>application/vnd.docker.raw-stream</c> for frames too and only the
    /// first bytes tell.
    /// </summary>
    /// <param name="contentType">The header's value (parameters allowed), or null.</param>
    internal static bool? MultiplexedFromContentType(string? contentType)
    {
        var mediaType = contentType.AsSpan();
        var semicolon = mediaType.IndexOf(';');
        return (semicolon < 0 ? mediaType : mediaType[..semicolon]).Trim().Equals(MultiplexedContentType, StringComparison.OrdinalIgnoreCase) ? true : null;
    }

    /// <summary>True for multiplexed frames, false for a raw (TTY) stream, null until the first read decides.</summary>
    public bool? IsMultiplexed => _isMultiplexed;

    /// <summary>The stream the output is read from (after any sniffed bytes have been put back).</summary>
    protected Stream Stream => _stream;

    /// <summary>Reads output bytes into <paramref name="destination"/>.</summary>
    /// <param name="destination">Where to put them.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>Which stream the bytes belong to and how many were read; 0 at the end.</returns>
    public async ValueTask<(StreamKind Kind, int Count)> ReadAsync(Memory<byte> destination, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_isMultiplexed is null)
        {
            await RecogniseAsync(cancellationToken).ConfigureAwait(false);
        }

        if (_frames is not null)
        {
            return await _frames.ReadAsync(destination, cancellationToken).ConfigureAwait(false);
        }

        var read = await _stream.ReadAsync(destination, cancellationToken).ConfigureAwait(false);
        return (StreamKind.StandardOutput, read);
    }

    /// <summary>Copies output to the end: standard output to <paramref name="standardOutput"/>, standard error to <paramref name="standardError"/> (or also to standard output when null).</summary>
    /// <param name="standardOutput">Where standard output goes.</param>
    /// <param name="standardError">Where standard error goes; null merges it into standard output.</param>
    /// <param name="cancellationToken">Cancels the copy.</param>
    public async Task CopyToAsync(Stream standardOutput, Stream? standardError = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(standardOutput);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_isMultiplexed is null)
        {
            await RecogniseAsync(cancellationToken).ConfigureAwait(false);
        }

        if (_frames is not null)
        {
            await _frames.CopyToAsync(standardOutput, standardError ?? standardOutput, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await _stream.CopyToAsync(standardOutput, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reads all output as text (UTF-8), standard output and standard error kept apart.</summary>
    /// <param name="cancellationToken">Cancels reading.</param>
    public async Task<(string StandardOutput, string StandardError)> ReadToEndAsync(CancellationToken cancellationToken = default)
    {
        using var output = new MemoryStream();
        using var error = new MemoryStream();
        await CopyToAsync(output, error, cancellationToken).ConfigureAwait(false);
        return (Encoding.UTF8.GetString(output.GetBuffer(), 0, (int)output.Length), Encoding.UTF8.GetString(error.GetBuffer(), 0, (int)error.Length));
    }

    /// <summary>Yields the output line by line (UTF-8, <c>\n</c> or <c>\r\n</c>), each with its stream; a last line without a break is yielded at the end.</summary>
    /// <param name="cancellationToken">Ends the enumeration.</param>
    public async IAsyncEnumerable<OutputLine> ReadLinesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(16384);
        var pending = new Dictionary<StreamKind, ArrayBufferWriter<byte>>();
        try
        {
            while (true)
            {
                var (kind, count) = await ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
                if (count == 0)
                {
                    break;
                }

                if (!pending.TryGetValue(kind, out var line))
                {
                    pending[kind] = line = new ArrayBufferWriter<byte>();
                }

                var chunk = buffer.AsMemory(0, count);
                int newline;
                while ((newline = chunk.Span.IndexOf((byte)'\n')) >= 0)
                {
                    line.Write(chunk.Span[..newline]);
                    yield return new OutputLine(kind, Decode(line));
                    line.ResetWrittenCount();
                    chunk = chunk[(newline + 1)..];
                }

                line.Write(chunk.Span);
            }

            foreach (var (kind, line) in pending.OrderBy(p => p.Key))
            {
                if (line.WrittenCount > 0)
                {
                    yield return new OutputLine(kind, Decode(line));
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await DisposeAsyncCore().ConfigureAwait(false);
        Dispose(false);
        GC.SuppressFinalize(this);
    }

    /// <summary>Closes the stream and what owns it.</summary>
    /// <param name="disposing">True from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true;
            _stream.Dispose();
            _owner?.Dispose();
        }
    }

    /// <summary>Closes the stream asynchronously.</summary>
    protected virtual async ValueTask DisposeAsyncCore()
    {
        if (!_disposed)
        {
            _disposed = true;
            await _stream.DisposeAsync().ConfigureAwait(false);
            _owner?.Dispose();
        }
    }

    private static string Decode(ArrayBufferWriter<byte> line)
    {
        var span = line.WrittenSpan;
        if (span.Length > 0 && span[^1] == (byte)'\r')
        {
            span = span[..^1];
        }

        return Encoding.UTF8.GetString(span);
    }

    private async ValueTask RecogniseAsync(CancellationToken cancellationToken)
    {
        // Read just enough to decide: one byte settles a raw stream that starts with anything but 0/1/2;
        // otherwise four bytes (a frame header's stream byte and three zero bytes).
        var head = new byte[4];
        var filled = 0;
        var multiplexed = false;
        while (filled < head.Length)
        {
            var read = await _stream.ReadAsync(head.AsMemory(filled), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            filled += read;
            if (head[0] > 2)
            {
                break;
            }

            if (filled == head.Length)
            {
                multiplexed = head[1] == 0 && head[2] == 0 && head[3] == 0;
            }
        }

        _stream = new PrefixedStream(head, 0, filled, _stream);
        _isMultiplexed = multiplexed;
        if (multiplexed)
        {
            _frames = new MultiplexedStreamReader(_stream);
        }
    }
}
