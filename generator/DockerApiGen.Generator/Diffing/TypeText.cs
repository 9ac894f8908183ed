using DockerApiGen.Generator.Model;

namespace DockerApiGen.Generator.Diffing;

/// <summary>A short, canonical text for a type reference, used to compare and to describe types.</summary>
public static class TypeText
{
    /// <summary>The text: <c>integer(int64)</c>, <c>ContainerSummary</c>, <c>array of string</c>, <c>map of array of PortBinding</c>…</summary>
    /// <param name="type">The type reference.</param>
    public static string Of(TypeRef? type)
        => type switch
        {
            null => "no body",
            PrimitiveRef primitive => primitive.Format is null ? JsonType(primitive.Kind) : $"{JsonType(primitive.Kind)}({primitive.Format})",
            NamedRef named => named.Name,
            ArrayRef array => "array of " + Of(array.Item),
            MapRef map => "map of " + Of(map.Value),
            StringSetRef => "set of string",
            CommandLineRef => "command line",
            AnyRef => "any",
            _ => type.ToString() ?? string.Empty,
        };

    // The spec's own words: a diff reader compares them with the YAML.
    private static string JsonType(PrimitiveKind kind)
        => kind switch
        {
            PrimitiveKind.Boolean => "boolean",
            PrimitiveKind.Float or PrimitiveKind.Double => "number",
            PrimitiveKind.String or PrimitiveKind.DateTime or PrimitiveKind.Binary => "string",
            _ => "integer",
        };
}
