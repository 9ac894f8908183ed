using System.Text;
using System.Text.Json.Nodes;
using DockerApiGen.Contract.Tests.Server;

namespace DockerApiGen.Contract.Tests.Responses;

/// <summary>
/// A <c>text/csv</c> answer (the Hub's members export): the schema is a list of objects, written as a header row of
/// their property names and one row of sample values, with the declared headers (<c>Content-Disposition</c>).
/// </summary>
public sealed class CsvResponse : WireBehaviour
{
    /// <summary>The media type this answers.</summary>
    public const string MediaType = "text/csv";

    /// <summary>The one instance.</summary>
    public static CsvResponse Instance { get; } = new();

    private CsvResponse()
    {
    }

    /// <summary>The CSV of a schema's sample: a header row and one row per item.</summary>
    /// <param name="sample">The sample (a list of objects).</param>
    public static string Write(JsonNode? sample)
    {
        var rows = sample as JsonArray ?? [];
        var columns = rows.OfType<JsonObject>().SelectMany(r => r.Select(p => p.Key)).Distinct(StringComparer.Ordinal).ToList();
        var text = new StringBuilder().AppendJoin(',', columns.Select(Quote)).Append("\r\n");
        foreach (var row in rows.OfType<JsonObject>())
        {
            text.AppendJoin(',', columns.Select(c => Quote(row[c]?.ToString() ?? string.Empty))).Append("\r\n");
        }

        return text.ToString();
    }

    /// <inheritdoc />
    public override async Task<bool> RespondAsync(ResponseContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (status, response) = context.Operation.Success!.Value;
        var csv = Write(response["schema"] is { } schema ? context.Samples.For(schema) : null);
        var headers = ResponseHeaders.Declared(response, context).Concat(context.ExtraHeaders).Append(new("Content-Type", MediaType + "; charset=utf-8"));
        await HttpResponseWriter.WriteAsync(context.Connection, status, headers, Encoding.UTF8.GetBytes(csv), context.IsHead, cancellationToken).ConfigureAwait(false);
        return true;
    }

    // RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled.
    private static string Quote(string field)
        => field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
}
