namespace DockerApiGen.Registry.Blobs;

/// <summary>
/// Reads ahead of its reader: while the reader works on one buffer (a <see cref="Content.VerifyingReadStream"/> hashing
/// it), the next one is already being read from the network, so hashing and receiving overlap instead of taking
/// turns. Two buffers of <c>bufferSize</c> bytes are all it holds. A failure of the read ahead surfaces at the read
/// that needs its bytes.
/// </summary>
internal sealed class PrefetchingStream(Stream inner, int bufferSize = 1024 * 1024) : ForwardReadStream
{
    private byte[] _front = new byte[bufferSize];
    private byte[] _back = new byte[bufferSize];
    private int _start;
    private int _end;
    private bool _ended;
    private Task<int>? _pending;

    public override int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        if (_start == _end && !_ended)
        {
            var read = _pending is { } pending ? pending.GetAwaiter().GetResult() : inner.ReadAtLeast(_back, _back.Length, throwOnEndOfStream: false);
            _pending = null;
            Swap(read);
        }

        return Take(buffer);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        if (_start == _end && !_ended)
        {
            var read = await (_pending ?? Fill(_back, cancellationToken)).ConfigureAwait(false);
            _pending = null;
            Swap(read);
            if (!_ended)
            {
                // The next buffer comes in while the reader works on this one.
                _pending = Fill(_back, cancellationToken);
            }
        }

        return Take(buffer.Span);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
            Observe();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await inner.DisposeAsync().ConfigureAwait(false);
        Observe();
        await base.DisposeAsync().ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }

    // A whole buffer at a time (or the rest): the reader then hashes large blocks while the next fills, many network reads later.
    private Task<int> Fill(byte[] buffer, CancellationToken cancellationToken)
        => inner.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken).AsTask();

    private void Swap(int read)
    {
        (_front, _back) = (_back, _front);
        _start = 0;
        _end = read;
        _ended = read == 0;
    }

    private int Take(Span<byte> destination)
    {
        var count = Math.Min(_end - _start, destination.Length);
        _front.AsSpan(_start, count).CopyTo(destination);
        _start += count;
        return count;
    }

    // A read ahead that fails once the stream is disposed (the reader stopped early) is of no interest.
    private void Observe() => _pending?.ContinueWith(static t => _ = t.Exception, TaskScheduler.Default);
}
