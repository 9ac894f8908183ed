using DockerApiGen.Generator.Semantics;

namespace DockerApiGen.Generator.Emitting;

/// <summary>
/// Prints the package's body shapes: an internal static class with one <c>JsonShape</c> field per shaped model
/// type, in the order the client model gives (each after the ones it uses, since static fields initialize in
/// order), and the expressions the clients pass with a body.
/// </summary>
public static class BodyShapesEmitter
{
    /// <summary>Writes the class.</summary>
    /// <param name="file">Where to write.</param>
    /// <param name="client">The client model.</param>
    public static void Emit(CSharpFile file, ClientModel client)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(client);
        var writer = file.Body;
        var shapes = client.BodyShapes;
        var oldest = client.OldestVersion is { } version ? $"API {version}" : "the oldest locked version";
        writer.Summary($"Which properties of the JSON request bodies of the {client.Names.ApiTitle} v{client.Names.Version} are newer than {oldest}, nested ones included: a connection that negotiated an older version walks a body's JSON with its shape to refuse (or drop) what the daemon's version lacks, without reflection.");
        writer.Line($"internal static class {shapes.ClassName}").Open();
        var first = true;
        foreach (var shape in shapes.Shapes)
        {
            if (!first)
            {
                writer.Line();
            }

            first = false;
            // The full name: inside the class, the short one is the field.
            writer.DocXml("summary", $"The versioned properties of <see cref=\"{client.Names.ModelsNamespace}.{shape.TypeName}\"/>.");
            writer.Line($"internal static readonly {file.Type(KnownTypes.JsonShape)} {shape.TypeName} = {file.Type(KnownTypes.JsonShape)}.Object([").Indent();
            for (var i = 0; i < shape.Properties.Count; i++)
            {
                var property = shape.Properties[i];
                var since = property.Since is { } v ? AvailabilityText.VersionValue(v) : "default";
                var value = property.Value is { } nested ? ", " + Expression(file, nested, null) : string.Empty;
                writer.Line($"new({ObjectEmitter.Literal(property.WireName)}, {since}{value}){(i == shape.Properties.Count - 1 ? "]);" : ",")}");
            }

            writer.Outdent();
        }

        writer.Close();
    }

    /// <summary>The expression of a shape: a field of the class, or a list or map of one.</summary>
    /// <param name="file">The file it is printed in.</param>
    /// <param name="shape">The shape.</param>
    /// <param name="className">The class that holds the fields, or null inside it.</param>
    public static string Expression(CSharpFile file, ShapeValue shape, string? className)
    {
        ArgumentNullException.ThrowIfNull(file);
        return shape switch
        {
            ObjectShapeValue obj => className is null ? obj.TypeName : $"{className}.{obj.TypeName}",
            ArrayShapeValue array => $"{file.Type(KnownTypes.JsonShape)}.ArrayOf({Expression(file, array.Item, className)})",
            MapShapeValue map => $"{file.Type(KnownTypes.JsonShape)}.MapOf({Expression(file, map.Value, className)})",
            _ => throw new InvalidOperationException($"Unknown shape {shape}."),
        };
    }
}
