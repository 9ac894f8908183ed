namespace DockerApiGen.Runtime.Http;

/// <summary>Reads answer bodies that are read whole (error bodies, token answers) with a bound, so a server cannot make a client buffer without limit.</summary>
public static class ResponseBodies
{
    /// <summary>The first <paramref name="maxBytes"/> bytes of a body (all of it when shorter); empty when there is none.</summary>
    /// <param name="content">The body, or null.</param>
    /// <param name="maxBytes">The most bytes to read.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    public static async Task<byte[]> ReadBoundedAsync(HttpContent? content, int maxBytes, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);
        if (content is null)
        {
            return [];
        }

        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var body = new MemoryStream();
            var buffer = new byte[Math.Min(maxBytes, 16 * 1024)];
            int read;
            while (body.Length < maxBytes && (read = await stream.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, maxBytes - body.Length)), cancellationToken).ConfigureAwait(false)) > 0)
            {
                body.Write(buffer, 0, read);
            }

            return body.ToArray();
        }
    }
}
