using System.Globalization;

namespace DockerApiGen.Generator.Specs;

/// <summary>An Engine API version such as 1.41, ordered numerically (1.9 &lt; 1.10).</summary>
/// <param name="Major">The major number (always 1 so far).</param>
/// <param name="Minor">The minor number.</param>
public readonly record struct ApiVersion(int Major, int Minor) : IComparable<ApiVersion>
{
    /// <summary>Parses <c>1.41</c>, <c>v1.41</c> or <c>V1_41</c>.</summary>
    /// <param name="text">The text to parse.</param>
    /// <exception cref="FormatException">The text is not a version.</exception>
    public static ApiVersion Parse(string text)
        => TryParse(text, out var version)
            ? version
            : throw new FormatException($"'{text}' is not an Engine API version; expected a form such as 1.41.");

    /// <summary>Tries to parse <c>1.41</c>, <c>v1.41</c> or <c>V1_41</c>.</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="version">The version, when the text is one.</param>
    public static bool TryParse(string? text, out ApiVersion version)
    {
        version = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.Trim().TrimStart('v', 'V').Replace('_', '.');
        var parts = trimmed.Split('.');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minor))
        {
            return false;
        }

        version = new ApiVersion(major, minor);
        return true;
    }

    /// <summary>The identifier form used in package and namespace names: <c>V1_41</c>.</summary>
    public string Identifier => string.Create(CultureInfo.InvariantCulture, $"V{Major}_{Minor}");

    /// <summary>The spec file name upstream and in mirrors: <c>v1.41.yaml</c>.</summary>
    public string SpecFileName => $"v{this}.yaml";

    /// <inheritdoc />
    public int CompareTo(ApiVersion other)
        => Major != other.Major ? Major.CompareTo(other.Major) : Minor.CompareTo(other.Minor);

    /// <summary>Orders versions numerically.</summary>
    public static bool operator <(ApiVersion left, ApiVersion right) => left.CompareTo(right) < 0;

    /// <summary>Orders versions numerically.</summary>
    public static bool operator >(ApiVersion left, ApiVersion right) => left.CompareTo(right) > 0;

    /// <summary>Orders versions numerically.</summary>
    public static bool operator <=(ApiVersion left, ApiVersion right) => left.CompareTo(right) <= 0;

    /// <summary>Orders versions numerically.</summary>
    public static bool operator >=(ApiVersion left, ApiVersion right) => left.CompareTo(right) >= 0;

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}");
}
