using System.Net.Http.Headers;
using System.Text.Json;

namespace DockerApiGen.Runtime.Responses;

/// <summary>
/// A file's details inside a container, from <c>HEAD /containers/{id}/archive</c>: the daemon sends them in
/// the <c>X-Docker-Container-Path-Stat</c> header as base64 of a JSON object.
/// </summary>
/// <param name="Name">The file's base name.</param>
/// <param name="Size">Its size in bytes.</param>
/// <param name="Mode">Its Go <c>os.FileMode</c> bits (permission bits plus type bits such as directory <c>1 &lt;&lt; 31</c>).</param>
/// <param name="ModifiedAt">When it was last modified.</param>
/// <param name="LinkTarget">The target when it is a symbolic link, else empty.</param>
public sealed record ContainerPathStat(string Name, long Size, uint Mode, DateTimeOffset ModifiedAt, string LinkTarget)
{
    /// <summary>The header that carries the details.</summary>
    public const string HeaderName = "X-Docker-Container-Path-Stat";

    /// <summary>Go's <c>os.ModeDir</c> bit.</summary>
    public const uint DirectoryBit = 1u << 31;

    /// <summary>Go's <c>os.ModeSymlink</c> bit.</summary>
    public const uint SymbolicLinkBit = 1u << 27;

    /// <summary>Whether it is a directory.</summary>
    public bool IsDirectory => (Mode & DirectoryBit) != 0;

    /// <summary>Whether it is a symbolic link.</summary>
    public bool IsSymbolicLink => (Mode & SymbolicLinkBit) != 0;

    /// <summary>The Unix permission bits (<c>0755</c>…).</summary>
    public uint Permissions => Mode & 0x1FF;

    /// <summary>Reads the details from a response's headers.</summary>
    /// <param name="headers">The response headers.</param>
    /// <exception cref="InvalidDataException">The header is missing or is not base64 of the expected JSON.</exception>
    public static ContainerPathStat FromHeaders(HttpResponseHeaders headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        if (!headers.TryGetValues(HeaderName, out var values) || values.FirstOrDefault() is not { Length: > 0 } encoded)
        {
            throw new InvalidDataException($"The daemon's answer has no {HeaderName} header.");
        }

        return Parse(encoded);
    }

    /// <summary>Parses the header value.</summary>
    /// <param name="encoded">Base64 of the JSON object.</param>
    /// <exception cref="InvalidDataException">It is not base64 of the expected JSON.</exception>
    public static ContainerPathStat Parse(string encoded)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        try
        {
            using var json = JsonDocument.Parse(Convert.FromBase64String(encoded));
            var root = json.RootElement;
            return new ContainerPathStat(
                root.GetProperty("name").GetString() ?? string.Empty,
                root.GetProperty("size").GetInt64(),
                root.GetProperty("mode").GetUInt32(),
                root.GetProperty("mtime").GetDateTimeOffset(),
                root.TryGetProperty("linkTarget", out var link) ? link.GetString() ?? string.Empty : string.Empty);
        }
        catch (Exception ex) when (ex is FormatException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new InvalidDataException($"The {HeaderName} header is not base64 of a JSON path stat: {ex.Message}", ex);
        }
    }
}
