using DockerApiGen.Generator.Model;

namespace DockerApiGen.Generator.Emitting;

/// <summary>
/// Emits every file of one version's project: one file per model type under <c>Generated/Models</c>,
/// the JSON context, and the project file. Output depends only on the model and the settings.
/// </summary>
public static class VersionEmitter
{
    /// <summary>The project file's path relative to the project folder.</summary>
    /// <param name="settings">Names for the version.</param>
    public static string ProjectFileName(EmitSettings settings) => $"{settings?.RootNamespace}.csproj";

    /// <summary>Emits the files (C# not yet formatted by Roslyn).</summary>
    /// <param name="model">The version's model.</param>
    /// <param name="settings">Names for the version.</param>
    public static IReadOnlyList<GeneratedFile> Emit(ApiModel model, EmitSettings settings)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(settings);
        var types = new CSharpTypes(model);
        var nullability = new NullabilityPolicy(model, types);
        var files = new List<GeneratedFile>();
        foreach (var type in model.Types)
        {
            var writer = StartFile(settings, settings.ModelsNamespace);
            switch (type)
            {
                case ObjectType obj:
                    ObjectEmitter.Emit(writer, obj, types, nullability);
                    break;
                case EnumType enumeration:
                    EnumEmitter.Emit(writer, enumeration);
                    break;
            }

            files.Add(new GeneratedFile($"{EmitSettings.GeneratedFolder}/Models/{type.Name}.cs", writer.ToString()));
        }

        var context = StartFile(settings, settings.RootNamespace);
        JsonContextEmitter.Emit(context, model, settings);
        files.Add(new GeneratedFile($"{EmitSettings.GeneratedFolder}/{JsonContextEmitter.ContextName}.cs", context.ToString()));
        files.Add(new GeneratedFile(ProjectFileName(settings), ProjectFileEmitter.Emit(settings)));
        return files.OrderBy(f => f.RelativePath, StringComparer.Ordinal).ToList();
    }

    private static SourceWriter StartFile(EmitSettings settings, string ns)
    {
        var writer = new SourceWriter();
        foreach (var line in settings.Header.TrimEnd('\n').Split('\n'))
        {
            writer.Line(line);
        }

        writer.Line();
        writer.Line($"namespace {ns};");
        writer.Line();
        return writer;
    }
}
