using System.Collections.Concurrent;
using DockerApiGen.Generator.Loading;
using DockerApiGen.Generator.Parsing;
using DockerApiGen.Generator.Pipeline;
using DockerApiGen.Generator.Specs;

namespace DockerApiGen.Contract.Tests.Spec;

/// <summary>
/// The covered specs of one family: pulled once (every file checked against the lock), each loaded with the
/// generator's loader and indexed once. Operations without an operationId get the generator's ids (from method and
/// path, and the family's <c>operationNames</c>), which the generated methods carry in their attributes.
/// </summary>
/// <param name="inputs">The family's generator inputs.</param>
/// <param name="covered">Which locked versions are covered (given the inputs, to ask which are committed).</param>
/// <param name="mirrorVariable">The environment variable naming the family's mirror.</param>
/// <param name="sharedFolder">The mirror's folder under <c>../shared/specs/</c>, used when the variable is unset.</param>
public sealed class FamilySpecs(GeneratorInputs inputs, Func<GeneratorInputs, ApiVersion, bool> covered, string mirrorVariable, string sharedFolder)
{
    private readonly ConcurrentDictionary<ApiVersion, Lazy<Task<ContractSpec>>> _loaded = new();
    private Lazy<Task>? _pulled;

    /// <summary>The family's generator inputs.</summary>
    public GeneratorInputs Inputs { get; } = inputs;

    /// <summary>The family's name.</summary>
    public string Name => Inputs.Family.Name;

    /// <summary>Every covered version, in order.</summary>
    public IReadOnlyList<ApiVersion> Versions { get; } = inputs.Lock.Entries.Select(e => e.Version).Where(v => covered(inputs, v)).Order().ToList();

    /// <summary>The spec of a version, pulled into the cache if missing, loaded and indexed once.</summary>
    /// <param name="version">The version.</param>
    public Task<ContractSpec> GetAsync(ApiVersion version)
        => _loaded.GetOrAdd(version, v => new Lazy<Task<ContractSpec>>(() => LoadAsync(v))).Value;

    private async Task<ContractSpec> LoadAsync(ApiVersion version)
    {
        await LazyInitializer.EnsureInitialized(ref _pulled, () => new Lazy<Task>(PullAsync)).Value.ConfigureAwait(false);
        if (!Versions.Contains(version))
        {
            // A locked version outside the covered ones: an older daemon a negotiating client talks to.
            await Inputs.Cache.PullAsync([Inputs.Lock.Get(version)], Source, force: false, CancellationToken.None).ConfigureAwait(false);
        }

        var loaded = await SpecLoader.LoadFileAsync(version, Inputs.Cache.PathOf(version), Inputs.Patches, CancellationToken.None).ConfigureAwait(false);
        // Only specs that leave operation ids out (the Hub's) need the model, which names them.
        var ids = new Lazy<Dictionary<(string, string), string>>(() => ModelBuilder.Build(loaded, Inputs.Naming).Operations.ToDictionary(o => (o.Method, o.Path), o => o.OperationId));
        return ContractSpec.From(loaded, Name, (method, path) => ids.Value[(method, path)]);
    }

    private Task PullAsync()
    {
        var entries = Inputs.Lock.Entries.Where(e => Versions.Contains(e.Version)).ToList();
        return Inputs.Cache.PullAsync(entries, Source, force: false, CancellationToken.None);
    }

    /// <summary>
    /// Where missing specs come from, as in the generator tests: the family's mirror variable when set, else the shared
    /// mirror beside the repository, else upstream. Every file is checked against the lock.
    /// </summary>
    private SpecSource Source
    {
        get
        {
            if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(mirrorVariable)))
            {
                return SpecSource.Resolve(null, mirrorVariable);
            }

            var shared = Path.GetFullPath(Path.Combine(Inputs.Layout.Root, "..", "shared", "specs", sharedFolder));
            return Directory.Exists(shared) ? new SpecSource.MirrorFolderSource(shared) : SpecSource.Upstream;
        }
    }
}
