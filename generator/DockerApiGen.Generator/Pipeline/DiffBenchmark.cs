using DockerApiGen.Generator.Availability;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using DockerApiGen.Generator.Diffing;
using DockerApiGen.Generator.Specs;
using DockerApiGen.Generator.Surface;

namespace DockerApiGen.Generator.Pipeline;

/// <summary>
/// Measures the diff: loading every version's model, diffing one pair (averaged over many runs), the
/// whole v-first → v-last range step by step plus the cumulative diff, and the C# surface diff of one pair.
/// </summary>
public static class DiffBenchmark
{
    /// <summary>Runs the benchmark and returns a printable report.</summary>
    /// <param name="layout">The repository.</param>
    /// <param name="source">Where to pull specs from.</param>
    /// <param name="from">The older version of the single pair.</param>
    /// <param name="to">The newer version of the single pair.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    public static async Task<string> RunAsync(RepositoryLayout layout, SpecSource source, ApiVersion from, ApiVersion to, CancellationToken cancellationToken)
    {
        var inputs = GeneratorInputs.Load(layout);
        var runner = new DiffRunner(inputs, source);
        var report = new StringBuilder();
        var clock = Stopwatch.StartNew();
        var models = new List<Model.ApiModel>();
        foreach (var entry in inputs.Lock.Entries)
        {
            models.Add(await runner.LoadAsync(entry.Version.ToString(), cancellationToken).ConfigureAwait(false));
        }

        report.AppendLine(CultureInfo.InvariantCulture, $"load {models.Count} models (repair, YAML, patches, NSwag, model): {clock.Elapsed.TotalSeconds:0.00} s");

        var older = models.Single(m => m.Version == from);
        var newer = models.Single(m => m.Version == to);
        const int runs = 50;
        SpecDiffer.Diff(older, newer); // warm-up
        clock.Restart();
        var count = 0;
        for (var i = 0; i < runs; i++)
        {
            count = SpecDiffer.Diff(older, newer).Count;
        }

        report.AppendLine(CultureInfo.InvariantCulture, $"spec diff v{from} → v{to} ({count} changes): {clock.Elapsed.TotalMilliseconds / runs:0.00} ms per diff (mean of {runs})");

        clock.Restart();
        var total = 0;
        for (var i = 1; i < models.Count; i++)
        {
            total += SpecDiffer.Diff(models[i - 1], models[i]).Count;
        }

        total += SpecDiffer.Diff(models[0], models[^1]).Count;
        report.AppendLine(CultureInfo.InvariantCulture, $"range v{models[0].Version} → v{models[^1].Version}, {models.Count - 1} steps + cumulative ({total} changes): {clock.Elapsed.TotalMilliseconds:0.0} ms of diffing, {clock.Elapsed.TotalSeconds + 0:0.00} s");

        var surfaces = new List<IReadOnlyList<SurfaceEntry>>();
        foreach (var version in new[] { from, to })
        {
            var entry = inputs.Lock.Get(version);
            var output = await VersionGenerator.GenerateAsync(inputs, entry, inputs.SpecPathOf(entry), ApiHistory.None, compile: true, cancellationToken).ConfigureAwait(false);
            surfaces.Add(PublicSurface.ReadEntries(output.Compilation!));
        }

        SurfaceDiffer.Diff(surfaces[0], surfaces[1]);
        clock.Restart();
        for (var i = 0; i < runs; i++)
        {
            count = SurfaceDiffer.Diff(surfaces[0], surfaces[1]).Count;
        }

        report.AppendLine(CultureInfo.InvariantCulture, $"C# surface diff v{from} → v{to} ({count} changes, surfaces already compiled): {clock.Elapsed.TotalMilliseconds / runs:0.00} ms per diff (mean of {runs})");
        return report.ToString();
    }
}
