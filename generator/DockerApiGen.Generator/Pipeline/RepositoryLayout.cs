using DockerApiGen.Generator.Diagnostics;
using DockerApiGen.Generator.Specs;

namespace DockerApiGen.Generator.Pipeline;

/// <summary>Where everything lives in a DockerApiGen repository (or in a test's copy of one).</summary>
/// <param name="Root">The repository root.</param>
/// <param name="CacheOverride">A spec cache folder other than the repository's (benchmarks use a fresh one); each family gets a folder below it.</param>
public sealed record RepositoryLayout(string Root, string? CacheOverride = null)
{
    /// <summary>The folder of the spec families (<c>specs/</c>), one folder per family.</summary>
    public string SpecsFolder => Path.Combine(Root, "specs");

    /// <summary>The default family's spec lock (<c>specs/engine/spec-lock.yaml</c>).</summary>
    public string SpecLockPath => Path.Combine(FamilyFolder(SpecFamily.DefaultName), "spec-lock.yaml");

    /// <summary>The default family's patches folder.</summary>
    public string PatchesFolder => Path.Combine(FamilyFolder(SpecFamily.DefaultName), "patches");

    /// <summary>The default family's naming decisions.</summary>
    public string NamingPath => Path.Combine(FamilyFolder(SpecFamily.DefaultName), "naming.yaml");

    /// <summary>The default family's <c>operations.yaml</c>: client names and the answers the spec cannot describe.</summary>
    public string OperationsPath => Path.Combine(FamilyFolder(SpecFamily.DefaultName), "operations.yaml");

    /// <summary>The solution file.</summary>
    public string SolutionPath => Path.Combine(Root, "DockerApiGen.sln");

    /// <summary>The surface snapshots.</summary>
    public string SnapshotsFolder => Path.Combine(Root, "tests", "DockerApiGen.Generator.Tests", "Snapshots");

    /// <summary>The folder of a spec family's inputs (<c>specs/hub</c>).</summary>
    /// <param name="family">The family's name.</param>
    public string FamilyFolder(string family) => Path.Combine(SpecsFolder, family);

    /// <summary>The git-ignored folder where a family's pulled specs are cached.</summary>
    /// <param name="family">The family.</param>
    public string CacheFolderOf(SpecFamily family)
    {
        ArgumentNullException.ThrowIfNull(family);
        return CacheOverride is { } folder ? Path.Combine(folder, family.Name) : Path.Combine(Root, family.CacheFolder);
    }

    /// <summary>
    /// The git-ignored cache of a family's availability history (<c>Availability/ApiHistoryCache</c>), beside the
    /// pulled specs it is built from (so a benchmark's fresh spec cache gets a fresh history too).
    /// </summary>
    /// <param name="family">The family.</param>
    public string AvailabilityCacheFolderOf(SpecFamily family) => Path.Combine(CacheFolderOf(family), "availability");

    /// <summary>The project folder of a package (<c>src/DockerApiGen.Engine.V1_41</c>).</summary>
    /// <param name="packageName">The package's name.</param>
    public string ProjectFolder(string packageName) => Path.Combine(Root, "src", packageName);

    /// <summary>Finds the repository root: the nearest folder at or above <paramref name="start"/> whose <c>specs/</c> holds a family (<c>specs/*/family.yaml</c>).</summary>
    /// <param name="start">Where to start looking.</param>
    /// <exception cref="GenerationException">No such folder.</exception>
    public static RepositoryLayout Find(string start)
    {
        for (var folder = new DirectoryInfo(Path.GetFullPath(start)); folder is not null; folder = folder.Parent)
        {
            var specs = Path.Combine(folder.FullName, "specs");
            if (Directory.Exists(specs) && Directory.EnumerateDirectories(specs).Any(d => File.Exists(Path.Combine(d, SpecFamily.DescriptorFileName))))
            {
                return new RepositoryLayout(folder.FullName);
            }
        }

        throw new GenerationException(new SpecProblem(start, null, null, null, $"This is not inside a DockerApiGen repository (no specs/*/{SpecFamily.DescriptorFileName} above it).", "Run from the repository, or pass --repo DIR."));
    }
}
