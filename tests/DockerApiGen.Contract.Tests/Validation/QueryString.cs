using System.Text;

namespace DockerApiGen.Contract.Tests.Validation;

/// <summary>Splits a query string into decoded name/value pairs the way the daemon's Go server does.</summary>
public static class QueryString
{
    /// <summary>
    /// Decodes <c>a=1&amp;b=x%20y</c> like Go's <c>url.ParseQuery</c>: <c>+</c> is a space, <c>%XX</c> are UTF-8
    /// bytes, a name without <c>=</c> has the empty value. Malformed escapes and invalid UTF-8 are violations.
    /// </summary>
    /// <param name="rawQuery">The query, without <c>?</c>.</param>
    /// <param name="violations">Where malformed parts are reported.</param>
    public static IReadOnlyList<KeyValuePair<string, string>> Parse(string rawQuery, ICollection<Violation> violations)
    {
        ArgumentNullException.ThrowIfNull(rawQuery);
        ArgumentNullException.ThrowIfNull(violations);
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var part in rawQuery.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var rawName = equals < 0 ? part : part[..equals];
            var rawValue = equals < 0 ? string.Empty : part[(equals + 1)..];
            var name = Decode(rawName, violations);
            var value = Decode(rawValue, violations);
            if (name is not null && value is not null)
            {
                pairs.Add(new(name, value));
            }
        }

        return pairs;
    }

    /// <summary>Percent-decodes a path segment (no <c>+</c> rule); null, with a violation, when malformed.</summary>
    /// <param name="raw">The encoded text.</param>
    /// <param name="violations">Where a malformed escape is reported.</param>
    public static string? DecodePath(string raw, ICollection<Violation> violations) => Decode(raw, violations, plusIsSpace: false);

    private static string? Decode(string raw, ICollection<Violation> violations, bool plusIsSpace = true)
    {
        var bytes = new List<byte>(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c == '%')
            {
                if (i + 2 >= raw.Length || !Uri.IsHexDigit(raw[i + 1]) || !Uri.IsHexDigit(raw[i + 2]))
                {
                    violations.Add(new Violation($"'{raw}'", "has a '%' that is not followed by two hex digits."));
                    return null;
                }

                bytes.Add(Convert.ToByte(raw.Substring(i + 1, 2), 16));
                i += 2;
            }
            else if (c > 0x7E || c < 0x21)
            {
                violations.Add(new Violation($"'{raw}'", $"has the character U+{(int)c:X4} unencoded; a request target holds only printable ASCII."));
                return null;
            }
            else
            {
                bytes.Add(plusIsSpace && c == '+' ? (byte)' ' : (byte)c);
            }
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes.ToArray());
        }
        catch (DecoderFallbackException)
        {
            violations.Add(new Violation($"'{raw}'", "decodes to bytes that are not UTF-8."));
            return null;
        }
    }
}
