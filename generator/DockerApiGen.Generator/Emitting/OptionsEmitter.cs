namespace DockerApiGen.Generator.Emitting;

/// <summary>Emits an operation's options type: its optional query and header parameters as settable properties.</summary>
public static class OptionsEmitter
{
    /// <summary>Writes the class.</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="options">The planned options type.</param>
    public static void Emit(SourceWriter writer, OptionsPlan options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(options);
        writer.Summary($"Optional parameters of {options.Operation.OperationId} (`{options.Operation.Method} {options.Operation.Path}`). Null properties are not sent, so the daemon's defaults apply.");
        writer.Line($"public sealed class {options.Name}").Open();
        var first = true;
        foreach (var property in options.Properties)
        {
            if (!first)
            {
                writer.Line();
            }

            first = false;
            writer.Summary(property.IsSecret ? property.Doc + "\nCarries credentials: never shown by ToString." : property.Doc);
            writer.Line($"public {property.Type} {property.Name} {{ get; set; }}");
        }

        writer.Line();
        writer.Summary("The options that are set, with credentials left out.");
        writer.Line("public override string ToString()").Open();
        writer.Line("var text = new global::System.Text.StringBuilder(\"" + options.Name + " {\");");
        foreach (var property in options.Properties)
        {
            var value = property.IsSecret ? "\"***\"" : property.Name;
            writer.Line($"if ({property.Name} is not null) text.Append(\" {property.Name} = \").Append({value}).Append(';');");
        }

        writer.Line("return text.Append(\" }\").ToString();");
        writer.Close();
        writer.Close();
    }
}
