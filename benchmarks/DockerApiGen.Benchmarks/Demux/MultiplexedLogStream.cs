using System.Buffers.Binary;

namespace DockerApiGen.Benchmarks.Demux;

/// <summary>
/// Builds a multiplexed log stream in memory as the daemon sends one for <c>docker logs</c> of a non-TTY
/// container: one frame per log line, an 8-byte header (byte 0 the stream, bytes 4–7 the big-endian
/// length) and the line. Line lengths are spread log-uniformly from 100 B to 16 KiB (the daemon splits
/// longer lines at 16 KiB), so short lines are common and long ones rare; a fifth go to stderr.
/// </summary>
public static class MultiplexedLogStream
{
    private const int HeaderLength = 8;
    private const int ShortestLine = 100;
    private const int LongestLine = 16 * 1024;
    private const double StandardErrorShare = 0.2;

    /// <summary>A stream of exactly <paramref name="totalBytes"/> bytes, the same for the same seed.</summary>
    /// <param name="totalBytes">The stream's length, headers included.</param>
    /// <param name="seed">Seeds the line lengths and streams.</param>
    public static byte[] Build(int totalBytes, int seed)
    {
        var random = new Random(seed);
        var text = LogText(random);
        var stream = new byte[totalBytes];
        var position = 0;
        while (position < totalBytes)
        {
            var left = totalBytes - position - HeaderLength;
            var length = Math.Min(LineLength(random), left);
            // Too little room after this frame for another line: this frame takes the rest.
            if (left - length < HeaderLength + ShortestLine)
            {
                length = left;
            }

            stream[position] = random.NextDouble() < StandardErrorShare ? (byte)2 : (byte)1;
            BinaryPrimitives.WriteInt32BigEndian(stream.AsSpan(position + 4, 4), length);
            position += HeaderLength;

            var offset = random.Next(text.Length - LongestLine);
            text.AsSpan(offset, length - 1).CopyTo(stream.AsSpan(position));
            stream[position + length - 1] = (byte)'\n';
            position += length;
        }

        return stream;
    }

    /// <summary>How many frames a stream built with these arguments holds (for reporting).</summary>
    /// <param name="stream">A stream from <see cref="Build"/>.</param>
    public static int CountFrames(ReadOnlySpan<byte> stream)
    {
        var frames = 0;
        while (!stream.IsEmpty)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(stream[4..]);
            stream = stream[(HeaderLength + length)..];
            frames++;
        }

        return frames;
    }

    private static int LineLength(Random random) =>
        (int)Math.Exp(Math.Log(ShortestLine) + (random.NextDouble() * (Math.Log(LongestLine) - Math.Log(ShortestLine))));

    // Printable log-like text (words, digits, punctuation) that lines are cut from; lines are not checked by anyone.
    private static byte[] LogText(Random random)
    {
        const string Alphabet = "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789 .,:;=-_/[]{}\"' ";
        var text = new byte[4 * LongestLine];
        for (var index = 0; index < text.Length; index++)
        {
            text[index] = (byte)Alphabet[random.Next(Alphabet.Length)];
        }

        return text;
    }
}
