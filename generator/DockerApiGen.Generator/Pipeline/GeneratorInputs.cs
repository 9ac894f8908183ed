using DockerApiGen.Generator.Emitting;
using DockerApiGen.Generator.Naming;
using DockerApiGen.Generator.Patching;
using DockerApiGen.Generator.Semantics;
using DockerApiGen.Generator.Specs;

namespace DockerApiGen.Generator.Pipeline;

/// <summary>Everything generation reads from the repository besides the specs themselves.</summary>
/// <param name="Layout">Where things are.</param>
/// <param name="Lock">The spec lock.</param>
/// <param name="Patches">The project's spec patches.</param>
/// <param name="Naming">The naming decisions.</param>
/// <param name="Config">Which versions are committed.</param>
/// <param name="Operations">How operations appear on the clients and what the spec cannot say about them.</param>
/// <param name="PackageReadme">What each package's README says (none without <c>specs/package-readme.yaml</c>).</param>
public sealed record GeneratorInputs(RepositoryLayout Layout, SpecLock Lock, IReadOnlyList<SpecPatch> Patches, NamingConfig Naming, GenerationConfig Config, OperationsConfig Operations, PackageReadmeConfig? PackageReadme = null)
{
    /// <summary>Reads all inputs of a repository.</summary>
    /// <param name="layout">The repository.</param>
    public static GeneratorInputs Load(RepositoryLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        return new GeneratorInputs(
            layout,
            SpecLock.Load(layout.SpecLockPath),
            PatchFileReader.ReadFolder(layout.PatchesFolder),
            NamingConfig.Load(layout.NamingPath),
            GenerationConfig.Load(layout.GenerationConfigPath),
            OperationsConfig.Load(layout.OperationsPath),
            PackageReadmeConfig.Load(layout.PackageReadmePath));
    }

    /// <summary>The locked versions that get a committed package.</summary>
    public IReadOnlyList<SpecLockEntry> CommittedEntries => Lock.Entries.Where(e => Config.CommittedVersions.Contains(e.Version)).ToList();

    /// <summary>The spec cache.</summary>
    public SpecCache Cache => new(Layout.CacheFolder);
}
