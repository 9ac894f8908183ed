using System.Text;
using System.Text.RegularExpressions;

namespace DockerApiGen.Generator.Loading;

/// <summary>One line that <see cref="YamlRepair"/> changed.</summary>
/// <param name="Line">The 1-based line number (the same before and after: lines are never added or removed).</param>
/// <param name="OldIndent">The indentation the line had.</param>
/// <param name="NewIndent">The indentation it has now.</param>
public sealed record YamlRepairChange(int Line, int OldIndent, int NewIndent)
{
    /// <inheritdoc />
    public override string ToString()
        => $"line {Line}: re-indented a double-quoted scalar's continuation from {OldIndent} to {NewIndent} spaces";
}

/// <summary>The repaired text and what was changed.</summary>
/// <param name="Text">The text to parse.</param>
/// <param name="Changes">Every changed line, in order; empty when the input needed nothing.</param>
public sealed record YamlRepairResult(string Text, IReadOnlyList<YamlRepairChange> Changes);

/// <summary>
/// The pre-parse step for specs v1.25–v1.38: a few <c>description: "…"</c> values continue on a line
/// indented no deeper than their key, which YAML forbids (YamlDotNet rejects it; lenient parsers read on).
/// This re-indents exactly those continuation lines, two spaces deeper than the key, and touches nothing
/// else: line count, line endings and every other byte stay the same, so line numbers in later errors
/// still point at the original file.
/// </summary>
public static partial class YamlRepair
{
    /// <summary>Repairs under-indented continuations of double-quoted scalars.</summary>
    /// <param name="text">The YAML text.</param>
    public static YamlRepairResult Repair(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Split('\n');
        var changes = new List<YamlRepairChange>();
        int? openQuoteKeyIndent = null;
        int? blockScalarKeyIndent = null;

        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var content = line.TrimEnd('\r');
            var indent = content.Length - content.TrimStart(' ').Length;
            var blank = content.Trim().Length == 0;

            if (openQuoteKeyIndent is { } keyIndent)
            {
                if (!blank && indent <= keyIndent)
                {
                    var newIndent = keyIndent + 2;
                    lines[i] = new string(' ', newIndent) + line.TrimStart(' ');
                    changes.Add(new YamlRepairChange(i + 1, indent, newIndent));
                }

                if (ClosesQuote(content.TrimStart(' '), 0))
                {
                    openQuoteKeyIndent = null;
                }

                continue;
            }

            // Lines inside a literal or folded block (| or >) are text, whatever they look like.
            if (blockScalarKeyIndent is { } blockIndent)
            {
                if (blank || indent > blockIndent)
                {
                    continue;
                }

                blockScalarKeyIndent = null;
            }

            var match = KeyWithValue().Match(content);
            if (!match.Success)
            {
                continue;
            }

            var keyColumn = match.Groups["indent"].Length + match.Groups["dash"].Length;
            var value = match.Groups["value"].Value;
            if (value.StartsWith('"') && !ClosesQuote(value, 1))
            {
                openQuoteKeyIndent = keyColumn;
            }
            else if (BlockScalarHeader().IsMatch(value))
            {
                blockScalarKeyIndent = keyColumn;
            }
        }

        return new YamlRepairResult(changes.Count == 0 ? text : string.Join('\n', lines), changes);
    }

    /// <summary>Whether a double-quoted scalar open before <paramref name="start"/> closes in <paramref name="text"/>.</summary>
    private static bool ClosesQuote(string text, int start)
    {
        for (var i = start; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == '"')
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"^(?<indent> *)(?<dash>- +)?(?<key>[^\s#""'\-][^:#]*|""[^""]*""):(?: +(?<value>.*))?$")]
    private static partial Regex KeyWithValue();

    [GeneratedRegex(@"^[|>][-+0-9]*\s*(#.*)?$")]
    private static partial Regex BlockScalarHeader();
}
