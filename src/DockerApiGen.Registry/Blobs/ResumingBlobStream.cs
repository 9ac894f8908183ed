using System.Net.Http;
using DockerApiGen.Registry.Errors;

namespace DockerApiGen.Registry.Blobs;

/// <summary>
/// A blob's body that survives broken connections: when a read fails (the connection dropped, the registry or a proxy
/// cut the answer), it asks again from the byte it got to (<c>Range: bytes=N-</c>) and goes on, a few times at most.
/// A registry that ignores the range and sends the whole blob again is read past what was already handed out. The
/// bytes are not checked here: the <see cref="Content.VerifyingReadStream"/> around it hashes all of them in order.
/// </summary>
internal sealed class ResumingBlobStream : ForwardReadStream
{
    private readonly Func<long, CancellationToken, Task<(Stream Body, long Start)>> _reopen;
    private readonly int _maxResumes;
    private Stream _inner;
    private long _position;
    private int _resumes;

    /// <summary>Wraps the first answer's body.</summary>
    /// <param name="first">The body of the first answer.</param>
    /// <param name="reopen">Asks for the blob from an offset; returns the body and the offset it starts at (0 when the registry ignored the range).</param>
    /// <param name="maxResumes">How often to ask again.</param>
    public ResumingBlobStream(Stream first, Func<long, CancellationToken, Task<(Stream Body, long Start)>> reopen, int maxResumes)
    {
        _inner = first;
        _reopen = reopen;
        _maxResumes = maxResumes;
    }

    /// <summary>How often the download was resumed.</summary>
    public int Resumes => _resumes;

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override int Read(Span<byte> buffer)
    {
        while (true)
        {
            try
            {
                var read = _inner.Read(buffer);
                _position += read;
                return read;
            }
            catch (Exception ex) when (IsBroken(ex, CancellationToken.None) && _resumes < _maxResumes)
            {
                ResumeAsync(CancellationToken.None).GetAwaiter().GetResult();
            }
        }
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            try
            {
                var read = await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
                _position += read;
                return read;
            }
            catch (Exception ex) when (IsBroken(ex, cancellationToken) && _resumes < _maxResumes)
            {
                await ResumeAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await _inner.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }

    private static bool IsBroken(Exception ex, CancellationToken cancellationToken)
        => !cancellationToken.IsCancellationRequested && ex is RegistryConnectionException or IOException or HttpRequestException;

    private async Task ResumeAsync(CancellationToken cancellationToken)
    {
        _resumes++;
        await _inner.DisposeAsync().ConfigureAwait(false);
        var (body, start) = await _reopen(_position, cancellationToken).ConfigureAwait(false);
        _inner = body;
        if (start > _position)
        {
            body.Dispose();
            throw new InvalidDataException($"The registry resumed the download at byte {start}, after byte {_position} where it broke.");
        }

        // A registry that sent the whole blob again: skip what was already handed out.
        var skip = _position - start;
        var scratch = new byte[(int)Math.Min(skip, 81920)];
        while (skip > 0)
        {
            var read = await body.ReadAsync(scratch.AsMemory(0, (int)Math.Min(skip, scratch.Length)), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                throw new InvalidDataException($"The registry's answer to the resumed download ended before byte {_position}, where the first one broke.");
            }

            skip -= read;
        }
    }
}
