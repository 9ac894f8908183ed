using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DockerApiGen.Contract.Tests.Spec;

namespace DockerApiGen.Contract.Tests.Validation;

/// <summary>
/// Checks a JSON value against a spec schema: types (integer formats' ranges included), enums (the patched
/// spec's values, so values a patch adds are allowed), required properties, no undeclared properties
/// unless the schema is a map or free-form, and null only where <c>x-nullable</c> or not required.
/// </summary>
/// <param name="schemas">The spec's schemas.</param>
public sealed class JsonSchemaValidator(SchemaResolver schemas)
{
    /// <summary>Checks a value; each problem is reported with its JSON pointer.</summary>
    /// <param name="value">The value (null for JSON null).</param>
    /// <param name="schema">The schema node.</param>
    /// <param name="pointer">Where the value is, for messages (<c>""</c> for the root).</param>
    /// <param name="nullAllowed">Whether null is allowed here whatever the schema says (an optional property).</param>
    /// <param name="violations">Where problems are reported.</param>
    public void Validate(JsonNode? value, JsonNode schema, string pointer, bool nullAllowed, ICollection<Violation> violations)
    {
        ArgumentNullException.ThrowIfNull(violations);
        var effective = schemas.Resolve(schema);
        var subject = $"body {(pointer.Length == 0 ? "/" : pointer)}";
        if (value is null)
        {
            if (!nullAllowed && !effective.Nullable)
            {
                violations.Add(new Violation(subject, $"is null, but the spec requires a value{Named(effective)} and does not mark it x-nullable."));
            }

            return;
        }

        var kind = value.GetValueKind();
        var type = SwaggerType(value, kind);
        if (!effective.Allows(type) && !(type == "integer" && effective.Allows("number")))
        {
            violations.Add(new Violation(subject, $"is {Article(type)} {type}, but the spec says {string.Join(" or ", effective.Types)}{Named(effective)}."));
            return;
        }

        if (effective.Enum is { } values && !values.Any(v => JsonNode.DeepEquals(v, value)))
        {
            violations.Add(new Violation(subject, $"{value.ToJsonString()} is not one of the spec's values ({string.Join(", ", values.Select(v => v?.ToJsonString()))})."));
            return;
        }

        switch (value)
        {
            case JsonObject obj:
                ValidateObject(obj, effective, pointer, violations);
                break;
            case JsonArray array when effective.Items is { } items:
                for (var i = 0; i < array.Count; i++)
                {
                    Validate(array[i], items, $"{pointer}/{i}", nullAllowed: false, violations);
                }

                break;
            case JsonValue scalar when type == "integer" && !FitsFormat(scalar, effective.Format):
                violations.Add(new Violation(subject, $"{scalar.ToJsonString()} does not fit format {effective.Format}."));
                break;
            case JsonValue scalar when kind == JsonValueKind.String && effective.Format is "dateTime" or "date-time"
                && !DateTimeOffset.TryParse((string)scalar!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _):
                violations.Add(new Violation(subject, $"{scalar.ToJsonString()} is not an RFC 3339 date and time."));
                break;
        }
    }

    private void ValidateObject(JsonObject obj, EffectiveSchema effective, string pointer, ICollection<Violation> violations)
    {
        foreach (var (name, child) in obj)
        {
            var childPointer = $"{pointer}/{name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)}";
            if (effective.Properties.TryGetValue(name, out var propertySchema))
            {
                Validate(child, propertySchema, childPointer, nullAllowed: !effective.Required.Contains(name), violations);
            }
            else if (effective.MapValues is { } valueSchema)
            {
                Validate(child, valueSchema, childPointer, nullAllowed: false, violations);
            }
            else if (!effective.AllowsUndeclared)
            {
                violations.Add(new Violation($"body {childPointer}", $"is not a property the spec declares{Named(effective)}."));
            }
        }

        // A required name the schema does not declare (v1.47+ ImageData lists UnpackedSize, a property it lacks)
        // is a spec defect no client can satisfy, so it is not held against the request.
        var requiredDeclared = effective.Required.Where(r => effective.Properties.ContainsKey(r) || effective.AllowsUndeclared);
        foreach (var name in requiredDeclared.Where(r => !obj.ContainsKey(r)).Order(StringComparer.Ordinal))
        {
            violations.Add(new Violation($"body {pointer}/{name}", $"is required by the spec{Named(effective)} but missing."));
        }
    }

    private static string SwaggerType(JsonNode value, JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Number => decimal.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number == decimal.Truncate(number) ? "integer" : "number",
        _ => kind.ToString(),
    };

    private static bool FitsFormat(JsonValue value, string? format)
    {
        if (!decimal.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }

        return format switch
        {
            "uint8" => number is >= byte.MinValue and <= byte.MaxValue,
            "uint16" => number is >= ushort.MinValue and <= ushort.MaxValue,
            "uint32" => number is >= uint.MinValue and <= uint.MaxValue,
            "uint64" => number is >= ulong.MinValue and <= ulong.MaxValue,
            "int32" or "int" => number is >= int.MinValue and <= int.MaxValue,
            _ => number is >= long.MinValue and <= long.MaxValue,
        };
    }

    private static string Named(EffectiveSchema schema) => schema.Name is null ? string.Empty : $" ({schema.Name})";

    private static string Article(string type) => type is "integer" or "array" or "object" ? "an" : "a";
}
