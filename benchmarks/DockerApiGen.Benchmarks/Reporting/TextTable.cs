using System.Text;

namespace DockerApiGen.Benchmarks.Reporting;

/// <summary>A plain-text table with left-aligned columns padded to their widest cell.</summary>
/// <param name="headers">The column headers.</param>
public sealed class TextTable(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    /// <summary>Adds a row; missing cells are empty.</summary>
    /// <param name="cells">The row's cells.</param>
    public void Add(params string[] cells) => _rows.Add(cells);

    /// <inheritdoc />
    public override string ToString()
    {
        var all = _rows.Prepend(headers).ToList();
        var widths = Enumerable.Range(0, headers.Length)
            .Select(column => all.Max(row => column < row.Length ? row[column].Length : 0))
            .ToArray();
        var text = new StringBuilder();
        foreach (var row in all)
        {
            var cells = widths.Select((width, column) => (column < row.Length ? row[column] : "").PadRight(width));
            text.AppendLine(string.Join("  ", cells).TrimEnd());
        }

        return text.ToString();
    }
}
