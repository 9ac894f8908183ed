using System.Text;

namespace DockerApiGen.Generator.Emitting;

/// <summary>Turns spec descriptions into text that is safe inside XML doc comments.</summary>
public static class DocComments
{
    /// <summary>Escapes XML metacharacters, normalises line endings and trims trailing blank lines.</summary>
    /// <param name="text">The description.</param>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text.ReplaceLineEndings("\n").Trim())
        {
            escaped.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '\t' => "    ",
                _ when char.IsControl(c) && c != '\n' => string.Empty,
                _ => c.ToString(),
            });
        }

        return string.Join('\n', escaped.ToString().Split('\n').Select(l => l.TrimEnd()));
    }

    /// <summary>The spec's description, or a stated fallback when the spec has none.</summary>
    /// <param name="description">The description, if any.</param>
    /// <param name="fallback">What to say instead.</param>
    public static string OrFallback(string? description, string fallback)
        => string.IsNullOrWhiteSpace(description) ? fallback : description;
}
