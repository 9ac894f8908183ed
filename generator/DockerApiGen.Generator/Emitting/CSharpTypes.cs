using DockerApiGen.Generator.Model;

namespace DockerApiGen.Generator.Emitting;

/// <summary>How a model type appears in C#, and what it needs to serialize correctly.</summary>
/// <param name="Syntax">The C# type, without a nullable marker.</param>
/// <param name="IsValueType">Whether it is a struct (so <c>?</c> means <c>Nullable&lt;T&gt;</c>).</param>
/// <param name="IsCollection">A list, map or set: always nullable, because daemons send null for empty ones.</param>
/// <param name="Converter">A converter the property needs, or null.</param>
/// <param name="Initializer">The value a non-nullable property starts with, or null for value types.</param>
public sealed record CSharpType(string Syntax, bool IsValueType, bool IsCollection, string? Converter, string? Initializer);

/// <summary>Maps <see cref="TypeRef"/>s to C# types for one version's model.</summary>
/// <param name="model">The version's model.</param>
/// <param name="modelPrefix">Put before model type names when used outside the models' namespace (e.g. <c>global::X.Models.</c>).</param>
public sealed class CSharpTypes(ApiModel model, string modelPrefix = "")
{
    private readonly Dictionary<string, TypeDefinition> _types = model.Types.ToDictionary(t => t.Name, StringComparer.Ordinal);

    /// <summary>The C# type of a model type reference.</summary>
    /// <param name="type">The reference.</param>
    public CSharpType Of(TypeRef type)
        => type switch
        {
            PrimitiveRef primitive => Primitive(primitive.Kind),
            NamedRef named when _types.TryGetValue(named.Name, out var definition) => definition is EnumType
                ? new CSharpType(modelPrefix + named.Name, IsValueType: true, IsCollection: false, null, null)
                : new CSharpType(modelPrefix + named.Name, IsValueType: false, IsCollection: false, null, "new()"),
            NamedRef named => throw new InvalidOperationException($"The model refers to '{named.Name}', which it does not define."),
            ArrayRef array => new CSharpType($"global::System.Collections.Generic.IList<{Element(array.Item)}>", false, true, null, null),
            MapRef map => new CSharpType($"global::System.Collections.Generic.IDictionary<string, {Element(map.Value)}>", false, true, null, null),
            StringSetRef => new CSharpType("global::System.Collections.Generic.ISet<string>", false, true, "global::DockerApiGen.Runtime.Json.StringSetConverter", null),
            CommandLineRef => new CSharpType("global::System.Collections.Generic.IList<string>", false, true, "global::DockerApiGen.Runtime.Json.StringOrStringListConverter", null),
            AnyRef => new CSharpType("global::System.Text.Json.JsonElement", true, false, null, null),
            _ => throw new InvalidOperationException($"Unknown type reference {type}."),
        };

    /// <summary>The C# type as an element of a list or map: nullable where the wire may hold null.</summary>
    /// <param name="type">The element's reference.</param>
    public string Element(TypeRef type)
    {
        var element = Of(type);
        return type switch
        {
            // Nested collections and set/command-line elements keep the plain collection type (no custom converter inside).
            StringSetRef or CommandLineRef => element.Syntax,
            _ when element.IsCollection => element.Syntax + "?",
            _ => element.Syntax,
        };
    }

    private static CSharpType Primitive(PrimitiveKind kind)
        => kind switch
        {
            PrimitiveKind.String or PrimitiveKind.Binary => new CSharpType("string", false, false, null, "string.Empty"),
            PrimitiveKind.Boolean => Value("bool"),
            PrimitiveKind.Int8 => Value("sbyte"),
            PrimitiveKind.UInt8 => Value("byte"),
            PrimitiveKind.Int16 => Value("short"),
            PrimitiveKind.UInt16 => Value("ushort"),
            PrimitiveKind.Int32 => Value("int"),
            PrimitiveKind.UInt32 => Value("uint"),
            PrimitiveKind.Int64 => Value("long"),
            PrimitiveKind.UInt64 => Value("ulong"),
            PrimitiveKind.Float => Value("float"),
            PrimitiveKind.Double => Value("double"),
            PrimitiveKind.DateTime => Value("global::System.DateTimeOffset"),
            _ => throw new InvalidOperationException($"Unknown primitive {kind}."),
        };

    private static CSharpType Value(string syntax) => new(syntax, IsValueType: true, IsCollection: false, null, null);
}
