using System.Buffers.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DockerApiGen.Contract.Tests.Server;
using DockerApiGen.Contract.Tests.Spec;

namespace DockerApiGen.Contract.Tests.Validation;

/// <summary>
/// Checks a request's header fields: every field is clean (a token name, no CR, LF or other control
/// character in its value) and every header parameter of the operation is present when required and
/// encoded as the spec and the notes say.
/// </summary>
public static class HeaderValidator
{
    // Every control character but HTAB, which field values may hold.
    private static readonly char[] ControlCharacters = [.. Enumerable.Range(0, 32).Where(c => c != '\t').Select(c => (char)c), '\x7F'];

    // Headers whose values are encoded JSON; the spec says so in prose only.
    private static readonly Dictionary<string, Func<string, string?>> EncodedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        // base64url of an auth config (username, password, serveraddress… all strings).
        ["X-Registry-Auth"] = value => CheckBase64UrlJson(value, "an auth config object", node => node is JsonObject config && config.All(e => e.Value is JsonValue v && v.GetValueKind() == JsonValueKind.String)),
        // base64url of a map of registry to auth config.
        ["X-Registry-Config"] = value => CheckBase64UrlJson(value, "a map of registry to auth config", node => node is JsonObject map && map.All(e => e.Value is JsonObject)),
    };

    /// <summary>Checks the header fields of a request against its operation.</summary>
    /// <param name="request">The request.</param>
    /// <param name="operation">Its operation.</param>
    /// <param name="violations">Where problems are reported.</param>
    public static void Validate(HttpRequest request, SpecOperation operation, ICollection<Violation> violations)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(violations);
        foreach (var (name, value) in request.Headers)
        {
            if (name.Length == 0 || !name.All(IsTokenChar))
            {
                violations.Add(new Violation($"header '{name}'", "is not a valid field name."));
            }

            var control = value.IndexOfAny(ControlCharacters);
            if (control >= 0)
            {
                violations.Add(new Violation($"header {name}", $"holds the control character U+{(int)value[control]:X4} (a CR or LF would split the header)."));
            }
        }

        if (request.Header("Host") is null)
        {
            violations.Add(new Violation("header Host", "is missing; HTTP/1.1 requires it."));
        }

        foreach (var parameter in operation.In(ParameterLocation.Header))
        {
            var values = request.HeaderValues(parameter.Name).ToList();
            if (values.Count == 0)
            {
                if (parameter.Required)
                {
                    violations.Add(new Violation($"header {parameter.Name}", "is required by the spec but missing."));
                }

                continue;
            }

            if (values.Count > 1)
            {
                violations.Add(new Violation($"header {parameter.Name}", $"is sent {values.Count} times."));
            }

            var value = values[0];
            var problem = EncodedHeaders.TryGetValue(parameter.Name, out var check)
                ? check(value)
                : ParameterValues.Check(parameter, IsContentType(parameter) ? value.Split(';')[0].Trim() : value);
            if (problem is not null)
            {
                violations.Add(new Violation($"header {parameter.Name}", problem));
            }
        }
    }

    /// <summary>Whether a header parameter is the request's Content-Type (build declares it, as <c>Content-type</c>).</summary>
    /// <param name="parameter">The parameter.</param>
    public static bool IsContentType(SpecParameter parameter)
        => parameter is { In: ParameterLocation.Header } && parameter.Name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase);

    private static string? CheckBase64UrlJson(string value, string shape, Func<JsonNode?, bool> fits)
    {
        // base64url (RFC 4648 §5), not base64: standard base64's '+' and '/' break for passwords whose
        // encoding holds them. Padded, as RFC 4648 requires unless a spec waives it: the daemon decodes with
        // Go's base64.URLEncoding, which rejects a value without its '=' padding.
        if (value.Contains('+', StringComparison.Ordinal) || value.Contains('/', StringComparison.Ordinal))
        {
            return $"'{value}' is standard base64 ('+' or '/'), not base64url.";
        }

        var unpadded = value.TrimEnd('=');
        if (value.Length - unpadded.Length > 2 || !Base64Url.IsValid(unpadded))
        {
            return $"'{value}' is not base64url.";
        }

        if (value.Length % 4 != 0)
        {
            return $"'{value}' lacks its '=' padding ({value.Length} characters, not a multiple of 4); the daemon's base64.URLEncoding rejects it.";
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(Base64Url.DecodeFromChars(unpadded));
        }
        catch (JsonException ex)
        {
            return $"decodes to text that is not JSON ({ex.Message}).";
        }

        return fits(node) ? null : $"decodes to JSON that is not {shape}: {node?.ToJsonString() ?? "null"}.";
    }

    // RFC 9110 token characters.
    private static bool IsTokenChar(char c) => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c, StringComparison.Ordinal);
}
