using System.Security.Cryptography;

namespace DockerApiGen.Registry.Tests.Support;

/// <summary>
/// A large blob made up as it is read (never held whole): one random mebibyte repeated, each copy with its index
/// written into its first bytes so that no two are alike. It cannot seek, like a network stream.
/// </summary>
internal sealed class GeneratedContent(long length) : Stream
{
    private const int BlockSize = 1024 * 1024;
    private readonly byte[] _block = RandomNumberGenerator.GetBytes(BlockSize);
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var left = length - _position;
        if (left <= 0 || buffer.IsEmpty)
        {
            return 0;
        }

        var inBlock = (int)(_position % BlockSize);
        var count = (int)Math.Min(Math.Min(buffer.Length, BlockSize - inBlock), left);
        _block.AsSpan(inBlock, count).CopyTo(buffer);
        if (inBlock < sizeof(long))
        {
            // The block's index in its first eight bytes.
            Span<byte> index = stackalloc byte[sizeof(long)];
            BitConverter.TryWriteBytes(index, _position / BlockSize);
            index[inBlock..Math.Min(sizeof(long), inBlock + count)].CopyTo(buffer);
        }

        _position += count;
        return count;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
