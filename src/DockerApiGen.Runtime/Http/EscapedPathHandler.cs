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

    /// <summary>Appends a number or other formattable path parameter, written invariantly.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="value">The parameter.</param>
    public void AppendFormatted<T>(T value)
        where T : ISpanFormattable
        => _path.AppendFormatted(value);

    /// <summary>The path built so far; the handler must not be used afterwards.</summary>
    public string ToStringAndClear() => _path.ToStringAndClear();
}
