using DockerApiGen.Generator.Model;

namespace DockerApiGen.Generator.Emitting;

/// <summary>
/// Emits the version's <c>EngineJsonContext</c>: a source-generated System.Text.Json context that knows
/// every model and every collection an operation sends or receives, so serialization needs no reflection
/// (trimming and AOT safe).
/// </summary>
public static class JsonContextEmitter
{
    /// <summary>The context's class name.</summary>
    public const string ContextName = "EngineJsonContext";

    /// <summary>Writes the context class.</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="model">The version's model.</param>
    /// <param name="settings">Names for the version.</param>
    /// <param name="extraTypes">Further C# types the clients serialize (JSON query values, stream values).</param>
    public static void Emit(SourceWriter writer, ApiModel model, EmitSettings settings, IReadOnlyCollection<string> extraTypes)
    {
        ArgumentNullException.ThrowIfNull(extraTypes);
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(settings);
        var types = new CSharpTypes(model, $"global::{settings.ModelsNamespace}.");
        var serializable = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var type in model.Types)
        {
            serializable.Add($"global::{settings.ModelsNamespace}.{type.Name}");
        }

        var bodies = model.Operations
            .SelectMany(o => o.Parameters.Where(p => p.Location == ParameterLocation.Body).Select(p => p.Type)
                .Concat(o.Responses.Select(r => r.Type).OfType<TypeRef>()))
            .Where(t => t is ArrayRef or MapRef);
        foreach (var body in bodies)
        {
            serializable.Add(types.Of(body).Syntax);
        }

        serializable.UnionWith(extraTypes);
        writer.Summary($"Source-generated System.Text.Json metadata for every model and operation body of Engine API v{model.Version}: no reflection, trimming and AOT safe. Null properties are not written.");
        writer.Line("[global::System.Text.Json.Serialization.JsonSourceGenerationOptions(DefaultIgnoreCondition = global::System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]");
        foreach (var type in serializable)
        {
            writer.Line($"[global::System.Text.Json.Serialization.JsonSerializable(typeof({type}))]");
        }

        writer.Line($"public sealed partial class {ContextName} : global::System.Text.Json.Serialization.JsonSerializerContext").Open().Close();
    }
}
