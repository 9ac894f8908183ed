using System.Globalization;

namespace DockerApiGen.Generator.Specs;

/// <summary>How a spec family names and orders its versions (<c>versionScheme</c> in <c>family.yaml</c>).</summary>
public enum VersionScheme
{
    /// <summary>API version numbers such as 1.41, ordered numerically (1.9 &lt; 1.10): the Engine's.</summary>
    Number,

    /// <summary>Dated snapshots such as 2024-08 (year and month), ordered by date: the Hub's published states.</summary>
    Date,
}

/// <summary>
/// A version of a spec family: an API version such as 1.41 (<see cref="VersionScheme.Number"/>) or a dated
/// snapshot such as 2024-08 (<see cref="VersionScheme.Date"/>, year and month). Versions of one scheme are
/// ordered numerically; a family uses one scheme.
/// </summary>
/// <param name="Major">The major number, or the year of a dated snapshot.</param>
/// <param name="Minor">The minor number, or the month of a dated snapshot.</param>
/// <param name="Scheme">How the version is written.</param>
public readonly record struct ApiVersion(int Major, int Minor, VersionScheme Scheme = VersionScheme.Number) : IComparable<ApiVersion>
{
    /// <summary>Parses an API version number: <c>1.41</c>, <c>v1.41</c> or <c>V1_41</c>.</summary>
    /// <param name="text">The text to parse.</param>
    /// <exception cref="FormatException">The text is not a version.</exception>
    public static ApiVersion Parse(string text) => Parse(text, VersionScheme.Number);

    /// <summary>Parses a version of a scheme: <c>1.41</c>, <c>v1.41</c>, <c>V1_41</c>; or <c>2024-08</c>.</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="scheme">The scheme expected.</param>
    /// <exception cref="FormatException">The text is not a version of that scheme.</exception>
    public static ApiVersion Parse(string text, VersionScheme scheme)
        => TryParse(text, scheme, out var version)
            ? version
            : throw new FormatException(scheme == VersionScheme.Number
                ? $"'{text}' is not an API version; expected a form such as 1.41."
                : $"'{text}' is not a dated snapshot; expected year and month such as 2024-08.");

    /// <summary>Tries to parse an API version number: <c>1.41</c>, <c>v1.41</c> or <c>V1_41</c>.</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="version">The version, when the text is one.</param>
    public static bool TryParse(string? text, out ApiVersion version) => TryParse(text, VersionScheme.Number, out version);

    /// <summary>Tries to parse a version of a scheme.</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="scheme">The scheme expected.</param>
    /// <param name="version">The version, when the text is one.</param>
    public static bool TryParse(string? text, VersionScheme scheme, out ApiVersion version)
    {
        version = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.Trim();
        string[] parts;
        if (scheme == VersionScheme.Number)
        {
            parts = trimmed.TrimStart('v', 'V').Replace('_', '.').Split('.');
        }
        else
        {
            parts = trimmed.TrimStart('v', 'V').Replace('_', '-').Split('-');
            if (parts.Length != 2 || parts[0].Length != 4 || parts[1].Length != 2)
            {
                return false;
            }
        }

        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minor)
            || (scheme == VersionScheme.Date && minor is < 1 or > 12))
        {
            return false;
        }

        version = new ApiVersion(major, minor, scheme);
        return true;
    }

    /// <summary>The identifier form used in package and namespace names: <c>V1_41</c>, <c>V2024_08</c>.</summary>
    public string Identifier => Scheme == VersionScheme.Number
        ? string.Create(CultureInfo.InvariantCulture, $"V{Major}_{Minor}")
        : string.Create(CultureInfo.InvariantCulture, $"V{Major:0000}_{Minor:00}");

    /// <summary>The spec file name upstream mirrors use: <c>v1.41.yaml</c>, <c>2024-08.yaml</c>.</summary>
    public string SpecFileName => Scheme == VersionScheme.Number ? $"v{this}.yaml" : $"{this}.yaml";

    /// <summary>How messages name the version: <c>v1.41</c>, <c>2024-08</c>.</summary>
    public string Label => Scheme == VersionScheme.Number ? $"v{this}" : ToString();

    /// <inheritdoc />
    public int CompareTo(ApiVersion other)
        => Scheme != other.Scheme ? Scheme.CompareTo(other.Scheme)
            : Major != other.Major ? Major.CompareTo(other.Major)
            : Minor.CompareTo(other.Minor);

    /// <summary>Orders versions numerically.</summary>
    public static bool operator <(ApiVersion left, ApiVersion right) => left.CompareTo(right) < 0;

    /// <summary>Orders versions numerically.</summary>
    public static bool operator >(ApiVersion left, ApiVersion right) => left.CompareTo(right) > 0;

    /// <summary>Orders versions numerically.</summary>
    public static bool operator <=(ApiVersion left, ApiVersion right) => left.CompareTo(right) <= 0;

    /// <summary>Orders versions numerically.</summary>
    public static bool operator >=(ApiVersion left, ApiVersion right) => left.CompareTo(right) >= 0;

    /// <inheritdoc />
    public override string ToString() => Scheme == VersionScheme.Number
        ? string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}")
        : string.Create(CultureInfo.InvariantCulture, $"{Major:0000}-{Minor:00}");
}
