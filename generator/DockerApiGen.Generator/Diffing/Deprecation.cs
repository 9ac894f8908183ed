namespace DockerApiGen.Generator.Diffing;

/// <summary>
/// Whether the spec marks a property, parameter or operation deprecated, in any of the ways Docker's specs
/// say it: the <c>deprecated</c> keyword, a description whose first word is "Deprecated", or a later
/// paragraph that starts with "Deprecated:" or "**Deprecated**", quoted (<c>&gt; **Deprecated**: …</c>) or not.
/// </summary>
/// <remarks>
/// Only a paragraph's first word counts: "the deprecated builder" or a list item "(deprecated)" inside a
/// description speaks of something else (a value, another field), not of the thing described.
/// </remarks>
public static class Deprecation
{
    /// <summary>Whether the keyword or the description marks the thing deprecated.</summary>
    /// <param name="keyword">The spec's <c>deprecated</c> keyword.</param>
    /// <param name="description">The description (or summary and description), if any.</param>
    public static bool IsMarked(bool keyword, string? description)
    {
        if (keyword)
        {
            return true;
        }

        // Most descriptions never mention it: skip the line scan for them.
        if (string.IsNullOrWhiteSpace(description) || !description.Contains("eprecated", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (Unquoted(description.TrimStart()).StartsWith("Deprecated", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        foreach (var line in description.Split('\n'))
        {
            var text = Unquoted(line.Trim());
            if (text.StartsWith("**Deprecated**", StringComparison.Ordinal)
                || text.StartsWith("Deprecated:", StringComparison.Ordinal)
                || text.StartsWith("_Deprecated_", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    // "> > text" → "text": Markdown quote markers in front of a paragraph.
    private static string Unquoted(string line)
    {
        var text = line;
        while (text.StartsWith('>'))
        {
            text = text[1..].TrimStart();
        }

        return text;
    }
}
