using System.Text.Json;
using DockerApiGen.Runtime.Errors;

namespace DockerApiGen.Hub.Errors;

/// <summary>
/// A Docker Hub error body, read from whichever of the shapes the Hub's API descriptions declare it was: <c>Error</c>
/// and <c>error</c> (<c>detail</c>, <c>message</c>, <c>errinfo</c>), <c>ErrorResponse</c> (<c>txnid</c>,
/// <c>message</c>, <c>errinfo</c>), <c>ValueError</c> (<c>fields</c>, <c>text</c>), <c>ErrorDetail</c> and the login
/// errors (<c>detail</c>), gRPC's <c>rpcStatus</c> (<c>code</c>, <c>message</c>, <c>details</c>), SCIM errors
/// (<c>schemas</c>, <c>status</c>, <c>scimType</c>, <c>detail</c>), and an <c>errors</c> list as registries send it.
/// Every text is one line, shortened, with the client's secrets masked.
/// </summary>
public sealed class HubError
{
    private const string ScimErrorSchema = "urn:ietf:params:scim:api:messages:2.0:Error";

    private HubError()
    {
    }

    /// <summary>The <c>detail</c> (most Hub errors, SCIM errors, the login errors, 429 answers).</summary>
    public string? Detail { get; private init; }

    /// <summary>The <c>message</c> (<c>Error</c>, <c>ErrorResponse</c>, <c>rpcStatus</c>).</summary>
    public string? Message { get; private init; }

    /// <summary>The <c>text</c> of a validation error (<c>ValueError</c>).</summary>
    public string? Text { get; private init; }

    /// <summary>The invalid fields of a validation error (<c>ValueError.fields</c>): field → what is wrong with it.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Fields { get; private init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>The entries of an <c>errors</c> list.</summary>
    public IReadOnlyList<HubErrorEntry> Errors { get; private init; } = [];

    /// <summary>The Hub's id of the call (<c>txnid</c>), to quote to Docker's support.</summary>
    public string? TransactionId { get; private init; }

    /// <summary>The <c>errinfo</c> object (diagnostics: the API call's name, start, transaction id; for image deletions, the errors and warnings), if any.</summary>
    public JsonElement? ErrorInfo { get; private init; }

    /// <summary>The numeric <c>code</c> of a gRPC status body (<c>rpcStatus</c>), if any.</summary>
    public int? Code { get; private init; }

    /// <summary>True for a SCIM error (<c>schemas</c> names <c>urn:ietf:params:scim:api:messages:2.0:Error</c>, or it has <c>scimType</c>).</summary>
    public bool IsScim { get; private init; }

    /// <summary>The SCIM error type (<c>scimType</c>: <c>invalidFilter</c>, <c>uniqueness</c>…), if any.</summary>
    public string? ScimType { get; private init; }

    /// <summary>What the error says in one line: the detail, message or text, the <c>errors</c> entries, and the invalid fields.</summary>
    public string? Summary
    {
        get
        {
            var parts = new List<string>();
            foreach (var text in new[] { Detail, Message, Text })
            {
                if (text is { Length: > 0 } && !parts.Contains(text))
                {
                    parts.Add(text);
                }
            }

            parts.AddRange(Errors.Select(e => e.ToString()).Where(e => e.Length > 0));
            if (Fields.Count > 0)
            {
                parts.Add("invalid fields: " + string.Join("; ", Fields.Select(f => f.Value.Count == 0 ? f.Key : f.Key + ": " + string.Join(" ", f.Value))));
            }

            return parts.Count == 0 ? null : string.Join("; ", parts);
        }
    }

    /// <summary>Reads an error body; null when it is not a JSON object or holds none of the fields above.</summary>
    /// <param name="body">The body.</param>
    /// <param name="secrets">Values masked as <c>***</c> wherever they appear (the server may echo what it was sent).</param>
    public static HubError? Parse(ReadOnlySpan<byte> body, IEnumerable<string?>? secrets = null)
    {
        if (body.IsEmpty)
        {
            return null;
        }

        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(body);
            if (!JsonDocument.TryParseValue(ref reader, out var parsed))
            {
                return null;
            }

            document = parsed;
        }
        catch (JsonException)
        {
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var masked = secrets?.Where(s => !string.IsNullOrEmpty(s)).ToArray() ?? [];
            string? Clean(string? text) => ErrorText.Clean(text, masked);
            string? Text(string name) => root.TryGetProperty(name, out var value) ? Clean(Scalar(value)) : null;

            var schemas = root.TryGetProperty("schemas", out var s) && s.ValueKind == JsonValueKind.Array
                ? s.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()).ToList()
                : [];
            var error = new HubError
            {
                Detail = Text("detail"),
                Message = Text("message"),
                Text = Text("text"),
                TransactionId = Text("txnid"),
                Code = root.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.Number && c.TryGetInt32(out var code) ? code : null,
                ScimType = Text("scimType"),
                IsScim = schemas.Contains(ScimErrorSchema) || root.TryGetProperty("scimType", out _),
                ErrorInfo = root.TryGetProperty("errinfo", out var info) && info.ValueKind == JsonValueKind.Object ? info.Clone() : null,
                Fields = root.TryGetProperty("fields", out var fields) ? ReadFields(fields, Clean) : new Dictionary<string, IReadOnlyList<string>>(),
                Errors = root.TryGetProperty("errors", out var errors) ? ReadErrors(errors, Clean) : [],
            };
            return error.Summary is null && error.TransactionId is null && error.ErrorInfo is null && error.Code is null && !error.IsScim ? null : error;
        }
    }

    /// <inheritdoc />
    public override string ToString() => Summary ?? "(no message)";

    private static string? Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        _ => null,
    };

    /// <summary><c>fields</c>: field → message or list of messages (Django REST framework's shape).</summary>
    private static Dictionary<string, IReadOnlyList<string>> ReadFields(JsonElement fields, Func<string?, string?> clean)
    {
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (fields.ValueKind != JsonValueKind.Object)
        {
            return result;
        }

        foreach (var field in fields.EnumerateObject())
        {
            IEnumerable<string?> messages = field.Value.ValueKind == JsonValueKind.Array
                ? field.Value.EnumerateArray().Select(Scalar)
                : [Scalar(field.Value)];
            result[field.Name] = messages.Select(clean).OfType<string>().ToList();
        }

        return result;
    }

    /// <summary><c>errors</c>: a list of <c>{code, message, detail}</c> objects or of strings, or an object of field → messages.</summary>
    private static List<HubErrorEntry> ReadErrors(JsonElement errors, Func<string?, string?> clean)
    {
        var result = new List<HubErrorEntry>();
        if (errors.ValueKind == JsonValueKind.Object)
        {
            foreach (var (field, messages) in ReadFields(errors, clean))
            {
                result.Add(new HubErrorEntry(field, messages.Count == 0 ? null : string.Join(" ", messages)));
            }

            return result;
        }

        if (errors.ValueKind != JsonValueKind.Array)
        {
            return result;
        }

        foreach (var entry in errors.EnumerateArray())
        {
            if (entry.ValueKind == JsonValueKind.Object)
            {
                string? Field(string name) => entry.TryGetProperty(name, out var value) ? clean(Scalar(value)) : null;
                var item = new HubErrorEntry(Field("code"), Field("message") ?? Field("detail"));
                if (item.Code is not null || item.Message is not null)
                {
                    result.Add(item);
                }
            }
            else if (clean(Scalar(entry)) is { } text)
            {
                result.Add(new HubErrorEntry(null, text));
            }
        }

        return result;
    }
}
