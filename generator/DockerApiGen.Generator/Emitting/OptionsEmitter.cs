using DockerApiGen.Generator.Semantics;

namespace DockerApiGen.Generator.Emitting;

/// <summary>Prints an operation's options type: its optional query and header parameters as settable properties.</summary>
public static class OptionsEmitter
{
    /// <summary>Writes the class.</summary>
    /// <param name="file">Where to write.</param>
    /// <param name="options">The options type.</param>
    /// <param name="server">What docs call the other end (<see cref="PackageNames.Server"/>).</param>
    public static void Emit(CSharpFile file, OptionsClass options, string server = PackageNames.DefaultServer)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(options);
        var writer = file.Body;
        writer.Summary($"Optional parameters of {options.Operation.OperationId} (`{options.Operation.Method} {options.Operation.Path}`). Null properties are not sent, so {server}'s defaults apply.");
        writer.Line($"public sealed class {options.Name}").Open();
        foreach (var property in options.Properties)
        {
            writer.Summary(AvailabilityText.WithMarker(property.IsSecret ? property.Doc + "\n\nCarries credentials: never shown by ToString." : property.Doc, property.Availability));
            if (property.Availability.IsMarked)
            {
                writer.Line($"[{file.Attribute(KnownTypes.DockerApiVersionAttribute)}({AvailabilityText.NamedArguments(property.Availability)})]");
            }

            writer.Line($"public {file.Type(property.Type)} {property.Name} {{ get; set; }}");
            writer.Line();
        }

        writer.Summary("The options that are set, with credentials left out.");
        writer.Line("public override string ToString()").Open();
        writer.Line($"var text = new {file.Type(KnownTypes.StringBuilder)}({ObjectEmitter.Literal(options.Name + " {")});");
        foreach (var property in options.Properties)
        {
            var label = ObjectEmitter.Literal($" {property.Name} = ");
            writer.Line(property.IsSecret
                ? $"if ({property.Name} is not null) text.Append({label}).Append(\"***\").Append(';');"
                : IsCollection(property.Type)
                    ? $"if ({property.Name} is not null) text.Append({label}).Append('[').AppendJoin(\", \", {property.Name}).Append(\"];\");"
                    : $"if ({property.Name} is not null) text.Append({label}).Append({property.Name}).Append(';');");
        }

        writer.Line("return text.Append(\" }\").ToString();");
        writer.Close();
        writer.Close();
    }

    /// <summary>Lists and maps print their items, not their type name.</summary>
    private static bool IsCollection(CSharpTypeName type)
        => type.WithoutNullable() is NamedTypeName { Namespace: "System.Collections.Generic" };
}
