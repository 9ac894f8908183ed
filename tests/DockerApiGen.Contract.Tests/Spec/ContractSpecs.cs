using System.Collections.Concurrent;
using DockerApiGen.Generator.Loading;
using DockerApiGen.Generator.Pipeline;
using DockerApiGen.Generator.Specs;

namespace DockerApiGen.Contract.Tests.Spec;

/// <summary>
/// The specs the contract tests run against, loaded once per version with the generator's own loader, so
/// the server sees exactly what the generator saw: repaired, patched and validated.
/// </summary>
public static class ContractSpecs
{
    /// <summary>The lowest version the contract tests cover (issue 3: every committed version from 1.42).</summary>
    public static ApiVersion Lowest { get; } = new(1, 42);

    private static readonly ConcurrentDictionary<ApiVersion, Lazy<Task<ContractSpec>>> Loaded = new();

    // Pulling is shared: every version's first load waits for one pull of all covered versions.
    private static readonly Lazy<Task> Pulled = new(PullAsync);

    /// <summary>The repository this test assembly was built from.</summary>
    public static RepositoryLayout Layout { get; } = RepositoryLayout.Find(AppContext.BaseDirectory);

    /// <summary>The repository's generator inputs (lock, patches, committed range).</summary>
    public static GeneratorInputs Inputs { get; } = GeneratorInputs.Load(Layout);

    /// <summary>Every committed version the contract tests cover, in order.</summary>
    public static IReadOnlyList<ApiVersion> Versions { get; } =
        Inputs.CommittedEntries.Select(e => e.Version).Where(v => v >= Lowest).Order().ToList();

    /// <summary>The spec of a version, pulled into the cache if missing, loaded and indexed once.</summary>
    /// <param name="version">The version (a locked one; those below <see cref="Lowest"/> serve as older daemons).</param>
    public static Task<ContractSpec> GetAsync(ApiVersion version)
        => Loaded.GetOrAdd(version, v => new Lazy<Task<ContractSpec>>(() => LoadAsync(v))).Value;

    private static async Task<ContractSpec> LoadAsync(ApiVersion version)
    {
        await Pulled.Value.ConfigureAwait(false);
        if (!Versions.Contains(version))
        {
            await Inputs.Cache.PullAsync([Inputs.Lock.Get(version)], Source, force: false, CancellationToken.None).ConfigureAwait(false);
        }

        var loaded = await SpecLoader.LoadFileAsync(version, Inputs.Cache.PathOf(version), Inputs.Patches, CancellationToken.None).ConfigureAwait(false);
        return ContractSpec.From(loaded);
    }

    private static Task PullAsync()
    {
        var entries = Inputs.Lock.Entries.Where(e => Versions.Contains(e.Version)).ToList();
        return Inputs.Cache.PullAsync(entries, Source, force: false, CancellationToken.None);
    }

    /// <summary>
    /// Where missing specs come from, as in the generator tests: <c>DOCKERAPIGEN_SPEC_SOURCE</c> when set,
    /// else the shared mirror beside the repository, else upstream. Every file is checked against the lock.
    /// </summary>
    private static SpecSource Source
    {
        get
        {
            if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(SpecSource.EnvironmentVariable)))
            {
                return SpecSource.Resolve(null);
            }

            var shared = Path.GetFullPath(Path.Combine(Layout.Root, "..", "shared", "specs", "docker-engine"));
            return Directory.Exists(shared) ? new SpecSource.MirrorFolderSource(shared) : SpecSource.Upstream;
        }
    }
}
