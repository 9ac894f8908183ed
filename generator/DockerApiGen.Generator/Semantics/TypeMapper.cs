using DockerApiGen.Generator.Model;

namespace DockerApiGen.Generator.Semantics;

/// <summary>What a non-nullable property starts with, so that a model made with <c>new()</c> is valid.</summary>
public enum Initializer
{
    /// <summary>Nothing (value types, and anything nullable).</summary>
    None,

    /// <summary><c>""</c>.</summary>
    EmptyString,

    /// <summary><c>new()</c> (model classes).</summary>
    NewObject,
}

/// <summary>How a model type appears in C#, and what it needs to serialize correctly.</summary>
/// <param name="Name">The C# type, without a nullable marker.</param>
/// <param name="IsCollection">A list, map or set: always nullable, because daemons send null for empty ones.</param>
/// <param name="Converter">A converter the property needs, or null.</param>
/// <param name="Initializer">The value a non-nullable property starts with.</param>
public sealed record MappedType(CSharpTypeName Name, bool IsCollection, CSharpTypeName? Converter, Initializer Initializer);

/// <summary>
/// Maps the model's <see cref="TypeRef"/>s to C# types for one version: integer formats exactly, dates to
/// <c>DateTimeOffset</c>, sets and command lines with the runtime's converters, free-form values to
/// <c>JsonElement</c>, enumerations to the open structs the emitters print.
/// </summary>
public sealed class TypeMapper
{
    private readonly Dictionary<string, TypeDefinition> _types;
    private readonly string _modelsNamespace;

    /// <summary>Prepares the mapping for a version's model.</summary>
    /// <param name="model">The model.</param>
    /// <param name="modelsNamespace">The namespace the model types are generated in.</param>
    public TypeMapper(ApiModel model, string modelsNamespace)
    {
        ArgumentNullException.ThrowIfNull(model);
        _types = model.Types.ToDictionary(t => t.Name, StringComparer.Ordinal);
        _modelsNamespace = modelsNamespace;
    }

    /// <summary>The model type of that name, if the version has one.</summary>
    /// <param name="name">The type's name.</param>
    public TypeDefinition? Find(string name) => _types.GetValueOrDefault(name);

    /// <summary>Whether the reference names an enumeration.</summary>
    /// <param name="type">The reference.</param>
    public bool IsEnum(TypeRef type) => type is NamedRef named && Find(named.Name) is EnumType;

    /// <summary>Whether the reference names an object type.</summary>
    /// <param name="type">The reference.</param>
    public bool IsObject(TypeRef type) => type is NamedRef named && Find(named.Name) is ObjectType;

    /// <summary>The C# type of a model type reference.</summary>
    /// <param name="type">The reference.</param>
    /// <exception cref="InvalidOperationException">The reference names a type the model lacks.</exception>
    public MappedType Map(TypeRef type)
        => type switch
        {
            PrimitiveRef primitive => Primitive(primitive.Kind),
            NamedRef named => Find(named.Name) switch
            {
                EnumType => new MappedType(Model(named.Name, isValue: true), false, null, Initializer.None),
                ObjectType => new MappedType(Model(named.Name, isValue: false), false, null, Initializer.NewObject),
                _ => throw new InvalidOperationException($"The model refers to '{named.Name}', which it does not define."),
            },
            ArrayRef array => Collection(KnownTypes.IList.Of(Element(array.Item))),
            MapRef map => Collection(KnownTypes.IDictionary.Of(KnownTypes.String, Element(map.Value))),
            StringSetRef => new MappedType(KnownTypes.ISet.Of(KnownTypes.String), true, KnownTypes.StringSetConverter, Initializer.None),
            CommandLineRef => new MappedType(KnownTypes.IList.Of(KnownTypes.String), true, KnownTypes.StringOrStringListConverter, Initializer.None),
            AnyRef => new MappedType(KnownTypes.JsonElement, false, null, Initializer.None),
            _ => throw new InvalidOperationException($"Unknown type reference {type}."),
        };

    /// <summary>The C# type of a reference, without the details a property needs.</summary>
    /// <param name="type">The reference.</param>
    public CSharpTypeName NameOf(TypeRef type) => Map(type).Name;

    /// <summary>The C# type as an element of a list or map: nullable where the wire may hold null.</summary>
    /// <param name="type">The element's reference.</param>
    public CSharpTypeName Element(TypeRef type)
    {
        var element = Map(type);
        return type switch
        {
            // Nested collections and set/command-line elements keep the plain collection type (no custom converter inside).
            StringSetRef or CommandLineRef => element.Name,
            _ when element.IsCollection => element.Name.AsNullable(),
            _ => element.Name,
        };
    }

    private NamedTypeName Model(string name, bool isValue) => new(_modelsNamespace, name, isValue);

    private static MappedType Collection(CSharpTypeName name) => new(name, true, null, Initializer.None);

    private static MappedType Primitive(PrimitiveKind kind)
        => kind switch
        {
            PrimitiveKind.String or PrimitiveKind.Binary => new MappedType(KnownTypes.String, false, null, Initializer.EmptyString),
            PrimitiveKind.Boolean => Value(KnownTypes.Boolean),
            PrimitiveKind.Int8 => Value(new KeywordTypeName("sbyte", "SByte", true)),
            PrimitiveKind.UInt8 => Value(new KeywordTypeName("byte", "Byte", true)),
            PrimitiveKind.Int16 => Value(new KeywordTypeName("short", "Int16", true)),
            PrimitiveKind.UInt16 => Value(new KeywordTypeName("ushort", "UInt16", true)),
            PrimitiveKind.Int32 => Value(new KeywordTypeName("int", "Int32", true)),
            PrimitiveKind.UInt32 => Value(new KeywordTypeName("uint", "UInt32", true)),
            PrimitiveKind.Int64 => Value(KnownTypes.Int64),
            PrimitiveKind.UInt64 => Value(new KeywordTypeName("ulong", "UInt64", true)),
            PrimitiveKind.Float => Value(new KeywordTypeName("float", "Single", true)),
            PrimitiveKind.Double => Value(new KeywordTypeName("double", "Double", true)),
            PrimitiveKind.DateTime => Value(KnownTypes.DateTimeOffset),
            _ => throw new InvalidOperationException($"Unknown primitive {kind}."),
        };

    private static MappedType Value(CSharpTypeName name) => new(name, false, null, Initializer.None);
}
