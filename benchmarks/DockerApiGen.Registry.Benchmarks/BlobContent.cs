using System.Security.Cryptography;

namespace DockerApiGen.Registry.Benchmarks;

/// <summary>Blob content for the figures: a file of random bytes, or a stream made up as it is read (never held whole).</summary>
internal static class BlobContent
{
    /// <summary>Writes <paramref name="size"/> random bytes to a temporary file and returns its path and digest.</summary>
    public static async Task<(string Path, Content.Digest Digest)> FileAsync(long size)
    {
        var path = Path.Combine(Path.GetTempPath(), $"dockerapigen-bench-{Guid.NewGuid():N}.blob");
        var block = new byte[4 * 1024 * 1024];
        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20, FileOptions.Asynchronous))
        {
            for (long written = 0; written < size; written += block.Length)
            {
                RandomNumberGenerator.Fill(block);
                await file.WriteAsync(block.AsMemory(0, (int)Math.Min(block.Length, size - written))).ConfigureAwait(false);
            }
        }

        await using var read = File.OpenRead(path);
        return (path, await Content.Digest.ComputeAsync(read).ConfigureAwait(false));
    }

    /// <summary>A stream of <paramref name="size"/> bytes that cannot seek, made up as it is read.</summary>
    public static Stream Generated(long size) => new GeneratedStream(size);

    private sealed class GeneratedStream(long size) : Stream
    {
        private readonly byte[] _block = RandomNumberGenerator.GetBytes(1024 * 1024);
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var inBlock = (int)(_position % _block.Length);
            var count = (int)Math.Min(Math.Min(buffer.Length, _block.Length - inBlock), size - _position);
            if (count <= 0)
            {
                return 0;
            }

            _block.AsSpan(inBlock, count).CopyTo(buffer);
            if (inBlock == 0 && count >= sizeof(long))
            {
                BitConverter.TryWriteBytes(buffer, _position); // no two mebibytes alike
            }

            _position += count;
            return count;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromResult(Read(buffer.Span));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
