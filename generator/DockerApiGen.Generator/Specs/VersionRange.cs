namespace DockerApiGen.Generator.Specs;

/// <summary>
/// An inclusive range of versions, written <c>1.25-1.38</c>, <c>1.48+</c>, <c>1.41</c> or <c>all</c>; with dated
/// snapshots <c>2024-08-2025-03</c>, <c>2025-03+</c>, <c>2024-08</c>.
/// </summary>
/// <param name="From">The lowest version included, or null for no lower bound.</param>
/// <param name="To">The highest version included, or null for no upper bound.</param>
public sealed record VersionRange(ApiVersion? From, ApiVersion? To)
{
    /// <summary>Every version.</summary>
    public static VersionRange All { get; } = new(null, null);

    /// <summary>Whether the range includes a version.</summary>
    /// <param name="version">The version to test.</param>
    public bool Contains(ApiVersion version)
        => (From is not { } from || version >= from) && (To is not { } to || version <= to);

    /// <summary>Parses a range of API version numbers.</summary>
    /// <param name="text">The text to parse.</param>
    /// <exception cref="FormatException">The text is not a range.</exception>
    public static VersionRange Parse(string text) => Parse(text, VersionScheme.Number);

    /// <summary>Parses the forms listed on the type, for versions of a scheme.</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="scheme">How the family writes versions.</param>
    /// <exception cref="FormatException">The text is not a range.</exception>
    public static VersionRange Parse(string text, VersionScheme scheme)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if (trimmed.Equals("all", StringComparison.OrdinalIgnoreCase))
        {
            return All;
        }

        if (trimmed.EndsWith('+'))
        {
            return new VersionRange(ApiVersion.Parse(trimmed[..^1], scheme), null);
        }

        if (ApiVersion.TryParse(trimmed, scheme, out var single))
        {
            return new VersionRange(single, single);
        }

        // Dates hold dashes themselves: the range's dash is the one with a version on each side.
        for (var dash = trimmed.IndexOf('-', StringComparison.Ordinal); dash > 0; dash = trimmed.IndexOf('-', dash + 1))
        {
            if (ApiVersion.TryParse(trimmed[..dash], scheme, out var from) && ApiVersion.TryParse(trimmed[(dash + 1)..], scheme, out var to))
            {
                return from <= to ? new VersionRange(from, to) : throw new FormatException($"The range '{text}' ends before it starts.");
            }
        }

        throw new FormatException(scheme == VersionScheme.Number
            ? $"'{text}' is not a version range; expected a form such as 1.25-1.38, 1.48+, 1.41 or all."
            : $"'{text}' is not a range of dated snapshots; expected a form such as 2024-08-2025-03, 2025-03+, 2024-08 or all.");
    }

    /// <inheritdoc />
    public override string ToString()
        => (From, To) switch
        {
            (null, null) => "all",
            ({ } f, null) => $"{f}+",
            ({ } f, { } t) when f == t => f.ToString(),
            _ => $"{From?.ToString() ?? string.Empty}-{To?.ToString() ?? string.Empty}",
        };
}
