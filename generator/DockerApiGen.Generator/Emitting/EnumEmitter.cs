using DockerApiGen.Generator.Model;
using DockerApiGen.Generator.Semantics;

namespace DockerApiGen.Generator.Emitting;

/// <summary>
/// Prints an enumeration as an open value type: a struct wrapping the wire value, with a static property
/// per listed value. Unknown values round-trip instead of failing deserialization.
/// </summary>
public static class EnumEmitter
{
    /// <summary>Writes the struct.</summary>
    /// <param name="file">Where to write.</param>
    /// <param name="type">The enumeration.</param>
    public static void Emit(CSharpFile file, EnumDeclaration type)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(type);
        var writer = file.Body;
        var isString = type.Kind == EnumKind.String;
        var valueType = isString ? "string" : "long";
        var self = new NamedTypeName(string.Empty, type.Name);
        var contract = file.Type((isString ? KnownTypes.IOpenStringEnum : KnownTypes.IOpenIntegerEnum).Of(self));
        var converter = file.Type((isString ? KnownTypes.OpenStringEnumConverter : KnownTypes.OpenIntegerEnumConverter).Of(self));
        var equatable = file.Type(KnownTypes.IEquatable.Of(self));
        string Literal(string wire) => isString ? ObjectEmitter.Literal(wire) : wire;

        writer.Summary(type.Doc + "\n\nThis is an open enumeration: values that this API version does not list are kept as they are.");
        writer.Line($"[{file.Attribute(KnownTypes.JsonConverter)}(typeof({converter}))]");
        writer.Line($"public readonly partial struct {type.Name} : {contract}, {equatable}").Open();
        writer.Line(isString ? "private readonly string? _value;" : "private readonly long _value;").Line();

        writer.Summary("Wraps a wire value, listed or not.");
        writer.DocElement("param", "The wire value.", "name=\"value\"");
        writer.Line(isString
            ? $"public {type.Name}(string value) => _value = value ?? throw new {file.Type(KnownTypes.ArgumentNullException)}(nameof(value));"
            : $"public {type.Name}(long value) => _value = value;").Line();

        foreach (var member in type.Members)
        {
            writer.Summary(member.WireValue.Length == 0 ? "The empty value." : $"The value `{member.WireValue}`.");
            writer.Line($"public static {type.Name} {member.Name} {{ get; }} = new({Literal(member.WireValue)});").Line();
        }

        writer.Line("/// <inheritdoc />");
        writer.Line(isString ? "public string Value => _value ?? \"\";" : "public long Value => _value;").Line();
        writer.Line("/// <inheritdoc />");
        writer.Line(type.Members.Count == 0
            ? "public bool IsKnown => false;"
            : $"public bool IsKnown => Value is {string.Join(" or ", type.Members.Select(m => Literal(m.WireValue)))};").Line();
        writer.Line("/// <inheritdoc />");
        writer.Line($"public static {type.Name} FromValue({valueType} value) => new(value);").Line();
        writer.Summary("Converts a wire value, listed or not.");
        writer.DocElement("param", "The wire value.", "name=\"value\"");
        writer.Line($"public static implicit operator {type.Name}({valueType} value) => new(value);").Line();
        foreach (var (op, body) in new[] { ("==", "left.Equals(right)"), ("!=", "!left.Equals(right)") })
        {
            writer.Summary("Compares two values by their wire value (ordinal).");
            writer.DocElement("param", "The first value.", "name=\"left\"");
            writer.DocElement("param", "The second value.", "name=\"right\"");
            writer.Line($"public static bool operator {op}({type.Name} left, {type.Name} right) => {body};").Line();
        }

        writer.Line("/// <inheritdoc />");
        writer.Line(isString
            ? $"public bool Equals({type.Name} other) => string.Equals(Value, other.Value, {file.Type(KnownTypes.StringComparison)}.Ordinal);"
            : $"public bool Equals({type.Name} other) => Value == other.Value;").Line();
        writer.Line("/// <inheritdoc />");
        writer.Line($"public override bool Equals(object? obj) => obj is {type.Name} other && Equals(other);").Line();
        writer.Line("/// <inheritdoc />");
        writer.Line(isString
            ? $"public override int GetHashCode() => {file.Type(KnownTypes.StringComparer)}.Ordinal.GetHashCode(Value);"
            : "public override int GetHashCode() => Value.GetHashCode();").Line();
        writer.Line("/// <inheritdoc />");
        writer.Line(isString
            ? "public override string ToString() => Value;"
            : $"public override string ToString() => Value.ToString({file.Type(KnownTypes.CultureInfo)}.InvariantCulture);");
        writer.Close();
    }
}
