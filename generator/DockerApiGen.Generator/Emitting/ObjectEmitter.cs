using DockerApiGen.Generator.Semantics;

namespace DockerApiGen.Generator.Emitting;

/// <summary>Prints a model class: one JSON property per spec property, and the fields the spec does not declare.</summary>
public static class ObjectEmitter
{
    /// <summary>Writes the class.</summary>
    /// <param name="file">Where to write.</param>
    /// <param name="type">The class.</param>
    /// <param name="server">What docs call the other end (<see cref="PackageNames.Server"/>).</param>
    public static void Emit(CSharpFile file, ClassDeclaration type, string server = PackageNames.DefaultServer)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(type);
        var writer = file.Body;
        writer.Summary(type.Doc);
        writer.Line($"public sealed partial class {type.Name}").Open();
        foreach (var property in type.Properties)
        {
            writer.Summary(AvailabilityText.WithMarker(property.Doc, property.Availability));
            writer.Line($"[{file.Attribute(KnownTypes.JsonPropertyName)}({Literal(property.WireName)})]");
            if (property.Availability.IsMarked)
            {
                writer.Line($"[{file.Attribute(KnownTypes.DockerApiVersionAttribute)}({AvailabilityText.NamedArguments(property.Availability)})]");
            }

            if (property.Converter is { } converter)
            {
                writer.Line($"[{file.Attribute(KnownTypes.JsonConverter)}(typeof({file.Type(converter)}))]");
            }

            var declaration = $"public {file.Type(property.Type)} {property.Name} {{ get; set; }}";
            writer.Line(property.Initializer switch
            {
                Initializer.EmptyString => declaration + " = \"\";",
                Initializer.NewObject => declaration + " = new();",
                _ => declaration,
            });
            writer.Line();
        }

        writer.Summary(server == PackageNames.DefaultServer
            ? "JSON fields that this API version's spec does not declare (from a newer daemon, for example), kept so that they round-trip."
            : $"JSON fields that this version's spec does not declare (ones {server} added later, for example), kept so that they round-trip.");
        writer.Line($"[{file.Attribute(KnownTypes.JsonExtensionData)}]");
        writer.Line($"public {file.Type(KnownTypes.IDictionary.Of(KnownTypes.String, KnownTypes.JsonElement).AsNullable())} {type.ExtensionDataName} {{ get; set; }}");
        writer.Close();
    }

    /// <summary>A C# string literal of the text.</summary>
    /// <param name="text">The text.</param>
    public static string Literal(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
    }
}
