using System.Buffers.Binary;
using System.Text;
using DockerApiGen.Runtime.Streams;

namespace DockerApiGen.Runtime.Tests;

public sealed class MultiplexedStreamReaderTests
{
    private static byte[] Frame(StreamKind kind, string text)
    {
        var payload = Encoding.UTF8.GetBytes(text);
        var frame = new byte[8 + payload.Length];
        frame[0] = (byte)kind;
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(4), (uint)payload.Length);
        payload.CopyTo(frame, 8);
        return frame;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4096)]
    public async Task Keeps_stdout_and_stderr_apart_however_the_bytes_arrive(int chunk)
    {
        var data = Frame(StreamKind.StandardOutput, "out 1\n").Concat(Frame(StreamKind.StandardError, "err 1\n")).Concat(Frame(StreamKind.StandardOutput, "")).Concat(Frame(StreamKind.StandardOutput, "out 2\n")).ToArray();
        var reader = new MultiplexedStreamReader(new TrickleStream(data, chunk));
        using var stdout = new MemoryStream();
        using var stderr = new MemoryStream();

        await reader.CopyToAsync(stdout, stderr, TestContext.Current.CancellationToken);

        Assert.Equal("out 1\nout 2\n", Encoding.UTF8.GetString(stdout.ToArray()));
        Assert.Equal("err 1\n", Encoding.UTF8.GetString(stderr.ToArray()));
    }

    [Fact]
    public async Task Reads_into_the_callers_buffer_frame_by_frame()
    {
        var reader = new MultiplexedStreamReader(new MemoryStream(Frame(StreamKind.StandardError, "abcdef")));
        var buffer = new byte[4];
        Assert.Equal((StreamKind.StandardError, 4), await reader.ReadAsync(buffer, TestContext.Current.CancellationToken));
        Assert.Equal((StreamKind.StandardError, 2), await reader.ReadAsync(buffer, TestContext.Current.CancellationToken));
        Assert.Equal(0, (await reader.ReadAsync(buffer, TestContext.Current.CancellationToken)).Count);
    }

    [Fact]
    public async Task A_stream_cut_inside_a_frame_is_an_error()
    {
        var data = Frame(StreamKind.StandardOutput, "hello")[..10];
        var reader = new MultiplexedStreamReader(new MemoryStream(data));
        var buffer = new byte[16];
        await reader.ReadAsync(buffer, TestContext.Current.CancellationToken);
        await Assert.ThrowsAsync<EndOfStreamException>(async () => await reader.ReadAsync(buffer, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_raw_tty_stream_is_reported_as_not_multiplexed()
    {
        var reader = new MultiplexedStreamReader(new MemoryStream(Encoding.UTF8.GetBytes("plain tty output")));
        var ex = await Assert.ThrowsAsync<InvalidDataException>(async () => await reader.ReadAsync(new byte[16], TestContext.Current.CancellationToken));
        Assert.Contains("TTY", ex.Message, StringComparison.Ordinal);
    }
}
