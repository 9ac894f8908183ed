namespace DockerApiGen.Generator.Model;

/// <summary>A type the emitter generates: an object or an enumeration.</summary>
/// <param name="Name">The C# name, unique in the version.</param>
/// <param name="SchemaPointer">Where the schema is in the spec (JSON pointer).</param>
/// <param name="Description">The spec's description, if any.</param>
/// <param name="NameSource">How the name was chosen.</param>
public abstract record TypeDefinition(string Name, string SchemaPointer, string? Description, NameSource NameSource);

/// <summary>How a type got its name.</summary>
public enum NameSource
{
    /// <summary>The key under <c>definitions</c> (Swagger 2) or <c>components/schemas</c> (OpenAPI 3).</summary>
    Definition,

    /// <summary>The inline schema's <c>title</c>.</summary>
    Title,

    /// <summary>The inline schema's <c>x-go-name</c>.</summary>
    GoName,

    /// <summary>Derived from where the schema is used: owner + property, or operation + role.</summary>
    Context,

    /// <summary>Given in the family's <c>naming.yaml</c> (inlineNames).</summary>
    Configured,

    /// <summary>The key of the OpenAPI 3 component (a response, request body or parameter) whose inline schema it is.</summary>
    Component,
}

/// <summary>An object schema (with <c>allOf</c> already flattened into one property list).</summary>
/// <param name="Name">The C# name.</param>
/// <param name="SchemaPointer">Where the schema is in the spec.</param>
/// <param name="Description">The spec's description.</param>
/// <param name="NameSource">How the name was chosen.</param>
/// <param name="Properties">The properties, in spec order.</param>
public sealed record ObjectType(string Name, string SchemaPointer, string? Description, NameSource NameSource, IReadOnlyList<PropertyModel> Properties)
    : TypeDefinition(Name, SchemaPointer, Description, NameSource);

/// <summary>Whether an enumeration's wire values are strings or integers.</summary>
public enum EnumKind
{
    /// <summary>JSON strings.</summary>
    String,

    /// <summary>JSON integers.</summary>
    Integer,
}

/// <summary>An enumeration; always emitted open (unknown values round-trip).</summary>
/// <param name="Name">The C# name.</param>
/// <param name="SchemaPointer">Where the schema is in the spec.</param>
/// <param name="Description">The spec's description.</param>
/// <param name="NameSource">How the name was chosen.</param>
/// <param name="Kind">String or integer values.</param>
/// <param name="Members">The values the spec lists, in spec order.</param>
public sealed record EnumType(string Name, string SchemaPointer, string? Description, NameSource NameSource, EnumKind Kind, IReadOnlyList<EnumMember> Members)
    : TypeDefinition(Name, SchemaPointer, Description, NameSource);

/// <summary>One listed value of an enumeration.</summary>
/// <param name="Name">The C# member name.</param>
/// <param name="WireValue">The value as JSON text would hold it (a string's content, or the number's digits).</param>
public sealed record EnumMember(string Name, string WireValue);

/// <summary>A property of an object type.</summary>
/// <param name="WireName">The JSON name.</param>
/// <param name="Name">The C# name.</param>
/// <param name="Type">The property's type.</param>
/// <param name="IsRequired">Listed in the schema's <c>required</c>.</param>
/// <param name="Nullable">The spec's <c>x-nullable</c> (Swagger 2) or <c>nullable</c> (OpenAPI 3), when it says.</param>
/// <param name="IsReadOnly">The spec's <c>readOnly</c>.</param>
/// <param name="IsDeprecated">Marked deprecated (by keyword or by its description).</param>
/// <param name="Description">The spec's description.</param>
/// <param name="SchemaPointer">Where the property is in the spec.</param>
public sealed record PropertyModel(
    string WireName,
    string Name,
    TypeRef Type,
    bool IsRequired,
    bool? Nullable,
    bool IsReadOnly,
    bool IsDeprecated,
    string? Description,
    string SchemaPointer)
{
    /// <summary>The spec's <c>writeOnly</c> (OpenAPI 3): sent in requests, never in responses.</summary>
    public bool IsWriteOnly { get; init; }
}
