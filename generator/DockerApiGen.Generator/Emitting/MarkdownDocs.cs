using System.Text;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace DockerApiGen.Generator.Emitting;

/// <summary>
/// Turns the specs' Markdown descriptions into XML documentation, so IDE tooltips show formatted text
/// rather than raw Markdown: paragraphs become <c>para</c>, inline code <c>c</c>, fenced and indented code
/// <c>code</c>, lists <c>list</c>, absolute links <c>see href</c>; links relative to the spec's own page
/// (<c>#operation/…</c>) become their text, and HTML is reduced to text (<c>sup</c> as <c>^</c>).
/// Markdig parses (CommonMark, with pipe tables); this class only prints its syntax tree.
/// </summary>
public static class MarkdownDocs
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().Build();

    /// <summary>The XML content of a doc element for a Markdown text: lines without <c>///</c>.</summary>
    /// <param name="markdown">The text.</param>
    public static IReadOnlyList<string> ToXmlLines(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var document = Markdown.Parse(markdown.ReplaceLineEndings("\n").Replace("\t", "    ", StringComparison.Ordinal), Pipeline);
        var blocks = document.Select(b => (Source: b, Lines: Block(b))).Where(b => b.Lines.Count > 0).ToList();
        var lines = new List<string>();
        foreach (var (source, content) in blocks)
        {
            // One plain paragraph stays plain; several are each a para, as the doc comment conventions ask.
            lines.AddRange(blocks.Count > 1 && source is ParagraphBlock ? Wrapped("para", content) : content);
        }

        return lines.Select(l => l.TrimEnd()).ToList();
    }

    private static List<string> Block(Block block)
        => block switch
        {
            ParagraphBlock paragraph => SplitLines(Inlines(paragraph.Inline)),
            HeadingBlock heading => [$"<para><b>{Inlines(heading.Inline)}</b></para>"],
            FencedCodeBlock or CodeBlock => Code((LeafBlock)block),
            ListBlock list => List(list),
            QuoteBlock quote => Wrapped("para", quote.SelectMany(Block)),
            Table table => TableBlock(table),
            HtmlBlock html => SplitLines(Escape(StripHtml(html.Lines.ToString()))).Where(l => l.Trim().Length > 0).ToList(),
            ThematicBreakBlock => [],
            ContainerBlock container => container.SelectMany(Block).ToList(),
            LeafBlock leaf => SplitLines(Escape(leaf.Lines.ToString())),
            _ => [],
        };

    private static List<string> Code(LeafBlock block)
    {
        var lines = block.Lines.Lines.Take(block.Lines.Count).Select(l => Escape(l.ToString())).ToList();
        while (lines.Count > 0 && lines[^1].Trim().Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        if (lines.Count == 0)
        {
            return [];
        }

        lines[0] = "<code>" + lines[0];
        lines[^1] += "</code>";
        return lines;
    }

    private static List<string> List(ListBlock list)
    {
        var lines = new List<string> { list.IsOrdered ? "<list type=\"number\">" : "<list type=\"bullet\">" };
        foreach (var item in list.OfType<ListItemBlock>())
        {
            var content = item.SelectMany(Block).ToList();
            if (content.Count == 0)
            {
                continue;
            }

            content[0] = "<item><description>" + content[0];
            content[^1] += "</description></item>";
            lines.AddRange(content);
        }

        lines.Add("</list>");
        return lines;
    }

    private static List<string> TableBlock(Table table)
    {
        var lines = new List<string> { "<list type=\"table\">" };
        foreach (var row in table.OfType<TableRow>())
        {
            var cells = row.OfType<TableCell>().Select(c => string.Join(' ', c.SelectMany(Block))).ToList();
            var element = row.IsHeader ? "listheader" : "item";
            lines.Add($"<{element}><term>{cells.FirstOrDefault()}</term><description>{string.Join(" | ", cells.Skip(1))}</description></{element}>");
        }

        lines.Add("</list>");
        return lines;
    }

    private static List<string> Wrapped(string element, IEnumerable<string> content)
    {
        var lines = content.ToList();
        if (lines.Count == 0)
        {
            return lines;
        }

        lines[0] = $"<{element}>" + lines[0];
        lines[^1] += $"</{element}>";
        return lines;
    }

    private static string Inlines(ContainerInline? container)
    {
        var text = new StringBuilder();
        for (var inline = container?.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            Inline(text, inline);
        }

        return text.ToString();
    }

    private static void Inline(StringBuilder text, Inline inline)
    {
        switch (inline)
        {
            case LiteralInline literal:
                text.Append(Escape(literal.Content.ToString()));
                break;
            case CodeInline code:
                text.Append("<c>").Append(Escape(code.Content)).Append("</c>");
                break;
            case LineBreakInline lineBreak:
                text.Append('\n');
                break;
            case AutolinkInline autolink when IsAbsolute(autolink.Url):
                text.Append($"<see href=\"{EscapeAttribute(autolink.Url)}\"/>");
                break;
            case AutolinkInline autolink:
                text.Append(Escape(autolink.Url));
                break;
            case LinkInline { IsImage: false } link when link.Url is { } url && IsAbsolute(url):
                var label = Inlines(link);
                text.Append($"<see href=\"{EscapeAttribute(url)}\">{(label.Length == 0 ? Escape(url) : label)}</see>");
                break;
            case LinkInline link:
                // Links within Docker's rendered API page (#operation/…, #section/…) mean nothing in an IDE.
                text.Append(Inlines(link));
                break;
            case EmphasisInline emphasis:
                var tag = emphasis.DelimiterCount >= 2 ? "b" : "i";
                text.Append($"<{tag}>").Append(Inlines(emphasis)).Append($"</{tag}>");
                break;
            case HtmlEntityInline entity:
                text.Append(Escape(entity.Transcoded.ToString()));
                break;
            case HtmlInline html:
                text.Append(html.Tag.StartsWith("<sup", StringComparison.OrdinalIgnoreCase) ? "^" : html.Tag.StartsWith("<br", StringComparison.OrdinalIgnoreCase) ? "\n" : string.Empty);
                break;
            case ContainerInline container:
                text.Append(Inlines(container));
                break;
            default:
                text.Append(Escape(inline.ToString() ?? string.Empty));
                break;
        }
    }

    private static bool IsAbsolute(string url)
        => url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase);

    private static List<string> SplitLines(string text) => text.Split('\n').Select(l => l.Trim()).ToList();

    private static string StripHtml(string html)
    {
        var text = new StringBuilder();
        var inTag = false;
        foreach (var c in html)
        {
            inTag = c switch
            {
                '<' => true,
                '>' when inTag => false,
                _ => inTag,
            };
            if (!inTag && c != '>')
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }

    /// <summary>Escapes XML metacharacters and drops control characters other than line breaks.</summary>
    /// <param name="text">Plain text.</param>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                _ when char.IsControl(c) && c != '\n' => string.Empty,
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }

    private static string EscapeAttribute(string text) => Escape(text).Replace("\"", "&quot;", StringComparison.Ordinal);
}
