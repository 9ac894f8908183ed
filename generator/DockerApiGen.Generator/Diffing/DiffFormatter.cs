using System.Globalization;
using System.Text;
using System.Text.Json;

namespace DockerApiGen.Generator.Diffing;

/// <summary>Writes diff reports as terminal text, Markdown (release notes) or JSON (tools).</summary>
public static class DiffFormatter
{
    private static readonly ChangeLevel[] Levels = [ChangeLevel.Breaking, ChangeLevel.PossiblyBreaking, ChangeLevel.NonBreaking];

    /// <summary>The level as written in every format.</summary>
    /// <param name="level">The level.</param>
    public static string Name(ChangeLevel level)
        => level switch
        {
            ChangeLevel.Breaking => "breaking",
            ChangeLevel.PossiblyBreaking => "possibly-breaking",
            _ => "non-breaking",
        };

    /// <summary>Text for terminals: a summary line, then changes grouped by operation and by schema, breaking first.</summary>
    /// <param name="report">The report.</param>
    /// <param name="colour">Whether to colour levels with ANSI escapes.</param>
    public static string Text(DiffReport report, bool colour)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{report.FromLabel} → {report.ToLabel}: {Summary(report)}\n");
        foreach (var (title, group) in Groups(report))
        {
            text.Append(CultureInfo.InvariantCulture, $"  {title}\n");
            foreach (var change in group)
            {
                var level = Name(change.Level);
                var shown = colour ? $"{Colour(change.Level)}{level,-17}\u001b[0m" : $"{level,-17}";
                text.Append(CultureInfo.InvariantCulture, $"    {shown} {change.Text} [{change.RuleId} {change.Fingerprint}]\n");
            }
        }

        return text.ToString();
    }

    /// <summary>Markdown for release notes: a heading, the summary, one table per level.</summary>
    /// <param name="report">The report.</param>
    public static string Markdown(DiffReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"## {report.ApiTitle} {report.FromLabel} → {report.ToLabel}\n\n{Summary(report)}\n");
        foreach (var level in Levels)
        {
            var changes = report.Changes.Where(c => c.Level == level).ToList();
            if (changes.Count == 0)
            {
                continue;
            }

            text.Append(CultureInfo.InvariantCulture, $"\n### {char.ToUpperInvariant(Name(level)[0])}{Name(level)[1..].Replace('-', ' ')} ({changes.Count})\n\n| change | where | rule |\n| --- | --- | --- |\n");
            foreach (var change in changes)
            {
                text.Append(CultureInfo.InvariantCulture, $"| {Escape(change.Text)} | `{change.Operation ?? change.Schema}` | `{change.RuleId}` |\n");
            }
        }

        return text.ToString();
    }

    /// <summary>JSON with the schema documented in docs/api-diff.md.</summary>
    /// <param name="reports">One report per step (and the cumulative one last, for ranges).</param>
    public static string Json(IReadOnlyList<DiffReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("schemaVersion", 1);
            json.WriteStartArray("reports");
            foreach (var report in reports)
            {
                json.WriteStartObject();
                json.WriteString("from", report.From);
                json.WriteString("to", report.To);
                json.WriteStartObject("summary");
                json.WriteNumber("breaking", report.Count(ChangeLevel.Breaking));
                json.WriteNumber("possiblyBreaking", report.Count(ChangeLevel.PossiblyBreaking));
                json.WriteNumber("nonBreaking", report.Count(ChangeLevel.NonBreaking));
                json.WriteNumber("ignored", report.Ignored);
                json.WriteEndObject();
                json.WriteStartArray("changes");
                foreach (var change in report.Changes)
                {
                    json.WriteStartObject();
                    json.WriteString("ruleId", change.RuleId);
                    json.WriteString("level", Name(change.Level));
                    json.WriteString("direction", change.Direction.ToString().ToLowerInvariant());
                    json.WriteString("operation", change.Operation);
                    json.WriteString("schema", change.Schema);
                    json.WriteString("target", change.Target);
                    json.WriteString("pointer", change.Pointer);
                    json.WriteString("text", change.Text);
                    json.WriteString("fingerprint", change.Fingerprint);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static string Summary(DiffReport report)
        => report.Changes.Count == 0
            ? $"no changes{(report.Ignored > 0 ? $" ({report.Ignored} ignored)" : string.Empty)}."
            : $"{report.Count(ChangeLevel.Breaking)} breaking, {report.Count(ChangeLevel.PossiblyBreaking)} possibly breaking, {report.Count(ChangeLevel.NonBreaking)} non-breaking{(report.Ignored > 0 ? $", {report.Ignored} ignored" : string.Empty)}.";

    private static IEnumerable<(string Title, List<ApiChange> Changes)> Groups(DiffReport report)
    {
        foreach (var group in report.Changes.Where(c => c.Operation is not null).GroupBy(c => c.Operation!).OrderBy(g => g.Min(c => c.Level)).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            yield return ($"operation {group.Key}", group.OrderBy(c => c.Level).ToList());
        }

        foreach (var group in report.Changes.Where(c => c.Operation is null).GroupBy(c => c.Schema ?? string.Empty).OrderBy(g => g.Min(c => c.Level)).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            yield return ($"schema {group.Key}", group.OrderBy(c => c.Level).ToList());
        }
    }

    private static string Colour(ChangeLevel level)
        => level switch
        {
            ChangeLevel.Breaking => "\u001b[31m",
            ChangeLevel.PossiblyBreaking => "\u001b[33m",
            _ => "\u001b[32m",
        };

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
