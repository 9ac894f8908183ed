namespace DockerApiGen.Registry.Blobs;

/// <summary>
/// The shape of the read-only, forward-only streams a transfer is built from (a chunk of an upload, a hashing pass,
/// a resuming or read-ahead download): everything but reading is refused, and reads of arrays go to the span overloads.
/// </summary>
internal abstract class ForwardReadStream : Stream
{
    public sealed override bool CanRead => true;

    public sealed override bool CanSeek => false;

    public sealed override bool CanWrite => false;

    public override long Length => throw new NotSupportedException("This stream reads forward and does not know its length.");

    public override long Position
    {
        get => throw new NotSupportedException("This stream reads forward only.");
        set => throw new NotSupportedException("This stream reads forward only.");
    }

    public abstract override int Read(Span<byte> buffer);

    public abstract override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default);

    public sealed override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public sealed override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public sealed override void Flush()
    {
    }

    public sealed override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("This stream reads forward only.");

    public sealed override void SetLength(long value) => throw new NotSupportedException("This stream is read-only.");

    public sealed override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("This stream is read-only.");
}
