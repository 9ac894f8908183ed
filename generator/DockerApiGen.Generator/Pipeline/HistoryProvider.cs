using System.Diagnostics;
using DockerApiGen.Generator.Availability;
using DockerApiGen.Generator.Diagnostics;
using DockerApiGen.Generator.Patching;
using DockerApiGen.Generator.Specs;

namespace DockerApiGen.Generator.Pipeline;

/// <summary>How the availability history of a run was had.</summary>
/// <param name="History">The history.</param>
/// <param name="FromCache">Read from the cache (no spec loaded for it).</param>
/// <param name="Elapsed">How long it took.</param>
public sealed record HistoryResult(ApiHistory History, bool FromCache, TimeSpan Elapsed);

/// <summary>
/// The availability history of a family's locked versions for a run: read from the cache when it was built from the
/// same inputs, else built from every locked model (loaded through the run's <see cref="ModelCatalog"/>, so generation
/// reuses them) and kept in the cache. A family whose descriptor does not ask for markers gets none, at no cost.
/// </summary>
public static class HistoryProvider
{
    /// <summary>Reads or builds the history.</summary>
    /// <param name="inputs">The repository's inputs.</param>
    /// <param name="models">Where models are loaded.</param>
    /// <param name="source">Where to pull the locked specs the cache lacks when the history must be built; null: they must be there.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <exception cref="GenerationException">A locked spec is not in the cache and cannot be pulled.</exception>
    public static async Task<HistoryResult> GetAsync(GeneratorInputs inputs, ModelCatalog models, SpecSource? source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(models);
        var clock = Stopwatch.StartNew();
        if (!inputs.Family.MarksAvailability)
        {
            return new HistoryResult(ApiHistory.None, true, clock.Elapsed);
        }

        var cache = new ApiHistoryCache(inputs.Layout.AvailabilityCacheFolderOf(inputs.Family));
        var key = ApiHistoryCache.Key(inputs.Lock.Entries, [.. PatchFileReader.FilesOf(inputs.Family), inputs.Family.NamingPath, inputs.Family.OperationsPath]);
        if (cache.TryRead(key) is { } kept)
        {
            return new HistoryResult(kept, true, clock.Elapsed);
        }

        if (source is not null)
        {
            await inputs.Cache.PullAsync(inputs.Lock.Entries, source, force: false, cancellationToken).ConfigureAwait(false);
        }

        var missing = inputs.Lock.Entries.Where(e => !File.Exists(inputs.SpecPathOf(e))).Select(e => e.Version.ToString()).ToList();
        if (missing.Count > 0)
        {
            throw new GenerationException(new SpecProblem(inputs.Layout.SpecLockPath, null, null, null,
                $"The availability markers are computed from every locked spec, and {string.Join(", ", missing)} {(missing.Count == 1 ? "is" : "are")} not in the spec cache.",
                $"Run `dockerapigen pull{inputs.Lock.FamilyOption}` (or generate, which pulls every locked version)."));
        }

        var loaded = new LoadedModel[inputs.Lock.Entries.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, loaded.Length),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount), CancellationToken = cancellationToken },
            async (i, token) => loaded[i] = await models.GetAsync(inputs.Lock.Entries[i], token).ConfigureAwait(false)).ConfigureAwait(false);
        var history = ApiHistoryBuilder.Build(loaded.Select(l => l.Model).ToList());
        cache.Write(key, history);
        return new HistoryResult(history, false, clock.Elapsed);
    }
}
