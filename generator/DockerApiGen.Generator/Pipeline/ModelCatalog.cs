using System.Collections.Concurrent;
using System.Diagnostics;
using DockerApiGen.Generator.Loading;
using DockerApiGen.Generator.Model;
using DockerApiGen.Generator.Parsing;
using DockerApiGen.Generator.Specs;

namespace DockerApiGen.Generator.Pipeline;

/// <summary>A spec loaded and built into its model, with how long each took.</summary>
/// <param name="Spec">The loaded spec.</param>
/// <param name="Model">Its model.</param>
/// <param name="LoadTime">Repair, YAML, patches, validation, NSwag.</param>
/// <param name="ModelTime">Building the model.</param>
/// <param name="Sha256">The hash generated files state: the lock's, or, for a document of the repository (pinned by git), the file's now.</param>
public sealed record LoadedModel(LoadedSpec Spec, ApiModel Model, TimeSpan LoadTime, TimeSpan ModelTime, string Sha256);

/// <summary>
/// Loads each locked version's spec and model at most once per run: the availability history needs every locked
/// model, and generation needs some of them again. Thread-safe.
/// </summary>
/// <param name="inputs">The repository's inputs.</param>
public sealed class ModelCatalog(GeneratorInputs inputs)
{
    private readonly ConcurrentDictionary<ApiVersion, Lazy<Task<LoadedModel>>> _loaded = new();

    /// <summary>A locked version's model, loaded from the spec cache the first time it is asked for.</summary>
    /// <param name="entry">The lock entry.</param>
    /// <param name="cancellationToken">Stops waiting (a load under way completes for other callers).</param>
    public Task<LoadedModel> GetAsync(SpecLockEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return _loaded.GetOrAdd(entry.Version, _ => new Lazy<Task<LoadedModel>>(() => LoadAsync(inputs, entry, inputs.SpecPathOf(entry), CancellationToken.None))).Value.WaitAsync(cancellationToken);
    }

    /// <summary>Drops what was loaded (the outputs keep what they need).</summary>
    public void Clear() => _loaded.Clear();

    /// <summary>Loads a spec file and builds its model.</summary>
    /// <param name="inputs">The repository's inputs (patches, naming).</param>
    /// <param name="entry">The lock entry the spec is for.</param>
    /// <param name="specPath">The spec file.</param>
    /// <param name="cancellationToken">Cancels loading.</param>
    public static async Task<LoadedModel> LoadAsync(GeneratorInputs inputs, SpecLockEntry entry, string specPath, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(entry);
        var clock = Stopwatch.StartNew();
        var spec = await SpecLoader.LoadFileAsync(entry.Version, specPath, inputs.Patches, cancellationToken).ConfigureAwait(false);

        // A document of the repository is pinned by git, not by the lock: its headers state the hash it has now.
        var sha256 = entry.IsInRepository ? SpecCache.Sha256Of(await File.ReadAllBytesAsync(specPath, cancellationToken).ConfigureAwait(false)) : entry.Sha256;
        var load = clock.Elapsed;
        clock.Restart();
        var model = ModelBuilder.Build(spec, inputs.Naming);
        return new LoadedModel(spec, model, load, clock.Elapsed, sha256);
    }
}
