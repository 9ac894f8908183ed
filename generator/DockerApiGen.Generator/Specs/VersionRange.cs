namespace DockerApiGen.Generator.Specs;

/// <summary>An inclusive range of API versions, written <c>1.25-1.38</c>, <c>1.48+</c>, <c>1.41</c> or <c>all</c>.</summary>
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

    /// <summary>Parses the forms listed on the type.</summary>
    /// <param name="text">The text to parse.</param>
    /// <exception cref="FormatException">The text is not a range.</exception>
    public static VersionRange Parse(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Equals("all", StringComparison.OrdinalIgnoreCase))
        {
            return All;
        }

        if (trimmed.EndsWith('+'))
        {
            return new VersionRange(ApiVersion.Parse(trimmed[..^1]), null);
        }

        var dash = trimmed.IndexOf('-', StringComparison.Ordinal);
        if (dash > 0)
        {
            var from = ApiVersion.Parse(trimmed[..dash]);
            var to = ApiVersion.Parse(trimmed[(dash + 1)..]);
            return from <= to ? new VersionRange(from, to) : throw new FormatException($"The range '{text}' ends before it starts.");
        }

        var single = ApiVersion.Parse(trimmed);
        return new VersionRange(single, single);
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
