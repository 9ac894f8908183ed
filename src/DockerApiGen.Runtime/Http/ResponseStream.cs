using System.Runtime.CompilerServices;
using DockerApiGen.Runtime.Transport;

namespace DockerApiGen.Runtime.Http;

/// <summary>
/// The body of an answer that the caller reads after the call has returned (container output, tar archives,
/// hijacked sessions, downloads). It disposes the HTTP response with it, and a read that fails because the
/// connection broke (the server stopped or restarted mid-stream) throws the exception the client's family gives for
/// that (for the Engine, <see cref="DockerConnectionException"/> naming the endpoint and the operation), with .NET's
/// exception inside, instead of a bare <see cref="IOException"/>.
/// </summary>
public sealed class ResponseStream : Stream
{
    private readonly Stream _inner;
    private readonly HttpResponseMessage? _response;
    private readonly Func<IOException, Exception> _interrupted;
    private bool _disposed;

    /// <summary>Wraps a body.</summary>
    /// <param name="inner">The body as the transport reads it.</param>
    /// <param name="response">The HTTP response it belongs to (disposed with the stream), or null for a hijacked connection (whose stream is <paramref name="inner"/>).</param>
    /// <param name="interrupted">The exception a read that failed with an <see cref="IOException"/> throws instead.</param>
    public ResponseStream(Stream inner, HttpResponseMessage? response, Func<IOException, Exception> interrupted)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(interrupted);
        _inner = inner;
        _response = response;
        _interrupted = interrupted;
    }

    /// <summary>Wraps a daemon's answer: a broken connection throws <see cref="DockerConnectionException"/> naming the endpoint and the operation.</summary>
    internal ResponseStream(Stream inner, HttpResponseMessage? response, string endpoint, DockerRequest request)
        : this(inner, response, ex => DockerConnectionFailures.Interrupted(endpoint, request, ex))
    {
    }

    /// <inheritdoc />
    public override bool CanRead => true;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override bool CanWrite => false;

    /// <inheritdoc />
    public override long Length => _response?.Content.Headers.ContentLength ?? throw new NotSupportedException("The server did not say how long the stream is.");

    /// <inheritdoc />
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    /// <summary>The answer's <c>Content-Type</c>, if it has one.</summary>
    public string? ContentType => _response?.Content.Headers.ContentType?.ToString();

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <inheritdoc />
    public override int Read(Span<byte> buffer)
    {
        try
        {
            return _inner.Read(buffer);
        }
        catch (IOException ex) when (!_disposed)
        {
            throw _interrupted(ex);
        }
    }

    // Pooled: a followed log or a large archive is many reads, most of which wait for the network.
    /// <inheritdoc />
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        try
        {
            return await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex) when (!_disposed && !cancellationToken.IsCancellationRequested)
        {
            throw _interrupted(ex);
        }
    }

    /// <inheritdoc />
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc />
    public override void Flush()
    {
    }

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _disposed = true;
            _inner.Dispose();
            _response?.Dispose();
        }

        base.Dispose(disposing);
    }
}
