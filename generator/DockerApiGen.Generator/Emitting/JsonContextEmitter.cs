using DockerApiGen.Generator.Model;

namespace DockerApiGen.Generator.Emitting;

/// <summary>
/// Emits the version's JSON context (<c>EngineJsonContext</c>): a source-generated System.Text.Json context that knows
/// every model and every collection an operation sends or receives, so serialization needs no reflection
/// (trimming and AOT safe).
/// </summary>
public static class JsonContextEmitter
{
    /// <summary>Writes the context class.</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="model">The version's model.</param>
    /// <param name="settings">Names for the version.</param>
    /// <param name="extraTypes">Further C# types the clients serialize (JSON query values, stream values).</param>
    public static void Emit(SourceWriter writer, ApiModel model, EmitSettings settings, IReadOnlyCollection<string> extraTypes)
    {
        ArgumentNullException.ThrowIfNull(extraTypes);
        RequireCaseDistinctProperties(model);
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
        writer.Summary($"Source-generated System.Text.Json metadata for every model and operation body of {settings.ApiTitle} {settings.Version.Label}: no reflection, trimming and AOT safe. Null properties are not written; property names are matched without regard to case, as the daemon's own (Go) decoder does, because the daemon's answers do not always use the spec's casing (secret and config create send `ID` where the spec says `Id`).");
        writer.Line("[global::System.Text.Json.Serialization.JsonSourceGenerationOptions(DefaultIgnoreCondition = global::System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull, PropertyNameCaseInsensitive = true)]");
        foreach (var type in serializable)
        {
            writer.Line($"[global::System.Text.Json.Serialization.JsonSerializable(typeof({type}))]");
        }

        writer.Line($"public sealed partial class {settings.JsonContextName} : global::System.Text.Json.Serialization.JsonSerializerContext").Open().Close();
    }

    /// <summary>Case-insensitive matching needs the wire names of each object to differ by more than case.</summary>
    private static void RequireCaseDistinctProperties(ApiModel model)
    {
        var problems = new List<Diagnostics.SpecProblem>();
        foreach (var type in model.Types.OfType<ObjectType>())
        {
            foreach (var clash in type.Properties.GroupBy(p => p.WireName, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            {
                problems.Add(new Diagnostics.SpecProblem(model.SpecFile, null, null, type.SchemaPointer, $"{type.Name} has properties {string.Join(" and ", clash.Select(p => $"'{p.WireName}'"))}, which differ only in case; the generated JSON context matches names without regard to case.", "Teach JsonContextEmitter to give this type case-sensitive metadata, or patch the spec."));
            }
        }

        if (problems.Count > 0)
        {
            throw new Diagnostics.GenerationException(problems);
        }
    }
}
