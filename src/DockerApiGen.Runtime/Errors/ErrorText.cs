using System.Text;

namespace DockerApiGen.Runtime.Errors;

/// <summary>
/// Makes text a server sent fit for an exception message: one line, control characters replaced, shortened, and any
/// secret the client knows masked (a server may echo what it was sent).
/// </summary>
public static class ErrorText
{
    /// <summary>The longest text kept (longer text is cut and ends with <c>…</c>).</summary>
    public const int MaxLength = 200;

    /// <summary>A body as text for a message (its first KiB, UTF-8), or null when it is empty or blank.</summary>
    /// <param name="body">The body.</param>
    public static string? FromBody(ReadOnlySpan<byte> body)
        => body.IsEmpty ? null : Clean(Encoding.UTF8.GetString(body[..Math.Min(body.Length, 1024)]));

    /// <summary>Text trimmed, on one line, at most <see cref="MaxLength"/> characters, with each secret replaced by <c>***</c>; null when nothing is left.</summary>
    /// <param name="text">The text.</param>
    /// <param name="secrets">Values that must not appear (passwords, tokens); null or empty ones are ignored.</param>
    public static string? Clean(string? text, IEnumerable<string?>? secrets = null)
    {
        if (text is null)
        {
            return null;
        }

        foreach (var secret in secrets ?? [])
        {
            if (!string.IsNullOrEmpty(secret))
            {
                text = text.Replace(secret, "***", StringComparison.Ordinal);
            }
        }

        text = string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = char.IsControl(source[i]) ? ' ' : source[i];
            }
        }).Trim();
        return text.Length == 0 ? null : text.Length > MaxLength ? text[..MaxLength] + "…" : text;
    }
}
