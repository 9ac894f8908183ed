using System.Security.Cryptography;
using DockerApiGen.Registry.Content;

namespace DockerApiGen.Registry.Blobs;

/// <summary>Hashes what is read through it (an upload of unknown digest), counting the bytes; the source is not disposed.</summary>
internal sealed class HashingReadStream(Stream inner) : ForwardReadStream
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public long BytesRead { get; private set; }

    public override long Position
    {
        get => BytesRead;
        set => throw new NotSupportedException();
    }

    /// <summary>The sha256 digest of everything read.</summary>
    public Digest Digest => Digest.Parse("sha256:" + Convert.ToHexStringLower(_hash.GetCurrentHash()));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        Add(buffer[..read]);
        return read;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        Add(buffer.Span[..read]);
        return read;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hash.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Add(ReadOnlySpan<byte> data)
    {
        _hash.AppendData(data);
        BytesRead += data.Length;
    }
}
