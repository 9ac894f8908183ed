using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace DockerApiGen.Models.Tests.Support;

/// <summary>
/// Compares what the daemon sent with what the models write back. Equal means: the same fields with the
/// same values, where a null field counts as absent (null properties are not written), numbers compare
/// by value, and timestamps compare as instants at .NET's 100 ns resolution (the daemon sends nanoseconds
/// and <c>Z</c>, .NET writes ticks and <c>+00:00</c>).
/// </summary>
public static partial class JsonEquivalence
{
    /// <summary>Asserts that two JSON documents are equivalent in that sense, naming the first difference.</summary>
    /// <param name="expected">What the daemon sent.</param>
    /// <param name="actual">What the models wrote back.</param>
    public static void AssertEquivalent(JsonNode? expected, JsonNode? actual)
    {
        var difference = FirstDifference(expected, actual, "$");
        Assert.True(difference is null, difference);
    }

    private static string? FirstDifference(JsonNode? expected, JsonNode? actual, string path)
    {
        if (expected is null || actual is null)
        {
            return expected is null && actual is null ? null : $"{path}: expected {expected?.ToJsonString() ?? "null"}, got {actual?.ToJsonString() ?? "null"}";
        }

        switch (expected)
        {
            case JsonObject expectedObject when actual is JsonObject actualObject:
                foreach (var (key, value) in expectedObject)
                {
                    var other = actualObject[key];
                    if (value is null && other is null)
                    {
                        continue;
                    }

                    if (!actualObject.ContainsKey(key))
                    {
                        return $"{path}.{key}: lost (was {value!.ToJsonString()})";
                    }

                    if (FirstDifference(value, other, $"{path}.{key}") is { } inner)
                    {
                        return inner;
                    }
                }

                var added = actualObject.Where(kv => kv.Value is not null && !expectedObject.ContainsKey(kv.Key)).Select(kv => kv.Key).FirstOrDefault();
                return added is null ? null : $"{path}.{added}: written but not received";
            case JsonArray expectedArray when actual is JsonArray actualArray:
                if (expectedArray.Count != actualArray.Count)
                {
                    return $"{path}: expected {expectedArray.Count} items, got {actualArray.Count}";
                }

                for (var i = 0; i < expectedArray.Count; i++)
                {
                    if (FirstDifference(expectedArray[i], actualArray[i], $"{path}[{i}]") is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case JsonValue expectedValue when actual is JsonValue actualValue:
                return ValuesEqual(expectedValue, actualValue) ? null : $"{path}: expected {expected.ToJsonString()}, got {actual.ToJsonString()}";
            default:
                return $"{path}: expected {expected.GetValueKind()}, got {actual.GetValueKind()}";
        }
    }

    private static bool ValuesEqual(JsonValue expected, JsonValue actual)
    {
        if (expected.GetValueKind() == JsonValueKind.Number && actual.GetValueKind() == JsonValueKind.Number)
        {
            return decimal.Parse(expected.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture) == decimal.Parse(actual.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        if (expected.GetValueKind() == JsonValueKind.String && actual.GetValueKind() == JsonValueKind.String)
        {
            var (left, right) = ((string)expected!, (string)actual!);
            return left == right || (AsInstant(left) is { } a && AsInstant(right) is { } b && a == b);
        }

        return JsonNode.DeepEquals(expected, actual);
    }

    private static DateTimeOffset? AsInstant(string text)
    {
        var match = Timestamp().Match(text);
        if (!match.Success)
        {
            return null;
        }

        // Keep at most 7 fractional digits (100 ns), as .NET does.
        var fraction = match.Groups["fraction"].Value;
        var normalized = match.Groups["main"].Value + (fraction.Length > 0 ? "." + fraction[..Math.Min(7, fraction.Length)] : string.Empty) + match.Groups["zone"].Value;
        return DateTimeOffset.Parse(normalized, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
    }

    [GeneratedRegex(@"^(?<main>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(?<fraction>\d+))?(?<zone>Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex Timestamp();
}
