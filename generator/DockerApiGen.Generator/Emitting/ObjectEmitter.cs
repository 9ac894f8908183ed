using DockerApiGen.Generator.Model;
using DockerApiGen.Generator.Parsing;

namespace DockerApiGen.Generator.Emitting;

/// <summary>Emits an object schema as a sealed class with one JSON property per spec property.</summary>
public static class ObjectEmitter
{
    /// <summary>Writes the class.</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="type">The object type.</param>
    /// <param name="types">The type mapping.</param>
    /// <param name="nullability">The nullability policy.</param>
    public static void Emit(SourceWriter writer, ObjectType type, CSharpTypes types, NullabilityPolicy nullability)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(types);
        ArgumentNullException.ThrowIfNull(nullability);
        writer.Summary(DocComments.OrFallback(type.Description, $"The {type.Name} object of the Engine API."));
        writer.Line($"public sealed partial class {type.Name}").Open();
        foreach (var property in type.Properties)
        {
            var csharp = types.Of(property.Type);
            var nullable = nullability.IsNullable(type, property);
            writer.Summary(DocComments.OrFallback(property.Description, $"The `{property.WireName}` field."));
            writer.Line($"[global::System.Text.Json.Serialization.JsonPropertyName(\"{Escape(property.WireName)}\")]");
            if (csharp.Converter is { } converter)
            {
                writer.Line($"[global::System.Text.Json.Serialization.JsonConverter(typeof({converter}))]");
            }

            var declaration = $"public {csharp.Syntax}{(nullable ? "?" : string.Empty)} {property.Name} {{ get; set; }}";
            writer.Line(!nullable && csharp.Initializer is { } initializer ? $"{declaration} = {initializer};" : declaration);
            writer.Line();
        }

        writer.Summary("JSON fields that this API version's spec does not declare (from a newer daemon, for example), kept so that they round-trip.");
        writer.Line("[global::System.Text.Json.Serialization.JsonExtensionData]");
        writer.Line($"public global::System.Collections.Generic.IDictionary<string, global::System.Text.Json.JsonElement>? {ModelBuilder.ExtensionDataMemberName} {{ get; set; }}");
        writer.Close();
    }

    /// <summary>Escapes a string for a C# regular string literal.</summary>
    /// <param name="text">The text.</param>
    public static string Escape(string text)
        => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
}
