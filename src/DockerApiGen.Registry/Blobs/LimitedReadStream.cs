namespace DockerApiGen.Registry.Blobs;

/// <summary>
/// Reads exactly <c>length</c> bytes of another stream (one chunk of an upload), from wherever it stands, without
/// buffering and without disposing it; a source that ends early fails, since the request announced its length.
/// </summary>
internal sealed class LimitedReadStream(Stream inner, long length) : ForwardReadStream
{
    private readonly long _length = length;
    private long _left = length;

    public override long Length => _length;

    public override long Position
    {
        get => _length - _left;
        set => throw new NotSupportedException();
    }

    public override int Read(Span<byte> buffer)
    {
        if (_left == 0 || buffer.IsEmpty)
        {
            return 0;
        }

        return Took(inner.Read(buffer[..(int)Math.Min(buffer.Length, _left)]));
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_left == 0 || buffer.IsEmpty)
        {
            return 0;
        }

        return Took(await inner.ReadAsync(buffer[..(int)Math.Min(buffer.Length, _left)], cancellationToken).ConfigureAwait(false));
    }

    private int Took(int read)
    {
        if (read == 0)
        {
            throw new EndOfStreamException($"The blob's stream ended {_left} bytes before the {_length} bytes this request announced.");
        }

        _left -= read;
        return read;
    }
}
