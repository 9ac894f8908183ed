using System.Text;

namespace DockerApiGen.Generator.Emitting;

/// <summary>
/// A small indentation-aware writer for C# source: LF line endings, four-space indents, no trailing
/// white space. Emitters write through it so that output is deterministic byte for byte.
/// </summary>
public sealed class SourceWriter
{
    private readonly StringBuilder _text = new();
    private int _indent;

    /// <summary>Writes one line at the current indentation (an empty line has no indentation).</summary>
    /// <param name="line">The line, without a line break.</param>
    public SourceWriter Line(string line = "")
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.Length > 0)
        {
            _text.Append(' ', _indent * 4).Append(line.TrimEnd());
        }

        _text.Append('\n');
        return this;
    }

    /// <summary>Writes <c>{</c> and indents.</summary>
    public SourceWriter Open()
    {
        Line("{");
        _indent++;
        return this;
    }

    /// <summary>Indents the following lines (continuation lines of an argument list).</summary>
    public SourceWriter Indent()
    {
        _indent++;
        return this;
    }

    /// <summary>Undoes <see cref="Indent"/>.</summary>
    public SourceWriter Outdent()
    {
        _indent--;
        return this;
    }

    /// <summary>Outdents and writes <c>}</c> (with an optional suffix such as <c>;</c>).</summary>
    /// <param name="suffix">Text after the brace.</param>
    public SourceWriter Close(string suffix = "")
    {
        _indent--;
        return Line("}" + suffix);
    }

    /// <summary>Writes an XML doc <c>summary</c> from Markdown, one <c>///</c> line per line.</summary>
    /// <param name="markdown">The text (Markdown, as specs write descriptions).</param>
    public SourceWriter Summary(string markdown) => DocElement("summary", markdown);

    /// <summary>Writes an XML doc element whose content is Markdown, converted by <see cref="MarkdownDocs"/>.</summary>
    /// <param name="element">The element name.</param>
    /// <param name="markdown">The text.</param>
    /// <param name="attributes">Raw attributes, e.g. <c>name="value"</c>.</param>
    public SourceWriter DocElement(string element, string markdown, string attributes = "")
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var open = attributes.Length == 0 ? $"<{element}>" : $"<{element} {attributes}>";
        var lines = MarkdownDocs.ToXmlLines(markdown);
        if (lines.Count == 0)
        {
            return Line($"/// {open}</{element}>");
        }

        if (lines.Count == 1)
        {
            return Line($"/// {open}{lines[0]}</{element}>");
        }

        Line($"/// {open}");
        foreach (var line in lines)
        {
            Line(line.Length == 0 ? "///" : "/// " + line);
        }

        return Line($"/// </{element}>");
    }

    /// <summary>Writes an XML doc element whose content is already XML (generator-written text with <c>see</c> references).</summary>
    /// <param name="element">The element name.</param>
    /// <param name="xml">The content, well-formed XML.</param>
    public SourceWriter DocXml(string element, string xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        return Line($"/// <{element}>{xml}</{element}>");
    }

    /// <inheritdoc />
    public override string ToString() => _text.ToString();
}
