using System.Globalization;

namespace DockerApiGen.Registry.Blobs;

/// <summary>Reads what an upload answer says: where the session continues (<c>Location</c>) and how much the registry has (<c>Range</c>).</summary>
internal static class UploadState
{
    /// <summary>The absolute URL of the answer's <c>Location</c> (relative ones resolved against the request), or null.</summary>
    public static Uri? Location(HttpResponseMessage response)
    {
        if (response.Headers.Location is not { } location)
        {
            return null;
        }

        return location.IsAbsoluteUri ? location : new Uri(response.RequestMessage?.RequestUri ?? throw new InvalidOperationException("The answer has no request URL."), location);
    }

    /// <summary>
    /// How many bytes the registry has, from <c>Range: 0-&lt;last&gt;</c> (a <c>bytes=</c> prefix is accepted); null when
    /// the answer has none. Docker's registry writes <c>0-0</c> both for nothing and for one byte; <paramref name="believed"/>
    /// (what the client thinks it sent) settles which.
    /// </summary>
    public static long? Received(HttpResponseMessage response, long believed)
    {
        if (!response.Headers.TryGetValues("Range", out var values) || values.FirstOrDefault() is not { } text)
        {
            return null;
        }

        var range = text.Trim();
        if (range.StartsWith("bytes=", StringComparison.OrdinalIgnoreCase))
        {
            range = range[6..];
        }

        var dash = range.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0 || !long.TryParse(range.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            || !long.TryParse(range.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var end) || start != 0 || end < start)
        {
            throw new InvalidDataException($"The registry's upload answer has the Range '{text}'; expected 0-<last byte>.");
        }

        return end == 0 ? (believed == 1 ? 1 : 0) : end + 1;
    }

    /// <summary>The registry's smallest chunk (<c>OCI-Chunk-Min-Length</c>), if it said.</summary>
    public static long? MinimumChunk(HttpResponseMessage response)
        => response.Headers.TryGetValues("OCI-Chunk-Min-Length", out var values) && long.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size > 0 ? size : null;
}
