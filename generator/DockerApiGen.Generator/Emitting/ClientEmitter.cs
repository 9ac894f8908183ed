using DockerApiGen.Generator.Semantics;

namespace DockerApiGen.Generator.Emitting;

/// <summary>
/// Emits one sub-client class (<c>ContainersClient</c>): a virtual method per operation that builds a
/// <c>DockerRequest</c> and hands it to the runtime's <c>DockerApiConnection</c>. A protected constructor
/// lets users mock it.
/// </summary>
public static class ClientEmitter
{
    /// <summary>Writes the class.</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="area">The planned sub-client.</param>
    /// <param name="settings">Names for the version.</param>
    public static void Emit(SourceWriter writer, AreaPlan area, EmitSettings settings)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(area);
        ArgumentNullException.ThrowIfNull(settings);
        writer.Summary($"The {area.Area.Tag} operations of Engine API v{settings.Version} (`docker.{area.Area.Property}`). Methods are virtual so that tests can replace them.");
        writer.Line($"public class {area.ClassName}").Open();
        writer.Line("private readonly global::DockerApiGen.Runtime.Http.DockerApiConnection? _connection;");
        writer.Line();
        writer.Summary($"Creates the client on a connection (usually through <see cref=\"DockerClient\"/>).");
        writer.DocElement("param", "The connection to the daemon.", "name=\"connection\"");
        writer.Line($"public {area.ClassName}(global::DockerApiGen.Runtime.Http.DockerApiConnection connection)").Open();
        writer.Line("_connection = connection ?? throw new global::System.ArgumentNullException(nameof(connection));").Close();
        writer.Line();
        writer.Summary("For mocking: a client without a connection, whose methods that are not overridden throw.");
        writer.Line($"protected {area.ClassName}()").Open().Close();
        writer.Line();
        writer.Summary("The connection the methods use.");
        writer.DocElement("exception", "The client was made for mocking and has no connection.", "cref=\"global::System.InvalidOperationException\"");
        writer.Line("protected global::DockerApiGen.Runtime.Http.DockerApiConnection Connection => _connection ?? throw new global::System.InvalidOperationException(\"This client was made for mocking (protected constructor) and has no connection.\");");
        foreach (var method in area.Methods)
        {
            writer.Line();
            EmitMethod(writer, method);
        }

        writer.Close();
    }

    private static void EmitMethod(SourceWriter writer, MethodPlan method)
    {
        var operation = method.Operation;
        var summary = operation.Summary ?? FirstSentence(operation.Description) ?? $"Calls {operation.OperationId}.";
        writer.Summary($"{summary}\n`{operation.Method} {operation.Path}` ({operation.OperationId}){(operation.IsDeprecated ? ". Deprecated by the API." : ".")}");
        if (operation.Description is { } description && description != summary)
        {
            writer.DocElement("remarks", description);
        }

        var parameters = new List<string>();
        foreach (var parameter in method.Parameters)
        {
            writer.DocElement("param", parameter.Doc, $"name=\"{parameter.Name.TrimStart('@')}\"");
            parameters.Add(parameter.IsOptional ? $"{parameter.Type} {parameter.Name} = null" : $"{parameter.Type} {parameter.Name}");
        }

        if (method.Options is { } options)
        {
            writer.DocElement("param", "The optional parameters; null for the daemon's defaults.", "name=\"options\"");
            parameters.Add($"{options.Name}? options = null");
        }

        writer.DocElement("param", method.Kind is ResponseKind.JsonStream ? "Ends the stream." : "Cancels the call.", "name=\"cancellationToken\"");
        parameters.Add("global::System.Threading.CancellationToken cancellationToken = default");
        writer.DocElement("returns", method.ReturnsDoc);
        writer.Line($"[global::DockerApiGen.Runtime.DockerOperation(\"{operation.OperationId}\", \"{operation.Method}\", \"{operation.Path}\")]");
        writer.Line($"public virtual {method.ReturnType} {method.Name}({string.Join(", ", parameters)})").Open();
        foreach (var parameter in method.Parameters)
        {
            if (parameter.Guard is { } guard)
            {
                writer.Line(guard);
            }
        }

        foreach (var statement in method.RequestStatements)
        {
            writer.Line(statement);
        }

        writer.Line($"return {method.CallExpression};");
        writer.Close();
    }

    private static string? FirstSentence(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var line = text.Split('\n')[0].Trim();
        return line.Length == 0 ? null : line;
    }
}
