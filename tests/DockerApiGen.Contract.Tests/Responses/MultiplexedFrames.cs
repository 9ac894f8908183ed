using System.Buffers.Binary;

namespace DockerApiGen.Contract.Tests.Responses;

/// <summary>The daemon's multiplexed stream framing: an 8-byte header (stream, 0, 0, 0, big-endian length), then the payload.</summary>
public static class MultiplexedFrames
{
    /// <summary>The stdin stream id.</summary>
    public const byte Stdin = 0;

    /// <summary>The stdout stream id.</summary>
    public const byte Stdout = 1;

    /// <summary>The stderr stream id.</summary>
    public const byte Stderr = 2;

    /// <summary>One frame: header and payload.</summary>
    /// <param name="stream">The stream id.</param>
    /// <param name="payload">The payload.</param>
    public static byte[] Frame(byte stream, ReadOnlySpan<byte> payload)
    {
        var frame = new byte[8 + payload.Length];
        frame[0] = stream;
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(4), (uint)payload.Length);
        payload.CopyTo(frame.AsSpan(8));
        return frame;
    }
}
