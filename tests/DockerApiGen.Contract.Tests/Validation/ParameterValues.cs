using System.Globalization;
using System.Text.Json.Nodes;
using DockerApiGen.Contract.Tests.Spec;

namespace DockerApiGen.Contract.Tests.Validation;

/// <summary>Checks one text value of a query or header parameter against the parameter's declared type.</summary>
public static partial class ParameterValues
{
    /// <summary>The problem with a value, as a sentence, or null when it fits.</summary>
    /// <param name="parameter">The parameter (for a list, each occurrence is checked against its item type).</param>
    /// <param name="value">The decoded value.</param>
    public static string? Check(SpecParameter parameter, string value)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        ArgumentNullException.ThrowIfNull(value);
        var declared = parameter.IsArray ? parameter.ValueSchema["items"]?.AsObject() ?? [] : parameter.ValueSchema;
        var type = (string?)declared["type"];
        var format = (string?)declared["format"];

        var typeProblem = type switch
        {
            "integer" when !IsInteger(value, format) => $"'{value}' is not an integer{(format is null ? string.Empty : $" ({format})")}.",
            "number" when !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _) => $"'{value}' is not a number.",
            // The daemon reads 1/0 and true/false; Go's other spellings (t, TRUE, yes) are not what the spec means.
            "boolean" when value is not ("true" or "false" or "1" or "0") => $"'{value}' is not a boolean (true, false, 1 or 0).",
            "string" when format is "date-time" or "dateTime" && !Rfc3339().IsMatch(value) => $"'{value}' is not an RFC 3339 date and time (2024-01-02T03:04:05Z).",
            _ => null,
        };
        if (typeProblem is not null)
        {
            return typeProblem;
        }

        if (declared["enum"] is JsonArray values && !values.Any(v => v?.ToString() == value))
        {
            return $"'{value}' is not one of the spec's values ({string.Join(", ", values.Select(v => v?.ToString()))}).";
        }

        return parameter.IsJsonEncoded ? JsonEncodedShapes.Check(parameter.Name, value) : null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$")]
    private static partial System.Text.RegularExpressions.Regex Rfc3339();

    private static bool IsInteger(string value, string? format) => format switch
    {
        "uint64" => ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _),
        "int32" or "int" => int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
        _ => long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
    };
}
