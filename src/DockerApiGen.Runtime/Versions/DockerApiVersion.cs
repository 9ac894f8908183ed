using System.Globalization;

namespace DockerApiGen.Runtime.Versions;

/// <summary>
/// An Engine API version (<c>1.44</c>) as the negotiation checks compare it: a value, so that generated code can
/// write <c>new(1, 44)</c> at no cost. <c>default</c> stands for "no version" (present since the oldest version a
/// package knows).
/// </summary>
/// <param name="major">The major number.</param>
/// <param name="minor">The minor number.</param>
public readonly struct DockerApiVersion(int major, int minor) : IEquatable<DockerApiVersion>, IComparable<DockerApiVersion>
{
    /// <summary>The major number.</summary>
    public int Major { get; } = major;

    /// <summary>The minor number.</summary>
    public int Minor { get; } = minor;

    /// <summary>Whether this is a version (not <c>default</c>).</summary>
    public bool IsSpecified => Major != 0 || Minor != 0;

    /// <summary>Parses <c>1.44</c> (or <c>v1.44</c>); minor versions compare as numbers (1.9 &lt; 1.41).</summary>
    /// <param name="text">The version.</param>
    /// <exception cref="FormatException">It is not <c>MAJOR.MINOR</c>.</exception>
    public static DockerApiVersion Parse(string text) => From(DaemonApiVersions.Parse(text));

    /// <summary>The version of a <see cref="Version"/> (its major and minor numbers).</summary>
    /// <param name="version">The version.</param>
    public static DockerApiVersion From(Version version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return new DockerApiVersion(version.Major, version.Minor);
    }

    /// <inheritdoc />
    public int CompareTo(DockerApiVersion other) => Major != other.Major ? Major.CompareTo(other.Major) : Minor.CompareTo(other.Minor);

    /// <inheritdoc />
    public bool Equals(DockerApiVersion other) => Major == other.Major && Minor == other.Minor;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is DockerApiVersion other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Major, Minor);

    /// <summary>The version as the API writes it: <c>1.44</c> (empty for <c>default</c>).</summary>
    public override string ToString() => IsSpecified ? string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}") : string.Empty;

    /// <summary>Equal versions.</summary>
    /// <param name="left">One version.</param>
    /// <param name="right">The other.</param>
    public static bool operator ==(DockerApiVersion left, DockerApiVersion right) => left.Equals(right);

    /// <summary>Different versions.</summary>
    /// <param name="left">One version.</param>
    /// <param name="right">The other.</param>
    public static bool operator !=(DockerApiVersion left, DockerApiVersion right) => !left.Equals(right);

    /// <summary>Orders versions numerically.</summary>
    /// <param name="left">One version.</param>
    /// <param name="right">The other.</param>
    public static bool operator <(DockerApiVersion left, DockerApiVersion right) => left.CompareTo(right) < 0;

    /// <summary>Orders versions numerically.</summary>
    /// <param name="left">One version.</param>
    /// <param name="right">The other.</param>
    public static bool operator >(DockerApiVersion left, DockerApiVersion right) => left.CompareTo(right) > 0;

    /// <summary>Orders versions numerically.</summary>
    /// <param name="left">One version.</param>
    /// <param name="right">The other.</param>
    public static bool operator <=(DockerApiVersion left, DockerApiVersion right) => left.CompareTo(right) <= 0;

    /// <summary>Orders versions numerically.</summary>
    /// <param name="left">One version.</param>
    /// <param name="right">The other.</param>
    public static bool operator >=(DockerApiVersion left, DockerApiVersion right) => left.CompareTo(right) >= 0;
}
