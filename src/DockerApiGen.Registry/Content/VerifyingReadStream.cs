using System.Buffers;
using System.Security.Cryptography;

namespace DockerApiGen.Registry.Content;

/// <summary>
/// Reads downloaded content while hashing it, and checks it against the digest (and size) it was asked for,
/// without holding the whole content in memory.
/// </summary>
/// <remarks>
/// <para>The guarantee, precisely:</para>
/// <list type="bullet">
/// <item>The last <see cref="WithheldBytes"/> bytes of the content (all of it, when it is smaller) are handed out only
/// after the end of the source was reached and the digest and size checked out. A reader that reads to the end
/// therefore either gets every byte and a verified end (<c>Read</c> returns 0, <see cref="IsVerified"/> is true), or
/// gets a <see cref="DigestMismatchException"/> before the withheld end: it never holds a complete, unverified copy.
/// Content up to 16 KiB (configs, most manifests) is verified before its first byte is returned.</item>
/// <item>Bytes beyond the expected size are detected when they arrive and are never handed out.</item>
/// <item>Bytes handed out before the end are not yet verified. A consumer that acts on data as it streams
/// (extracting a tar, writing a file) must reach the end, or call <see cref="ReadToEndAndVerifyAsync"/>, before
/// trusting or publishing its result (write to a temporary file and move it into place afterwards).</item>
/// <item>After a mismatch every further read throws the same exception.</item>
/// </list>
/// </remarks>
public sealed class VerifyingReadStream : Stream
{
    /// <summary>How many bytes at the end of the content are held back until the content is verified.</summary>
    public const int WithheldBytes = 16 * 1024;

    private const int ReadSize = 256 * 1024; // large reads: fewer calls through the layers below, and the withheld end moved less often
    private readonly Stream _inner;
    private readonly bool _leaveOpen;
    private readonly Digest _expected;
    private readonly long? _expectedSize;
    private readonly string _source;
    private readonly IncrementalHash _hash;
    private byte[]? _buffer;
    private int _start;
    private int _end;
    private long _received;
    private bool _innerEnded;
    private DigestMismatchException? _failure;

    /// <summary>Wraps a download.</summary>
    /// <param name="inner">The content as it arrives (e.g. a response body).</param>
    /// <param name="expected">The digest the content was asked for.</param>
    /// <param name="expectedSize">The size its descriptor gives, when known: more bytes fail at once, fewer at the end.</param>
    /// <param name="source">What is read, for messages (e.g. <c>blob sha256:… of 127.0.0.1:5000/app</c>).</param>
    /// <param name="leaveOpen">Leave <paramref name="inner"/> open when this stream is disposed.</param>
    public VerifyingReadStream(Stream inner, Digest expected, long? expectedSize = null, string? source = null, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(inner);
        if (expected == default)
        {
            throw new ArgumentException("The expected digest is the default value; pass a parsed Digest.", nameof(expected));
        }

        if (expectedSize < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(expectedSize), expectedSize, "A content size cannot be negative.");
        }

        _inner = inner;
        _leaveOpen = leaveOpen;
        _expected = expected;
        _expectedSize = expectedSize;
        _source = source ?? "content " + expected;
        _hash = expected.CreateHash();
        _buffer = ArrayPool<byte>.Shared.Rent(WithheldBytes + ReadSize);
    }

    /// <summary>True once the whole content was read and matched its digest (and size).</summary>
    public bool IsVerified => _innerEnded && _failure is null;

    /// <summary>The digest the content must match.</summary>
    public Digest ExpectedDigest => _expected;

    /// <inheritdoc />
    public override bool CanRead => _buffer is not null;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override bool CanWrite => false;

    /// <inheritdoc />
    public override long Length => throw new NotSupportedException("A verifying download stream has no length; the descriptor's size is the expected one.");

    /// <inheritdoc />
    public override long Position
    {
        get => throw new NotSupportedException("A verifying download stream cannot seek.");
        set => throw new NotSupportedException("A verifying download stream cannot seek.");
    }

    /// <summary>
    /// Reads whatever is left, without returning it, and verifies the content: for a consumer that stopped before
    /// the end (a tar reader that saw the end-of-archive marker) and must still know that what it used was genuine.
    /// </summary>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <exception cref="DigestMismatchException">The content does not match.</exception>
    public async Task ReadToEndAndVerifyAsync(CancellationToken cancellationToken = default)
    {
        var sink = new byte[4096];
        while (await ReadAsync(sink, cancellationToken).ConfigureAwait(false) > 0)
        {
        }
    }

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <inheritdoc />
    public override int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        var pool = Prepare();
        while (!_innerEnded && _end - _start <= WithheldBytes)
        {
            Compact(pool);
            Accept(pool, _inner.Read(pool, _end, ReadSize));
        }

        return Hand(pool, buffer);
    }

    /// <inheritdoc />
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc />
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        var pool = Prepare();
        while (!_innerEnded && _end - _start <= WithheldBytes)
        {
            Compact(pool);
            Accept(pool, await _inner.ReadAsync(pool.AsMemory(_end, ReadSize), cancellationToken).ConfigureAwait(false));
        }

        return Hand(pool, buffer.Span);
    }

    /// <inheritdoc />
    public override void Flush()
    {
    }

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("A verifying download stream cannot seek.");

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException("A verifying download stream is read-only.");

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("A verifying download stream is read-only.");

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing && _buffer is { } buffer)
        {
            _buffer = null;
            ArrayPool<byte>.Shared.Return(buffer);
            _hash.Dispose();
            if (!_leaveOpen)
            {
                _inner.Dispose();
            }
        }

        base.Dispose(disposing);
    }

    /// <inheritdoc />
    public override async ValueTask DisposeAsync()
    {
        if (_buffer is { } buffer)
        {
            _buffer = null;
            ArrayPool<byte>.Shared.Return(buffer);
            _hash.Dispose();
            if (!_leaveOpen)
            {
                await _inner.DisposeAsync().ConfigureAwait(false);
            }
        }

        await base.DisposeAsync().ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }

    private byte[] Prepare()
    {
        if (_failure is not null)
        {
            throw _failure;
        }

        return _buffer ?? throw new ObjectDisposedException(nameof(VerifyingReadStream));
    }

    private void Compact(byte[] pool)
    {
        // At most WithheldBytes are buffered here, so moving them to the front leaves ReadSize free.
        if (_start > 0)
        {
            Buffer.BlockCopy(pool, _start, pool, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
    }

    private void Accept(byte[] pool, int read)
    {
        if (read == 0)
        {
            _innerEnded = true;
            var actual = Digest.FromHash(_expected.Algorithm, _hash.GetHashAndReset());
            if (actual != _expected || (_expectedSize is { } size && size != _received))
            {
                Fail(new DigestMismatchException(_expected, actual, _expectedSize, _received, _source));
            }

            return;
        }

        if (_received + read > _expectedSize)
        {
            Fail(new DigestMismatchException(_expected, null, _expectedSize, _received + read, _source));
        }

        _hash.AppendData(pool, _end, read);
        _end += read;
        _received += read;
    }

    private int Hand(byte[] pool, Span<byte> destination)
    {
        var available = _innerEnded ? _end - _start : _end - _start - WithheldBytes;
        var count = Math.Min(available, destination.Length);
        pool.AsSpan(_start, count).CopyTo(destination);
        _start += count;
        return count;
    }

    private void Fail(DigestMismatchException failure)
    {
        // Drop what is buffered: the withheld end must never be handed out.
        _failure = failure;
        _start = _end = 0;
        throw failure;
    }
}
