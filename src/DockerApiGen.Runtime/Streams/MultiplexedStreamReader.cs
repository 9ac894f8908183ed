using System.Buffers;
using System.Buffers.Binary;

namespace DockerApiGen.Runtime.Streams;

/// <summary>
/// Reads Docker's multiplexed stream (logs, attach and exec without a TTY): frames of an 8-byte header
/// (byte 0 the stream, bytes 4–7 the big-endian payload length) followed by the payload. Payload bytes
/// go straight into the caller's buffer: nothing is copied or allocated per frame.
/// </summary>
/// <param name="stream">The response or hijacked stream.</param>
public sealed class MultiplexedStreamReader(Stream stream)
{
    private readonly byte[] _header = new byte[8];
    private StreamKind _current;
    private int _remaining;

    /// <summary>
    /// Reads payload bytes of the current frame (starting the next frame when needed) into
    /// <paramref name="destination"/>.
    /// </summary>
    /// <param name="destination">Where to put payload bytes.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The stream the bytes belong to and how many were read; 0 bytes at the end of the stream.</returns>
    /// <exception cref="EndOfStreamException">The stream ended inside a frame.</exception>
    public async ValueTask<(StreamKind Kind, int Count)> ReadAsync(Memory<byte> destination, CancellationToken cancellationToken = default)
    {
        if (destination.IsEmpty)
        {
            throw new ArgumentException("The destination must not be empty.", nameof(destination));
        }

        while (_remaining == 0)
        {
            if (!await ReadHeaderAsync(cancellationToken).ConfigureAwait(false))
            {
                return (_current, 0);
            }
        }

        var read = await stream.ReadAsync(destination[..Math.Min(destination.Length, _remaining)], cancellationToken).ConfigureAwait(false);
        if (read == 0)
        {
            throw new EndOfStreamException($"The stream ended with {_remaining} bytes of a {_current} frame still to come.");
        }

        _remaining -= read;
        return (_current, read);
    }

    /// <summary>Copies standard output and standard error to two streams until the end, through one pooled buffer.</summary>
    /// <param name="standardOutput">Where standard output goes.</param>
    /// <param name="standardError">Where standard error goes.</param>
    /// <param name="cancellationToken">Cancels the copy.</param>
    public async Task CopyToAsync(Stream standardOutput, Stream standardError, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(standardOutput);
        ArgumentNullException.ThrowIfNull(standardError);
        var buffer = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            while (true)
            {
                var (kind, count) = await ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
                if (count == 0)
                {
                    return;
                }

                var target = kind == StreamKind.StandardError ? standardError : standardOutput;
                await target.WriteAsync(buffer.AsMemory(0, count), cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async ValueTask<bool> ReadHeaderAsync(CancellationToken cancellationToken)
    {
        var filled = 0;
        while (filled < _header.Length)
        {
            var read = await stream.ReadAsync(_header.AsMemory(filled), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return filled == 0
                    ? false
                    : throw new EndOfStreamException($"The stream ended inside a frame header ({filled} of 8 bytes).");
            }

            filled += read;
        }

        if (_header[0] > 2)
        {
            throw new InvalidDataException($"Byte 0 of a frame header is {_header[0]}; expected 0, 1 or 2. Is this a TTY (raw) stream?");
        }

        _current = (StreamKind)_header[0];
        _remaining = checked((int)BinaryPrimitives.ReadUInt32BigEndian(_header.AsSpan(4)));
        return true;
    }
}
