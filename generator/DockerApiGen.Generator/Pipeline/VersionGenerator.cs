using System.Diagnostics;
using DockerApiGen.Generator.Availability;
using DockerApiGen.Generator.Emitting;
using DockerApiGen.Generator.Loading;
using DockerApiGen.Generator.Model;
using DockerApiGen.Generator.Roslyn;
using DockerApiGen.Generator.Semantics;
using DockerApiGen.Generator.Specs;
using DockerApiGen.Generator.Surface;
using Microsoft.CodeAnalysis;

namespace DockerApiGen.Generator.Pipeline;

/// <summary>Everything generated for one version, kept in memory until the caller decides to write it.</summary>
/// <param name="Spec">The loaded spec.</param>
/// <param name="Model">The model.</param>
/// <param name="Files">The formatted files, relative to the version's project folder.</param>
/// <param name="Compilation">The in-memory compilation (null when compilation was skipped).</param>
/// <param name="Surface">The public surface text (null when compilation was skipped).</param>
/// <param name="Timings">How long each stage took.</param>
public sealed record VersionOutput(
    LoadedSpec Spec,
    ApiModel Model,
    IReadOnlyList<GeneratedFile> Files,
    Compilation? Compilation,
    string? Surface,
    StageTimings Timings)
{
    /// <summary>How many generated members (operations, options and model properties) carry a Since marker.</summary>
    public int MarkedMembers { get; init; }

    /// <summary>Lines of generated C# (all files ending in .cs).</summary>
    public int CSharpLines => Files.Where(f => f.RelativePath.EndsWith(".cs", StringComparison.Ordinal)).Sum(f => f.Text.Count(c => c == '\n'));
}

/// <summary>Wall-clock time per stage of one version.</summary>
/// <param name="Load">Repair, YAML, patches, validation, NSwag.</param>
/// <param name="Model">Building the model.</param>
/// <param name="Emit">Building the client model and emitting.</param>
/// <param name="Compile">Compiling (with the JSON source generator) and reading the surface.</param>
public sealed record StageTimings(TimeSpan Load, TimeSpan Model, TimeSpan Emit, TimeSpan Compile)
{
    /// <summary>The sum of all stages.</summary>
    public TimeSpan Total => Load + Model + Emit + Compile;
}

/// <summary>
/// Runs every stage for one version: load → model → client model (with the availability history) → emit →
/// compile → surface. What differs between families (names, whether clients are emitted, whether members are
/// marked) comes from the family's descriptor.
/// </summary>
public static class VersionGenerator
{
    /// <summary>Generates one version from a spec file.</summary>
    /// <param name="inputs">The repository's inputs.</param>
    /// <param name="entry">The lock entry.</param>
    /// <param name="specPath">The verified spec file.</param>
    /// <param name="history">The availability history the markers come from (<see cref="ApiHistory.None"/> for none).</param>
    /// <param name="compile">Whether to compile and read the surface.</param>
    /// <param name="cancellationToken">Cancels generation.</param>
    public static async Task<VersionOutput> GenerateAsync(GeneratorInputs inputs, SpecLockEntry entry, string specPath, ApiHistory history, bool compile, CancellationToken cancellationToken)
    {
        var loaded = await ModelCatalog.LoadAsync(inputs, entry, specPath, cancellationToken).ConfigureAwait(false);
        return Generate(inputs, entry, loaded, history, compile, cancellationToken);
    }

    /// <summary>Generates one version from its loaded model.</summary>
    /// <param name="inputs">The repository's inputs.</param>
    /// <param name="entry">The lock entry.</param>
    /// <param name="loaded">The version's spec and model.</param>
    /// <param name="history">The availability history the markers come from (<see cref="ApiHistory.None"/> for none).</param>
    /// <param name="compile">Whether to compile and read the surface.</param>
    /// <param name="cancellationToken">Cancels compilation.</param>
    public static VersionOutput Generate(GeneratorInputs inputs, SpecLockEntry entry, LoadedModel loaded, ApiHistory history, bool compile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(loaded);
        ArgumentNullException.ThrowIfNull(history);
        var clock = Stopwatch.StartNew();
        var previous = inputs.Lock.Entries.Where(e => e.Version < entry.Version).Select(e => (ApiVersion?)e.Version).LastOrDefault();
        var settings = inputs.EmitSettingsFor(entry.Version, loaded.Sha256) with
        {
            Readme = inputs.PackageReadme is { } readme ? new PackageReadmeInputs(readme, previous) : null,
        };
        var client = ClientModelBuilder.Build(loaded.Model, inputs.Family.EmitClients ? inputs.Operations : null, settings.Names, settings.JsonContextName, history.For(entry.Version));
        // The emitters write code exactly as Roslyn's formatter would (a test holds them to it), so the
        // formatter, which cost more than everything else but compiling, is not run here.
        var files = VersionEmitter.Emit(client, settings);
        var emit = clock.Elapsed;

        clock.Restart();
        Compilation? compilation = null;
        string? surface = null;
        if (compile)
        {
            compilation = InMemoryCompiler.Compile(settings.RootNamespace, [.. files, .. inputs.HandWrittenSources(entry.Version)], cancellationToken);
            surface = PublicSurface.Read(compilation);
        }

        return new VersionOutput(loaded.Spec, loaded.Model, files, compilation, surface, new StageTimings(loaded.LoadTime, loaded.ModelTime, emit, clock.Elapsed))
        {
            MarkedMembers = client.MarkedMemberCount,
        };
    }
}
