using System.Text;

namespace DockerApiGen.Generator.Diagnostics;

/// <summary>
/// One thing wrong with an input (a spec, a patch, the lock file) or with generated code, located as
/// precisely as the stage that found it can: file, line and column, and the JSON pointer inside a spec.
/// </summary>
/// <param name="File">The file the problem is in.</param>
/// <param name="Line">The 1-based line, when known.</param>
/// <param name="Column">The 1-based column, when known.</param>
/// <param name="JsonPointer">Where in the spec document, when the problem is in a spec.</param>
/// <param name="Message">What is wrong.</param>
/// <param name="Hint">What to do about it, when there is something to say.</param>
public sealed record SpecProblem(string File, int? Line, int? Column, string? JsonPointer, string Message, string? Hint = null)
{
    /// <summary>Formats the problem as <c>file(line,col): pointer: message. hint</c>, the shape compilers use.</summary>
    public override string ToString()
    {
        var text = new StringBuilder(File);
        if (Line is { } line)
        {
            text.Append('(').Append(line);
            if (Column is { } column)
            {
                text.Append(',').Append(column);
            }

            text.Append(')');
        }

        text.Append(": ");
        if (!string.IsNullOrEmpty(JsonPointer))
        {
            text.Append(JsonPointer).Append(": ");
        }

        text.Append(Message);
        if (!string.IsNullOrEmpty(Hint))
        {
            text.Append(' ').Append(Hint);
        }

        return text.ToString();
    }
}
