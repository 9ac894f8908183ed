using System.Globalization;
using System.Runtime.CompilerServices;

namespace DockerApiGen.Runtime.Http;

/// <summary>
/// Builds a request path from an interpolated string whose holes are path parameters: each string is
/// escaped whole (every reserved character, <c>/</c> included, is percent-encoded) and must not be empty,
/// and numbers are written invariantly. So generated code reads <c>$"/containers/{id}/json"</c> and the
/// path cannot change meaning whatever <c>id</c> holds.
/// </summary>
[InterpolatedStringHandler]
public ref struct EscapedPathHandler
{
    private DefaultInterpolatedStringHandler _path;

    /// <summary>Starts the path (called by the compiler).</summary>
    /// <param name="literalLength">The length of the literal parts.</param>
    /// <param name="formattedCount">The number of holes.</param>
    public EscapedPathHandler(int literalLength, int formattedCount)
    {
        _path = new DefaultInterpolatedStringHandler(literalLength, formattedCount, CultureInfo.InvariantCulture);
    }

    /// <summary>Appends literal path text as it is.</summary>
    /// <param name="value">The text.</param>
    public void AppendLiteral(string value) => _path.AppendLiteral(value);

    /// <summary>Appends a string path parameter, escaped whole.</summary>
    /// <param name="value">The parameter.</param>
    /// <param name="name">The parameter's expression, for the error when it is empty.</param>
    /// <exception cref="ArgumentException">The value is null or empty (the path would change meaning).</exception>
    public void AppendFormatted(string? value, [CallerArgumentExpression(nameof(value))] string name = "")
        => _path.AppendLiteral(DockerRequest.Escape(value, name));

    /// <summary>
    /// Appends a string path parameter written as its format says: <c>segments</c> (a repository name such as
    /// <c>team/app</c>) escapes each <c>/</c>-separated segment and keeps the slashes; a segment may not be empty,
    /// <c>.</c> or <c>..</c>, which would change the path's meaning.
    /// </summary>
    /// <param name="value">The parameter.</param>
    /// <param name="format">The format: <c>segments</c>.</param>
    /// <param name="name">The parameter's expression, for errors.</param>
    /// <exception cref="ArgumentException">The value is null, empty or has a forbidden segment.</exception>
    /// <exception cref="FormatException">The format is not one this handler knows.</exception>
    public void AppendFormatted(string? value, string? format, [CallerArgumentExpression(nameof(value))] string name = "")
    {
        if (format != "segments")
        {
            throw new FormatException($"The path format '{format}' of '{name}' is unknown; the path handler knows 'segments'.");
        }

        if (string.IsNullOrEmpty(value))
        {
            throw new ArgumentException($"The path parameter '{name}' must not be empty.", name);
        }

        var first = true;
        foreach (var segment in value.Split('/'))
        {
            if (segment is "" or "." or "..")
            {
                throw new ArgumentException($"The path parameter '{name}' ('{value}') has an empty, '.' or '..' segment; each '/'-separated part must be a name.", name);
            }

            if (!first)
            {
                _path.AppendLiteral("/");
            }

            _path.AppendLiteral(Uri.EscapeDataString(segment));
            first = false;
        }
    }

    /// <summary>Appends a number or other formattable path parameter, written invariantly.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="value">The parameter.</param>
    public void AppendFormatted<T>(T value)
        where T : ISpanFormattable
        => _path.AppendFormatted(value);

    /// <summary>The path built so far; the handler must not be used afterwards.</summary>
    public string ToStringAndClear() => _path.ToStringAndClear();
}
