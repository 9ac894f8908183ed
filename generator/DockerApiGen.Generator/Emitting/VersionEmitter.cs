using DockerApiGen.Generator.Model;
using DockerApiGen.Generator.Semantics;

namespace DockerApiGen.Generator.Emitting;

/// <summary>
/// Emits every file of one version's project: one file per model type under <c>Generated/Models</c>,
/// the clients (<c>DockerClient</c>, a sub-client per tag under <c>Generated/Clients</c>, options types under
/// <c>Generated/Options</c>), the JSON context, the project file and the package README. Output depends only on the model,
/// the operations declarations and the settings.
/// </summary>
public static class VersionEmitter
{
    /// <summary>The project file's path relative to the project folder.</summary>
    /// <param name="settings">Names for the version.</param>
    public static string ProjectFileName(EmitSettings settings) => $"{settings?.RootNamespace}.csproj";

    /// <summary>Emits the files (C# not yet formatted by Roslyn).</summary>
    /// <param name="model">The version's model.</param>
    /// <param name="settings">Names for the version.</param>
    /// <param name="operations">The operations declarations (<c>specs/operations.yaml</c>).</param>
    public static IReadOnlyList<GeneratedFile> Emit(ApiModel model, EmitSettings settings, OperationsConfig operations)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(operations);
        var plan = ClientPlanner.Plan(model, operations, settings);
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

        foreach (var area in plan.Areas)
        {
            var writer = StartFile(settings, settings.RootNamespace);
            ClientEmitter.Emit(writer, area, settings);
            files.Add(new GeneratedFile($"{EmitSettings.GeneratedFolder}/Clients/{area.ClassName}.cs", writer.ToString()));
            foreach (var options in area.Methods.Select(m => m.Options).OfType<OptionsPlan>())
            {
                var optionsWriter = StartFile(settings, settings.RootNamespace);
                OptionsEmitter.Emit(optionsWriter, options);
                files.Add(new GeneratedFile($"{EmitSettings.GeneratedFolder}/Options/{options.Name}.cs", optionsWriter.ToString()));
            }
        }

        var client = StartFile(settings, settings.RootNamespace);
        DockerClientEmitter.Emit(client, plan, settings);
        files.Add(new GeneratedFile($"{EmitSettings.GeneratedFolder}/{DockerClientEmitter.ClassName}.cs", client.ToString()));

        var context = StartFile(settings, settings.RootNamespace);
        JsonContextEmitter.Emit(context, model, settings, plan.JsonTypes);
        files.Add(new GeneratedFile($"{EmitSettings.GeneratedFolder}/{JsonContextEmitter.ContextName}.cs", context.ToString()));
        files.Add(new GeneratedFile(ProjectFileName(settings), ProjectFileEmitter.Emit(settings)));
        if (settings.Readme is { } readme)
        {
            files.Add(new GeneratedFile(PackageReadmeEmitter.FileName, PackageReadmeEmitter.Emit(settings, readme)));
        }

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
