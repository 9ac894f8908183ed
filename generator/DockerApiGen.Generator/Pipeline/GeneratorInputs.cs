using DockerApiGen.Generator.Emitting;
using DockerApiGen.Generator.Naming;
using DockerApiGen.Generator.Patching;
using DockerApiGen.Generator.Semantics;
using DockerApiGen.Generator.Specs;
using DockerApiGen.Generator.Surface;

namespace DockerApiGen.Generator.Pipeline;

/// <summary>Everything generation of one spec family reads from the repository besides the specs themselves.</summary>
/// <param name="Layout">Where things are.</param>
/// <param name="Family">The family: its descriptor and the folder of its inputs.</param>
/// <param name="Lock">The family's spec lock.</param>
/// <param name="Patches">The family's spec patches.</param>
/// <param name="Naming">The family's naming decisions (with the operation names of its <c>operations.yaml</c>).</param>
/// <param name="Operations">How operations appear on the clients and what the spec cannot say about them.</param>
/// <param name="PackageReadme">What each package's README says (none without the family's <c>package-readme.yaml</c>).</param>
public sealed record GeneratorInputs(RepositoryLayout Layout, SpecFamily Family, SpecLock Lock, IReadOnlyList<SpecPatch> Patches, NamingConfig Naming, OperationsConfig Operations, PackageReadmeConfig? PackageReadme = null)
{
    /// <summary>Reads all inputs of the default family (the Engine).</summary>
    /// <param name="layout">The repository.</param>
    public static GeneratorInputs Load(RepositoryLayout layout) => Load(layout, SpecFamily.DefaultName);

    /// <summary>Reads all inputs of a family.</summary>
    /// <param name="layout">The repository.</param>
    /// <param name="family">The family's name (its folder under <c>specs/</c>).</param>
    public static GeneratorInputs Load(RepositoryLayout layout, string family)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(family);
        var descriptor = SpecFamily.Load(layout.FamilyFolder(family));
        var naming = NamingConfig.Load(descriptor.NamingPath) with { OperationNames = OperationNameOverrides.Load(descriptor.OperationsPath) };
        return new GeneratorInputs(
            layout,
            descriptor,
            SpecLock.Load(descriptor.LockPath, descriptor.VersionScheme) with { FamilyOption = FamilyOption(descriptor) },
            PatchFileReader.ReadFamily(descriptor),
            naming,
            OperationsConfig.Load(descriptor.OperationsPath),
            PackageReadmeConfig.Load(descriptor.PackageReadmePath));
    }

    /// <summary>The <c>--family</c> option commands about a family need in messages (empty for the default family).</summary>
    /// <param name="family">The family.</param>
    public static string FamilyOption(SpecFamily family)
        => family?.Name == SpecFamily.DefaultName ? string.Empty : $" --family {family?.Name}";

    /// <summary>The locked versions that get a committed package.</summary>
    public IReadOnlyList<SpecLockEntry> CommittedEntries => Lock.Entries.Where(e => IsCommitted(e.Version)).ToList();

    /// <summary>The family's spec cache.</summary>
    public SpecCache Cache => new(Layout.CacheFolderOf(Family));

    /// <summary>Whether a locked version gets a committed package.</summary>
    /// <param name="version">The version.</param>
    public bool IsCommitted(ApiVersion version) => Family.IsCommitted(version, Lock);

    /// <summary>Where an entry's spec is read from: the cached copy, or the repository file.</summary>
    /// <param name="entry">The lock entry.</param>
    public string SpecPathOf(SpecLockEntry entry) => Cache.PathOf(entry);

    /// <summary>The project folder of a version's package.</summary>
    /// <param name="version">The version.</param>
    public string ProjectFolder(ApiVersion version) => Layout.ProjectFolder(Family.PackageName(version));

    /// <summary>
    /// The hand-written C# files of a version's package (everything but <c>Generated/</c>, <c>bin/</c> and
    /// <c>obj/</c>), which are compiled with the generated code as the project builds them; none for a package
    /// the generator writes whole.
    /// </summary>
    /// <param name="version">The version.</param>
    public IReadOnlyList<GeneratedFile> HandWrittenSources(ApiVersion version)
    {
        var folder = ProjectFolder(version);
        if (!Family.HandWrittenProject || !Directory.Exists(folder))
        {
            return [];
        }

        string[] skipped = [EmitSettings.GeneratedFolder, "bin", "obj"];
        return Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(folder, path).Replace('\\', '/'))
            .Where(relative => !skipped.Contains(relative.Split('/')[0], StringComparer.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(relative => new GeneratedFile(relative, File.ReadAllText(Path.Combine(folder, relative))))
            .ToList();
    }

    /// <summary>The family's spec source: <c>--source</c>, else the family's mirror variable, else upstream.</summary>
    /// <param name="option">The value of <c>--source</c>, if given.</param>
    public SpecSource ResolveSource(string? option) => SpecSource.Resolve(option, Family.MirrorVariable);

    /// <summary>The surface snapshot of a version's package, and how to accept a change to it.</summary>
    /// <param name="version">The version.</param>
    public SurfaceSnapshot SnapshotOf(ApiVersion version)
        => Family.HasPackagePerVersion
            ? new(Family.SnapshotName(version), version.Label, $"dockerapigen accept-surface{FamilyOption(Family)} {version}")
            : new(Family.SnapshotName(version), Family.SnapshotName(version), $"dockerapigen accept-surface{FamilyOption(Family)}");

    /// <summary>The names every emitter uses for a version.</summary>
    /// <param name="version">The version.</param>
    /// <param name="specSha256">The spec's hash, stated in file headers.</param>
    public EmitSettings EmitSettingsFor(ApiVersion version, string specSha256)
        => new(version, specSha256, Family.RootNamespace(version), Family.Title, Family.JsonContextName, Family.Client) { EmitsProjectFile = !Family.HandWrittenProject };
}
