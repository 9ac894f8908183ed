using DockerApiGen.Generator.Emitting;
using DockerApiGen.Generator.Specs;

namespace DockerApiGen.Generator.Pipeline;

/// <summary>A difference between generated output and the files committed under <c>src/</c>.</summary>
/// <param name="Path">The file, relative to the repository root.</param>
/// <param name="Kind">What differs.</param>
public sealed record DriftItem(string Path, DriftKind Kind);

/// <summary>How a committed file differs from what the generator produces now.</summary>
public enum DriftKind
{
    /// <summary>The generator produces it; it is not committed.</summary>
    Missing,

    /// <summary>Committed with other content.</summary>
    Different,

    /// <summary>Committed, but the generator no longer produces it.</summary>
    Stale,
}

/// <summary>Generation over several versions of one family: make sure specs are pulled, generate in memory, then write or check.</summary>
/// <param name="Inputs">The repository's inputs.</param>
public sealed record GenerationRun(GeneratorInputs Inputs)
{
    private readonly ModelCatalog _models = new(Inputs);

    /// <summary>How the last <see cref="GenerateAsync"/> had its availability history (null before the first).</summary>
    public HistoryResult? LastHistory { get; private set; }

    /// <summary>
    /// Where the specs the availability history needs come from when it must be built and the cache lacks some
    /// (null: they must be pulled already). Not used when the history is cached, so a run checks only the specs it generates.
    /// </summary>
    public SpecSource? HistorySource { get; init; }

    /// <summary>Pulls the specs of the entries that the cache lacks (or holds with a wrong hash).</summary>
    /// <param name="entries">The entries needed.</param>
    /// <param name="source">Where to pull from.</param>
    /// <param name="cancellationToken">Cancels the pull.</param>
    public Task<IReadOnlyList<PullResult>> EnsureSpecsAsync(IReadOnlyList<SpecLockEntry> entries, SpecSource source, CancellationToken cancellationToken)
        => Inputs.Cache.PullAsync(entries, source, force: false, cancellationToken);

    /// <summary>
    /// Generates the versions in memory, as many at a time as the machine has processors; nothing is written. A
    /// family's availability markers need every locked spec when their history is not cached (see
    /// <see cref="HistoryProvider"/> and <see cref="HistorySource"/>).
    /// </summary>
    /// <param name="entries">The versions.</param>
    /// <param name="compile">Whether to compile each and read its surface.</param>
    /// <param name="cancellationToken">Cancels generation.</param>
    /// <returns>The outputs, ordered by version.</returns>
    public async Task<IReadOnlyList<VersionOutput>> GenerateAsync(IReadOnlyList<SpecLockEntry> entries, bool compile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var history = LastHistory = await HistoryProvider.GetAsync(Inputs, _models, HistorySource, cancellationToken).ConfigureAwait(false);
        var outputs = new VersionOutput[entries.Count];
        try
        {
            await Parallel.ForEachAsync(
                Enumerable.Range(0, entries.Count),
                new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount), CancellationToken = cancellationToken },
                async (i, token) => outputs[i] = VersionGenerator.Generate(Inputs, entries[i], await _models.GetAsync(entries[i], token).ConfigureAwait(false), history.History, compile, token))
                .ConfigureAwait(false);
        }
        finally
        {
            // The outputs hold what they need; the specs loaded only for the history can go.
            _models.Clear();
        }

        return outputs.OrderBy(o => o.Model.Version).ToList();
    }

    /// <summary>Compares outputs of committed versions with the files under <c>src/</c>.</summary>
    /// <param name="outputs">The outputs.</param>
    public IReadOnlyList<DriftItem> CheckDrift(IReadOnlyList<VersionOutput> outputs)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        var drift = new List<DriftItem>();
        foreach (var output in Committed(outputs))
        {
            var folder = Inputs.ProjectFolder(output.Model.Version);
            var expected = output.Files.ToDictionary(f => f.RelativePath, StringComparer.Ordinal);
            foreach (var file in output.Files)
            {
                var path = Path.Combine(folder, file.RelativePath);
                if (!File.Exists(path))
                {
                    drift.Add(new DriftItem(Relative(path), DriftKind.Missing));
                }
                else if (File.ReadAllText(path) != file.Text)
                {
                    drift.Add(new DriftItem(Relative(path), DriftKind.Different));
                }
            }

            drift.AddRange(ExistingGeneratedFiles(folder)
                .Where(relative => !expected.ContainsKey(relative))
                .Select(relative => new DriftItem(Relative(Path.Combine(folder, relative)), DriftKind.Stale)));
        }

        return drift;
    }

    /// <summary>Writes the committed versions' files (only those that changed) and deletes stale ones.</summary>
    /// <param name="outputs">The outputs; call only once every version generated without error.</param>
    /// <returns>What was changed.</returns>
    public IReadOnlyList<DriftItem> Write(IReadOnlyList<VersionOutput> outputs)
    {
        var drift = CheckDrift(outputs);
        var byPath = Committed(outputs)
            .SelectMany(o => o.Files.Select(f => (Path: Relative(Path.Combine(Inputs.ProjectFolder(o.Model.Version), f.RelativePath)), f.Text)))
            .ToDictionary(x => x.Path, x => x.Text, StringComparer.Ordinal);
        foreach (var item in drift)
        {
            var absolute = Path.Combine(Inputs.Layout.Root, item.Path);
            if (item.Kind == DriftKind.Stale)
            {
                File.Delete(absolute);
            }
            else
            {
                AtomicFile.WriteAllText(absolute, byPath[item.Path]);
            }
        }

        return drift;
    }

    private IEnumerable<VersionOutput> Committed(IReadOnlyList<VersionOutput> outputs)
        => outputs.Where(o => Inputs.IsCommitted(o.Model.Version));

    private static IEnumerable<string> ExistingGeneratedFiles(string projectFolder)
    {
        var generated = Path.Combine(projectFolder, EmitSettings.GeneratedFolder);
        return Directory.Exists(generated)
            ? Directory.EnumerateFiles(generated, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(projectFolder, f).Replace('\\', '/'))
            : [];
    }

    private string Relative(string path) => Path.GetRelativePath(Inputs.Layout.Root, path).Replace('\\', '/');
}
