using DockerApiGen.Generator.Availability;
using DockerApiGen.Generator.Diagnostics;
using DockerApiGen.Generator.Diffing;
using DockerApiGen.Generator.Loading;
using DockerApiGen.Generator.Model;
using DockerApiGen.Generator.Parsing;
using DockerApiGen.Generator.Specs;
using DockerApiGen.Generator.Surface;

namespace DockerApiGen.Generator.Pipeline;

/// <summary>
/// <c>diff A B</c>: loads both sides (a locked version of the family, pulled as usual, or a spec file) into
/// models and diffs them; with steps, diffs every adjacent pair of locked versions between them and adds the
/// cumulative A → B report last. The same rules serve every family (Engine versions, Hub snapshots).
/// </summary>
/// <param name="Inputs">The family's inputs.</param>
/// <param name="Source">Where to pull locked versions from.</param>
public sealed record DiffRunner(GeneratorInputs Inputs, SpecSource Source)
{
    private readonly Dictionary<string, (ApiModel Model, IReadOnlyList<SurfaceEntry>? Surface)> _loaded = new(StringComparer.Ordinal);

    /// <summary>Also diff the generated C# surfaces (each side is then generated and compiled in memory).</summary>
    public bool IncludeSurface { get; init; }

    /// <summary>Diffs two sides.</summary>
    /// <param name="from">A version (<c>1.41</c>, <c>2024-08</c>) or a spec file path.</param>
    /// <param name="to">A version or a spec file path.</param>
    /// <param name="steps">Also report every adjacent pair of locked versions in between (versions only).</param>
    /// <param name="ignore">Accepted changes.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The step reports in order, then the cumulative one (just one report without steps).</returns>
    public async Task<IReadOnlyList<DiffReport>> RunAsync(string from, string to, bool steps, IgnoreFile ignore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ignore);
        var reports = new List<DiffReport>();
        if (steps)
        {
            if (!ApiVersion.TryParse(from, Inputs.Family.VersionScheme, out var first) || !ApiVersion.TryParse(to, Inputs.Family.VersionScheme, out var last))
            {
                throw new GenerationException(new SpecProblem(Inputs.Lock.Path, null, null, null, "--steps needs two locked versions, not spec files."));
            }

            var (low, high) = first <= last ? (first, last) : (last, first);
            var path = Inputs.Lock.Entries.Where(e => e.Version >= low && e.Version <= high).Select(e => e.Version).ToList();
            if (first > last)
            {
                path.Reverse();
            }

            var sides = new List<string>();
            foreach (var version in path)
            {
                sides.Add(version.ToString());
            }

            for (var i = 1; i < sides.Count; i++)
            {
                reports.Add(await ReportAsync(sides[i - 1], sides[i], ignore, cancellationToken).ConfigureAwait(false));
            }

            if (sides.Count > 2)
            {
                reports.Add(await ReportAsync(sides[0], sides[^1], ignore, cancellationToken).ConfigureAwait(false));
            }

            return reports;
        }

        return [await ReportAsync(from, to, ignore, cancellationToken).ConfigureAwait(false)];
    }

    private async Task<DiffReport> ReportAsync(string from, string to, IgnoreFile ignore, CancellationToken cancellationToken)
    {
        var (older, olderSurface) = await LoadSideAsync(from, cancellationToken).ConfigureAwait(false);
        var (newer, newerSurface) = await LoadSideAsync(to, cancellationToken).ConfigureAwait(false);
        var all = SpecDiffer.Diff(older, newer).Concat(IncludeSurface ? SurfaceDiffer.Diff(olderSurface!, newerSurface!) : []).ToList();
        var kept = all.Where(c => !ignore.Accepts(c)).ToList();
        return new DiffReport(Label(older), Label(newer), kept, all.Count - kept.Count)
        {
            ApiTitle = Inputs.Family.Title,
            FromLabel = ShownLabel(older),
            ToLabel = ShownLabel(newer),
        };
    }

    private async Task<(ApiModel Model, IReadOnlyList<SurfaceEntry>? Surface)> LoadSideAsync(string side, CancellationToken cancellationToken)
    {
        if (_loaded.TryGetValue(side, out var known))
        {
            return known;
        }

        var model = await LoadAsync(side, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<SurfaceEntry>? surface = null;
        if (IncludeSurface)
        {
            // The surface is read from the package as it would be generated now, compiled in memory.
            var path = File.Exists(side) ? side : Inputs.SpecPathOf(Inputs.Lock.Get(model.Version));
            var entry = new SpecLockEntry(model.Version, new Uri(Path.GetFullPath(path)), SpecCache.Sha256Of(await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false)));
            var output = await VersionGenerator.GenerateAsync(Inputs, entry, path, ApiHistory.None, compile: true, cancellationToken).ConfigureAwait(false);
            surface = PublicSurface.ReadEntries(output.Compilation!);
        }

        return _loaded[side] = (model, surface);
    }

    /// <summary>Loads one side into a model: a locked version (pulled if needed) or a spec file.</summary>
    /// <param name="side">A version or a path.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public async Task<ApiModel> LoadAsync(string side, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(side);
        if (File.Exists(side))
        {
            var version = ApiVersion.TryParse(Path.GetFileNameWithoutExtension(side), Inputs.Family.VersionScheme, out var fromName) ? fromName : Unversioned;
            var spec = await SpecLoader.LoadFileAsync(version, side, Inputs.Patches, cancellationToken).ConfigureAwait(false);
            return ModelBuilder.Build(spec, Inputs.Naming) with { SpecFile = side };
        }

        if (!ApiVersion.TryParse(side, Inputs.Family.VersionScheme, out var locked))
        {
            var example = Inputs.Family.VersionScheme == VersionScheme.Number ? "1.41" : "2024-08";
            throw new GenerationException(new SpecProblem(side, null, null, null, $"Neither a spec file nor a version of the {Inputs.Family.Name} family such as {example}."));
        }

        var entry = Inputs.Lock.Get(locked);
        await Inputs.Cache.PullAsync([entry], Source, force: false, cancellationToken).ConfigureAwait(false);
        var loaded = await SpecLoader.LoadFileAsync(locked, Inputs.SpecPathOf(entry), Inputs.Patches, cancellationToken).ConfigureAwait(false);
        return ModelBuilder.Build(loaded, Inputs.Naming);
    }

    /// <summary>The version given to a spec file whose name is not a version (it gets the patches of every version range that has no lower bound).</summary>
    private ApiVersion Unversioned => new(0, 0, Inputs.Family.VersionScheme);

    private string Label(ApiModel model) => model.Version == Unversioned ? Path.GetFileName(model.SpecFile) : model.Version.ToString();

    private string ShownLabel(ApiModel model) => model.Version == Unversioned ? Path.GetFileName(model.SpecFile) : model.Version.Label;
}
