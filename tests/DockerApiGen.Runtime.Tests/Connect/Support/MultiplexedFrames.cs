using System.Buffers.Binary;
using System.Text;

namespace DockerApiGen.Runtime.Tests.Connect.Support;

/// <summary>Reads a hijacked connection's output to its end and returns stdout (frames: 8-byte header, then payload).</summary>
internal static class MultiplexedFrames
{
    public static async Task<string> ReadStdoutToEndAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var all = new MemoryStream();
        await stream.CopyToAsync(all, cancellationToken);
        var bytes = all.ToArray();
        var stdout = new StringBuilder();
        for (var offset = 0; offset + 8 <= bytes.Length;)
        {
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(offset + 4, 4));
            if (bytes[offset] == 1)
            {
                stdout.Append(Encoding.UTF8.GetString(bytes, offset + 8, length));
            }

            offset += 8 + length;
        }

        return stdout.ToString();
    }
}
