using System.Globalization;

namespace DockerApiGen.Runtime.Versions;

/// <summary>
/// The API versions a daemon serves, as it reported them: the highest from <c>/_ping</c>'s <c>API-Version</c>
/// header (and <c>/version</c>'s <c>ApiVersion</c>), the lowest from <c>/version</c>'s <c>MinAPIVersion</c>.
/// </summary>
/// <param name="Maximum">The highest API version the daemon serves.</param>
/// <param name="Minimum">The lowest API version the daemon serves, when it says (every daemon since API 1.21 does).</param>
/// <param name="EngineVersion">The engine's version (e.g. <c>20.10.24</c>), if reported.</param>
/// <param name="OsType">The daemon's OS (<c>linux</c>, <c>windows</c>), if reported.</param>
public sealed record DaemonApiVersions(Version Maximum, Version? Minimum, string? EngineVersion, string? OsType)
{
    /// <summary>Whether the daemon serves API <paramref name="apiVersion"/> (e.g. <c>1.41</c>).</summary>
    /// <param name="apiVersion">A version written as the API writes it: <c>MAJOR.MINOR</c>.</param>
    /// <exception cref="FormatException">The version is not <c>MAJOR.MINOR</c>.</exception>
    public bool Supports(string apiVersion)
    {
        var version = Parse(apiVersion);
        return version <= Maximum && (Minimum is null || version >= Minimum);
    }

    /// <summary>Which of <paramref name="apiVersions"/> the daemon serves, in their order (e.g. the versions of the generated packages).</summary>
    /// <param name="apiVersions">Versions written <c>MAJOR.MINOR</c>.</param>
    public IReadOnlyList<string> Supported(IEnumerable<string> apiVersions)
    {
        ArgumentNullException.ThrowIfNull(apiVersions);
        return apiVersions.Where(Supports).ToList();
    }

    /// <summary>The newest of <paramref name="apiVersions"/> the daemon serves, or null when it serves none of them.</summary>
    /// <param name="apiVersions">Versions written <c>MAJOR.MINOR</c>.</param>
    public string? Newest(IEnumerable<string> apiVersions)
    {
        ArgumentNullException.ThrowIfNull(apiVersions);
        return apiVersions.Where(Supports).OrderByDescending(Parse).FirstOrDefault();
    }

    /// <summary>Parses an API version (<c>1.41</c>); minor versions compare as numbers (1.9 &lt; 1.41).</summary>
    /// <param name="apiVersion">The version.</param>
    /// <exception cref="FormatException">It is not <c>MAJOR.MINOR</c> with non-negative integers.</exception>
    public static Version Parse(string apiVersion)
    {
        ArgumentNullException.ThrowIfNull(apiVersion);
        var parts = apiVersion.Trim().TrimStart('v').Split('.');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minor))
        {
            return new Version(major, minor);
        }

        throw new FormatException($"'{apiVersion}' is not an API version; write it MAJOR.MINOR, e.g. 1.41.");
    }

    /// <inheritdoc />
    public override string ToString() => $"API {Minimum?.ToString() ?? "?"}–{Maximum} (engine {EngineVersion ?? "?"}, {OsType ?? "?"})";
}
