namespace DockerApiGen.Generator.Model;

/// <summary>The type of a property, parameter or response body, as the model sees it.</summary>
public abstract record TypeRef;

/// <summary>Scalar kinds, with integer formats kept exact.</summary>
public enum PrimitiveKind
{
    /// <summary>A string.</summary>
    String,

    /// <summary>A boolean.</summary>
    Boolean,

    /// <summary><c>int8</c>.</summary>
    Int8,

    /// <summary><c>uint8</c>.</summary>
    UInt8,

    /// <summary><c>int16</c>.</summary>
    Int16,

    /// <summary><c>uint16</c>.</summary>
    UInt16,

    /// <summary><c>int32</c>.</summary>
    Int32,

    /// <summary><c>uint32</c>.</summary>
    UInt32,

    /// <summary><c>int64</c>, and integers without a format (Go's <c>int</c> is 64-bit).</summary>
    Int64,

    /// <summary><c>uint64</c>.</summary>
    UInt64,

    /// <summary><c>number</c> with format <c>float</c>.</summary>
    Float,

    /// <summary><c>number</c> otherwise.</summary>
    Double,

    /// <summary>A string with format <c>dateTime</c> or <c>date-time</c>.</summary>
    DateTime,

    /// <summary>Binary content (<c>type: file</c> or <c>format: binary</c>).</summary>
    Binary,
}

/// <summary>A scalar.</summary>
/// <param name="Kind">Which scalar.</param>
/// <param name="Format">The spec's format string, kept for diffs.</param>
public sealed record PrimitiveRef(PrimitiveKind Kind, string? Format) : TypeRef;

/// <summary>A generated type, by its C# name.</summary>
/// <param name="Name">The type's name.</param>
public sealed record NamedRef(string Name) : TypeRef;

/// <summary>A list.</summary>
/// <param name="Item">The item type.</param>
public sealed record ArrayRef(TypeRef Item) : TypeRef;

/// <summary>A map with string keys.</summary>
/// <param name="Value">The value type.</param>
public sealed record MapRef(TypeRef Value) : TypeRef;

/// <summary>A set of strings encoded as an object of empty objects (<c>{"80/tcp": {}}</c>).</summary>
public sealed record StringSetRef : TypeRef;

/// <summary>A command line that the spec types as <c>["array", "string"]</c>.</summary>
public sealed record CommandLineRef : TypeRef;

/// <summary>Any JSON value: the spec says nothing about its shape.</summary>
public sealed record AnyRef : TypeRef;
