using System.Runtime.CompilerServices;
using DockerApiGen.Runtime.Transport;

namespace DockerApiGen.Runtime.Http;

/// <summary>
/// The body of an answer that the caller reads after the call has returned (container output, tar archives,
/// hijacked sessions). It disposes the HTTP response with it, and a read that fails because the connection broke
/// (the daemon stopped or restarted mid-stream) throws <see cref="DockerConnectionException"/> naming the endpoint
/// and the operation, with .NET's exception inside, instead of a bare <see cref="IOException"/>.
/// </summary>
/// <param name="inner">The body as the transport reads it.</param>
/// <param name="response">The HTTP response it belongs to, or null for a hijacked connection (whose stream is <paramref name="inner"/>).</param>
/// <param name="endpoint">The daemon's endpoint, for errors.</param>
/// <param name="request">The request, for errors.</param>
internal sealed class ResponseStream(Stream inner, HttpResponseMessage? response, string endpoint, DockerRequest request) : Stream
{
    private bool _disposed;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => response?.Content.Headers.ContentLength ?? throw new NotSupportedException("The daemon did not say how long the stream is.");

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    /// <summary>The answer's <c>Content-Type</c>, if it has one.</summary>
    public string? ContentType => response?.Content.Headers.ContentType?.ToString();

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        try
        {
            return inner.Read(buffer);
        }
        catch (IOException ex) when (!_disposed)
        {
            throw DockerConnectionFailures.Interrupted(endpoint, request, ex);
        }
    }

    // Pooled: a followed log or a large archive is many reads, most of which wait for the network.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        try
        {
            return await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex) when (!_disposed && !cancellationToken.IsCancellationRequested)
        {
            throw DockerConnectionFailures.Interrupted(endpoint, request, ex);
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _disposed = true;
            inner.Dispose();
            response?.Dispose();
        }

        base.Dispose(disposing);
    }
}
