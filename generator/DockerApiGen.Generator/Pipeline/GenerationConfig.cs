using System.Text.Json;
using DockerApiGen.Generator.Diagnostics;
using DockerApiGen.Generator.Loading;
using DockerApiGen.Generator.Specs;

namespace DockerApiGen.Generator.Pipeline;

/// <summary>The generation settings (<c>specs/engine/generation.yaml</c>): which locked versions get a committed package.</summary>
/// <param name="CommittedVersions">The range of versions committed under <c>src/</c>.</param>
public sealed record GenerationConfig(VersionRange CommittedVersions)
{
    /// <summary>Reads the settings.</summary>
    /// <param name="path">The file.</param>
    /// <exception cref="GenerationException">The file is missing or malformed.</exception>
    public static GenerationConfig Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new GenerationException(new SpecProblem(path, null, null, null, "The generation settings file does not exist."));
        }

        var (document, map) = YamlToJson.Parse(File.ReadAllText(path), path);
        var range = document["committedVersions"];
        if (range is null || range.GetValueKind() != JsonValueKind.String)
        {
            throw new GenerationException(new SpecProblem(path, map.Find("/committedVersions")?.Line ?? 1, null, null, "`committedVersions` must be a range such as 1.40+ or 1.40-1.55."));
        }

        try
        {
            return new GenerationConfig(VersionRange.Parse((string)range!));
        }
        catch (FormatException ex)
        {
            throw new GenerationException(new SpecProblem(path, map.Find("/committedVersions")?.Line, null, null, ex.Message));
        }
    }
}
