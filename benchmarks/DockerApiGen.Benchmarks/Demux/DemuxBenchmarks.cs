using System.Buffers.Binary;
using BenchmarkDotNet.Attributes;
using DockerApiGen.Benchmarks.Configuration;
using DockerApiGen.Runtime.Streams;
using DDN = Docker.DotNet;

namespace DockerApiGen.Benchmarks.Demux;

/// <summary>
/// Demultiplexing a 256 MiB log stream held in memory: our <see cref="MultiplexedStreamReader"/> (frame by frame and
/// its copy to two streams), Docker.DotNet.Enhanced's <c>MultiplexedStream</c> (the same two ways) and a raw loop, the
/// baseline. Every variant copies each payload byte once into one 80 KiB buffer, as a reader over a socket would; the
/// copies to two streams write to <see cref="Stream.Null"/>. Throughput (the GB/s column) is the whole stream's bytes
/// over the mean.
/// </summary>
[Config(typeof(DemuxConfig))]
[MemoryDiagnoser]
public class DemuxBenchmarks
{
    /// <summary>The stream's length, headers included.</summary>
    public const int StreamBytes = 256 * 1024 * 1024;

    // The size our CopyToAsync rents, so every variant reads in the same chunks.
    private const int BufferLength = 81920;

    private readonly byte[] _buffer = new byte[BufferLength];
    private readonly byte[] _header = new byte[8];
    private byte[] _stream = [];

    [GlobalSetup]
    public void Setup()
    {
        _stream = MultiplexedLogStream.Build(StreamBytes, seed: 41);
        Console.WriteLine($"// {StreamBytes:N0} bytes in {MultiplexedLogStream.CountFrames(_stream):N0} frames");
    }

    [Benchmark(Baseline = true)]
    public async Task<long> Loop_Raw()
    {
        var stream = Open();
        long standardError = 0, total = 0;
        while (await stream.ReadAtLeastAsync(_header, _header.Length, throwOnEndOfStream: false).ConfigureAwait(false) is var got && got > 0)
        {
            if (got < _header.Length)
            {
                throw new EndOfStreamException();
            }

            var left = BinaryPrimitives.ReadInt32BigEndian(_header.AsSpan(4));
            while (left > 0)
            {
                var read = await stream.ReadAsync(_buffer.AsMemory(0, Math.Min(left, _buffer.Length))).ConfigureAwait(false);
                if (read == 0)
                {
                    throw new EndOfStreamException();
                }

                left -= read;
                total += read;
                standardError += _header[0] == 2 ? read : 0;
            }
        }

        return total + standardError;
    }

    [Benchmark]
    public async Task<long> ReadAsync_DockerApiGen()
    {
        var reader = new MultiplexedStreamReader(Open());
        long standardError = 0, total = 0;
        while (await reader.ReadAsync(_buffer).ConfigureAwait(false) is var (kind, count) && count > 0)
        {
            total += count;
            standardError += kind == StreamKind.StandardError ? count : 0;
        }

        return total + standardError;
    }

    [Benchmark]
    public async Task CopyToAsync_DockerApiGen() =>
        await new MultiplexedStreamReader(Open()).CopyToAsync(Stream.Null, Stream.Null).ConfigureAwait(false);

    [Benchmark]
    public async Task<long> ReadOutputAsync_DockerDotNet()
    {
        using var multiplexed = new DDN.MultiplexedStream(Open(), true);
        long standardError = 0, total = 0;
        while (await multiplexed.ReadOutputAsync(_buffer, 0, _buffer.Length, CancellationToken.None).ConfigureAwait(false) is { EOF: false } result)
        {
            total += result.Count;
            standardError += result.Target == DDN.MultiplexedStream.TargetStream.StandardError ? result.Count : 0;
        }

        return total + standardError;
    }

    [Benchmark]
    public async Task CopyOutputToAsync_DockerDotNet()
    {
        using var multiplexed = new DDN.MultiplexedStream(Open(), true);
        await multiplexed.CopyOutputToAsync(Stream.Null, Stream.Null, Stream.Null, CancellationToken.None).ConfigureAwait(false);
    }

    private MemoryStream Open() => new(_stream, writable: false);
}
