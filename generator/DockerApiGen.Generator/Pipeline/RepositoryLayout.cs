using DockerApiGen.Generator.Diagnostics;
using DockerApiGen.Generator.Specs;

namespace DockerApiGen.Generator.Pipeline;

/// <summary>Where everything lives in a DockerApiGen repository (or in a test's copy of one).</summary>
/// <param name="Root">The repository root.</param>
/// <param name="CacheOverride">A spec cache folder other than the repository's (benchmarks use a fresh one).</param>
public sealed record RepositoryLayout(string Root, string? CacheOverride = null)
{
    /// <summary>The spec lock.</summary>
    public string SpecLockPath => Path.Combine(Root, "specs", "spec-lock.yaml");

    /// <summary>The project's spec patches.</summary>
    public string PatchesFolder => Path.Combine(Root, "specs", "patches");

    /// <summary>The naming decisions.</summary>
    public string NamingPath => Path.Combine(Root, "specs", "naming.yaml");

    /// <summary><c>specs/operations.yaml</c>: client names and the answers the spec cannot describe.</summary>
    public string OperationsPath => Path.Combine(Root, "specs", "operations.yaml");

    /// <summary>Which versions are committed.</summary>
    public string GenerationConfigPath => Path.Combine(Root, "specs", "generation.yaml");

    /// <summary>The git-ignored spec cache.</summary>
    public string CacheFolder => CacheOverride ?? Path.Combine(Root, ".cache", "specs");

    /// <summary>
    /// The git-ignored cache of the availability history (<c>Availability/ApiHistoryCache</c>), beside the pulled
    /// specs it is built from (so a benchmark's fresh spec cache gets a fresh history too).
    /// </summary>
    public string AvailabilityCacheFolder => Path.Combine(CacheFolder, "availability");

    /// <summary>The solution file.</summary>
    public string SolutionPath => Path.Combine(Root, "DockerApiGen.sln");

    /// <summary>The surface snapshots.</summary>
    public string SnapshotsFolder => Path.Combine(Root, "tests", "DockerApiGen.Generator.Tests", "Snapshots");

    /// <summary>The project folder of a version's package.</summary>
    /// <param name="version">The version.</param>
    public string ProjectFolder(ApiVersion version) => Path.Combine(Root, "src", $"DockerApiGen.Engine.{version.Identifier}");

    /// <summary>Finds the repository root: the nearest folder at or above <paramref name="start"/> with <c>specs/spec-lock.yaml</c>.</summary>
    /// <param name="start">Where to start looking.</param>
    /// <exception cref="GenerationException">No such folder.</exception>
    public static RepositoryLayout Find(string start)
    {
        for (var folder = new DirectoryInfo(Path.GetFullPath(start)); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "specs", "spec-lock.yaml")))
            {
                return new RepositoryLayout(folder.FullName);
            }
        }

        throw new GenerationException(new SpecProblem(start, null, null, null, "This is not inside a DockerApiGen repository (no specs/spec-lock.yaml above it).", "Run from the repository, or pass --repo DIR."));
    }
}
