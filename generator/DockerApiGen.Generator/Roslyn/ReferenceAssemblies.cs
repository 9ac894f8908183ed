using System.Reflection;
using Microsoft.CodeAnalysis;

namespace DockerApiGen.Generator.Roslyn;

/// <summary>
/// Finds what an in-memory compilation of generated code needs: the .NET reference assemblies and the
/// System.Text.Json source generator from the SDK's targeting pack (the same ones a build uses), and
/// the DockerApiGen runtime.
/// </summary>
public static class ReferenceAssemblies
{
    private static readonly Lazy<(IReadOnlyList<MetadataReference> References, string GeneratorPath)> Located = new(Locate);

    /// <summary>Metadata references for net10.0 plus the runtime.</summary>
    public static IReadOnlyList<MetadataReference> References => Located.Value.References;

    /// <summary>The path of <c>System.Text.Json.SourceGeneration.dll</c>.</summary>
    public static string JsonSourceGeneratorPath => Located.Value.GeneratorPath;

    private static (IReadOnlyList<MetadataReference>, string) Locate()
    {
        var runtimeFolder = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var runtimeVersion = new DirectoryInfo(runtimeFolder).Name; // e.g. 10.0.12
        var dotnetRoot = Path.GetFullPath(Path.Combine(runtimeFolder, "..", "..", ".."));
        var packs = Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref");
        var major = Environment.Version.Major;
        var pack = Directory.Exists(packs)
            ? Directory.GetDirectories(packs)
                .Where(d => Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) && v.Major == major)
                .OrderBy(d => Path.GetFileName(d) == runtimeVersion ? 0 : 1)
                .ThenByDescending(d => Version.Parse(Path.GetFileName(d).Split('-')[0]))
                .FirstOrDefault()
            : null;
        if (pack is null)
        {
            throw new InvalidOperationException($"The .NET {major} targeting pack (Microsoft.NETCore.App.Ref) was not found under {packs}; install the .NET {major} SDK.");
        }

        var referenceFolder = Path.Combine(pack, "ref", $"net{major}.0");
        var references = Directory.GetFiles(referenceFolder, "*.dll")
            .Order(StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .Append(MetadataReference.CreateFromFile(typeof(Runtime.Json.StringSetConverter).Assembly.Location))
            .ToList();
        var generator = Path.Combine(pack, "analyzers", "dotnet", "cs", "System.Text.Json.SourceGeneration.dll");
        return File.Exists(generator)
            ? (references, generator)
            : throw new InvalidOperationException($"The System.Text.Json source generator was not found at {generator}.");
    }

    /// <summary>Loads analyzer assemblies into the default context (the generator needs nothing more).</summary>
    internal sealed class AnalyzerLoader : IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
    }
}
