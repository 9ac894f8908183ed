using DockerApiGen.Generator.Model;

namespace DockerApiGen.Generator.Emitting;

/// <summary>
/// Emits an enumeration as an open value type: a struct wrapping the wire value, with a static property
/// per listed value. Unknown values round-trip instead of failing deserialization.
/// </summary>
public static class EnumEmitter
{
    /// <summary>Writes the struct.</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="type">The enumeration.</param>
    public static void Emit(SourceWriter writer, EnumType type)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(type);
        var isString = type.Kind == EnumKind.String;
        var valueType = isString ? "string" : "long";
        var runtime = "global::DockerApiGen.Runtime.Json";
        var contract = isString ? $"{runtime}.IOpenStringEnum<{type.Name}>" : $"{runtime}.IOpenIntegerEnum<{type.Name}>";
        var converter = isString ? $"{runtime}.OpenStringEnumConverter<{type.Name}>" : $"{runtime}.OpenIntegerEnumConverter<{type.Name}>";
        string Literal(string wire) => isString ? $"\"{ObjectEmitter.Escape(wire)}\"" : wire;

        writer.Summary(DocComments.OrFallback(type.Description, $"The {type.Name} values of the Engine API.")
            + "\n\nThis is an open enumeration: values that this API version does not list are kept as they are.");
        writer.Line($"[global::System.Text.Json.Serialization.JsonConverter(typeof({converter}))]");
        writer.Line($"public readonly partial struct {type.Name} : {contract}, global::System.IEquatable<{type.Name}>").Open();
        writer.Line(isString ? "private readonly string? _value;" : "private readonly long _value;").Line();

        writer.Summary("Wraps a wire value, listed or not.");
        writer.DocElement("param", "The wire value.", "name=\"value\"");
        writer.Line(isString
            ? $"public {type.Name}(string value) => _value = value ?? throw new global::System.ArgumentNullException(nameof(value));"
            : $"public {type.Name}(long value) => _value = value;").Line();

        foreach (var member in type.Members)
        {
            writer.Summary(member.WireValue.Length == 0 ? "The empty value." : $"The value `{member.WireValue}`.");
            writer.Line($"public static {type.Name} {member.Name} {{ get; }} = new({Literal(member.WireValue)});").Line();
        }

        writer.Line("/// <inheritdoc />");
        writer.Line(isString ? "public string Value => _value ?? string.Empty;" : "public long Value => _value;").Line();
        writer.Line("/// <inheritdoc />");
        writer.Line(type.Members.Count == 0
            ? "public bool IsKnown => false;"
            : $"public bool IsKnown => Value is {string.Join(" or ", type.Members.Select(m => Literal(m.WireValue)))};").Line();
        writer.Line("/// <inheritdoc />");
        writer.Line($"public static {type.Name} FromValue({valueType} value) => new(value);").Line();
        writer.Summary("Converts a wire value, listed or not.");
        writer.DocElement("param", "The wire value.", "name=\"value\"");
        writer.Line($"public static implicit operator {type.Name}({valueType} value) => new(value);").Line();
        writer.Summary("Compares two values by their wire value (ordinal).");
        writer.DocElement("param", "The first value.", "name=\"left\"");
        writer.DocElement("param", "The second value.", "name=\"right\"");
        writer.Line($"public static bool operator ==({type.Name} left, {type.Name} right) => left.Equals(right);").Line();
        writer.Summary("Compares two values by their wire value (ordinal).");
        writer.DocElement("param", "The first value.", "name=\"left\"");
        writer.DocElement("param", "The second value.", "name=\"right\"");
        writer.Line($"public static bool operator !=({type.Name} left, {type.Name} right) => !left.Equals(right);").Line();
        writer.Line("/// <inheritdoc />");
        writer.Line(isString
            ? $"public bool Equals({type.Name} other) => string.Equals(Value, other.Value, global::System.StringComparison.Ordinal);"
            : $"public bool Equals({type.Name} other) => Value == other.Value;").Line();
        writer.Line("/// <inheritdoc />");
        writer.Line($"public override bool Equals(object? obj) => obj is {type.Name} other && Equals(other);").Line();
        writer.Line("/// <inheritdoc />");
        writer.Line(isString
            ? "public override int GetHashCode() => global::System.StringComparer.Ordinal.GetHashCode(Value);"
            : "public override int GetHashCode() => Value.GetHashCode();").Line();
        writer.Line("/// <inheritdoc />");
        writer.Line(isString
            ? "public override string ToString() => Value;"
            : "public override string ToString() => Value.ToString(global::System.Globalization.CultureInfo.InvariantCulture);");
        writer.Close();
    }
}
