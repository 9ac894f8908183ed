using DockerApiGen.Generator.Semantics;

namespace DockerApiGen.Generator.Emitting;

/// <summary>
/// Prints every file of one version's project from its client model: one file per model type under
/// <c>Generated/Models</c>, the clients (the entry client, a sub-client per area under
/// <c>Generated/Clients</c>, options types under <c>Generated/Options</c>), the JSON context, the versioned
/// body shapes, the project file and the package README; a family without clients gets the models and the JSON
/// context only. Decides nothing: what to print is in the <see cref="ClientModel"/>.
/// </summary>
public static class VersionEmitter
{
    /// <summary>The project file's path relative to the project folder.</summary>
    /// <param name="settings">Names for the version.</param>
    public static string ProjectFileName(EmitSettings settings) => $"{settings?.RootNamespace}.csproj";

    /// <summary>Prints the files (C# not yet formatted by Roslyn).</summary>
    /// <param name="client">The version's client model.</param>
    /// <param name="settings">Names for the version.</param>
    public static IReadOnlyList<GeneratedFile> Emit(ClientModel client, EmitSettings settings)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(settings);
        var names = client.Names;
        var files = new List<GeneratedFile>();
        foreach (var type in client.Types)
        {
            var file = new CSharpFile(names.ModelsNamespace, names);
            switch (type)
            {
                case ClassDeclaration obj:
                    ObjectEmitter.Emit(file, obj, names.Server);
                    break;
                case EnumDeclaration enumeration:
                    EnumEmitter.Emit(file, enumeration);
                    break;
            }

            files.Add(Done(file, $"Models/{type.Name}.cs"));
        }

        foreach (var area in client.Areas)
        {
            var file = new CSharpFile(names.RootNamespace, names);
            ClientEmitter.Emit(file, area, client);
            files.Add(Done(file, $"Clients/{area.ClassName}.cs"));
            foreach (var options in area.Methods.Select(m => m.Options).OfType<OptionsClass>())
            {
                var optionsFile = new CSharpFile(names.RootNamespace, names);
                OptionsEmitter.Emit(optionsFile, options, names.Server);
                files.Add(Done(optionsFile, $"Options/{options.Name}.cs"));
            }
        }

        if (names.ClientClassName.Length > 0)
        {
            var entry = new CSharpFile(names.RootNamespace, names);
            DockerClientEmitter.Emit(entry, client);
            files.Add(Done(entry, $"{names.ClientClassName}.cs"));
        }

        var context = new CSharpFile(names.RootNamespace, names);
        JsonContextEmitter.Emit(context, client);
        files.Add(Done(context, $"{client.JsonContext.ClassName}.cs"));
        if (client.BodyShapes.Shapes.Count > 0)
        {
            var shapes = new CSharpFile(names.RootNamespace, names);
            BodyShapesEmitter.Emit(shapes, client);
            files.Add(Done(shapes, $"{client.BodyShapes.ClassName}.cs"));
        }

        if (settings.EmitsProjectFile)
        {
            files.Add(new GeneratedFile(ProjectFileName(settings), ProjectFileEmitter.Emit(settings)));
        }

        if (settings.Readme is { } readme)
        {
            files.Add(new GeneratedFile(PackageReadmeEmitter.FileName, PackageReadmeEmitter.Emit(settings, readme)));
        }

        return files.OrderBy(f => f.RelativePath, StringComparer.Ordinal).ToList();

        GeneratedFile Done(CSharpFile file, string path) => new($"{EmitSettings.GeneratedFolder}/{path}", file.ToText(settings.Header));
    }
}
