using DockerApiGen.Registry.Content;

namespace DockerApiGen.Registry.Tests.Content;

/// <summary>The verifying stream's guarantee: the end of the content is withheld until it is verified.</summary>
public sealed class VerifyingReadStreamTests
{
    private static byte[] Content(int size) => [.. Enumerable.Range(0, size).Select(i => (byte)(i * 31 + 7))];

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(16 * 1024)]
    [InlineData(16 * 1024 + 1)]
    [InlineData(300_000)]
    public async Task Genuine_content_reads_whole_and_verified(int size)
    {
        var bytes = Content(size);
        await using var stream = new VerifyingReadStream(new TrickleStream(bytes, 1000), Digest.Compute(bytes), size);
        var copy = new MemoryStream();
        await stream.CopyToAsync(copy, 4096, TestContext.Current.CancellationToken);
        Assert.Equal(bytes, copy.ToArray());
        Assert.True(stream.IsVerified);
    }

    [Fact]
    public void Synchronous_reads_verify_too()
    {
        var bytes = Content(50_000);
        using var stream = new VerifyingReadStream(new MemoryStream(bytes), Digest.Compute(bytes));
        var copy = new MemoryStream();
        stream.CopyTo(copy, 777);
        Assert.Equal(bytes, copy.ToArray());
        Assert.True(stream.IsVerified);
    }

    [Theory]
    [InlineData(10, 3)]
    [InlineData(100_000, 0)]
    [InlineData(100_000, 99_999)]
    [InlineData(100_000, 50_000)]
    public async Task A_flipped_byte_throws_before_the_withheld_end_is_handed_out(int size, int flipAt)
    {
        var bytes = Content(size);
        var expected = Digest.Compute(bytes);
        var tampered = (byte[])bytes.Clone();
        tampered[flipAt] ^= 0x01;

        await using var stream = new VerifyingReadStream(new TrickleStream(tampered, 1000), expected, size, "blob under test");
        var received = new MemoryStream();
        var buffer = new byte[4096];
        var error = await Assert.ThrowsAsync<DigestMismatchException>(async () =>
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, TestContext.Current.CancellationToken)) > 0)
            {
                received.Write(buffer, 0, read);
            }
        });

        Assert.Equal(expected, error.Expected);
        Assert.Equal(Digest.Compute(tampered), error.Actual);
        Assert.Contains("blob under test", error.Message, StringComparison.Ordinal);
        // What was handed out stops at least the withheld length before the end: never a complete copy.
        Assert.True(received.Length <= Math.Max(0, size - VerifyingReadStream.WithheldBytes), $"{received.Length} of {size} bytes were handed out");
        Assert.False(stream.IsVerified);
        // Every further read fails the same way.
        await Assert.ThrowsAsync<DigestMismatchException>(async () => await stream.ReadAtLeastAsync(buffer, 1, cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Small_content_is_verified_before_its_first_byte()
    {
        var bytes = Content(1000);
        var tampered = (byte[])bytes.Clone();
        tampered[^1] ^= 0xFF;
        await using var stream = new VerifyingReadStream(new MemoryStream(tampered), Digest.Compute(bytes));
        await Assert.ThrowsAsync<DigestMismatchException>(async () => await stream.ReadAtLeastAsync(new byte[10], 1, cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task More_bytes_than_the_descriptor_gives_fail_as_they_arrive()
    {
        var bytes = Content(40_000);
        await using var stream = new VerifyingReadStream(new TrickleStream([.. bytes, .. Content(100)], 40_000), Digest.Compute(bytes), 39_000);
        var error = await Assert.ThrowsAsync<DigestMismatchException>(() => stream.ReadToEndAndVerifyAsync(TestContext.Current.CancellationToken));
        Assert.Null(error.Actual);
        Assert.Equal(39_000, error.ExpectedSize);
        Assert.Contains("more than the 39000 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fewer_bytes_than_the_descriptor_gives_fail_at_the_end()
    {
        var bytes = Content(1000);
        await using var stream = new VerifyingReadStream(new MemoryStream(bytes), Digest.Compute(bytes), 1001);
        var error = await Assert.ThrowsAsync<DigestMismatchException>(() => stream.ReadToEndAndVerifyAsync(TestContext.Current.CancellationToken));
        Assert.Contains("1000 bytes instead of 1001", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reader_that_stops_early_can_still_verify_the_rest()
    {
        var bytes = Content(200_000);
        var tampered = (byte[])bytes.Clone();
        tampered[150_000] ^= 1;
        await using var stream = new VerifyingReadStream(new MemoryStream(tampered), Digest.Compute(bytes));
        await stream.ReadExactlyAsync(new byte[10], TestContext.Current.CancellationToken);
        await Assert.ThrowsAsync<DigestMismatchException>(() => stream.ReadToEndAndVerifyAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Disposing_closes_the_source_unless_asked_not_to()
    {
        var bytes = Content(10);
        var source = new MemoryStream(bytes);
        await using (new VerifyingReadStream(source, Digest.Compute(bytes), leaveOpen: true))
        {
        }

        Assert.True(source.CanRead);
        await using (new VerifyingReadStream(source, Digest.Compute(bytes)))
        {
        }

        Assert.False(source.CanRead);
    }

    /// <summary>A stream that returns at most a few bytes per read, as a network does.</summary>
    private sealed class TrickleStream(byte[] bytes, int chunk) : MemoryStream(bytes)
    {
        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, chunk)]);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
            => base.ReadAsync(buffer[..Math.Min(buffer.Length, chunk)], cancellationToken);
    }
}
