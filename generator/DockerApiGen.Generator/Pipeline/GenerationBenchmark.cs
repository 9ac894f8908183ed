using System.Diagnostics;
using System.Globalization;
using System.Text;
using DockerApiGen.Generator.Specs;

namespace DockerApiGen.Generator.Pipeline;

/// <summary>
/// Measures pull + load + generate + compile for every locked version and for one version alone, into a
/// fresh temporary cache, and reports the figures (and lines of generated code per version) as text.
/// Nothing under the repository is written.
/// </summary>
public static class GenerationBenchmark
{
    /// <summary>Runs the benchmark.</summary>
    /// <param name="layout">The repository.</param>
    /// <param name="source">Where to pull from.</param>
    /// <param name="single">The version timed alone.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>A printable report.</returns>
    public static async Task<string> RunAsync(RepositoryLayout layout, SpecSource source, ApiVersion single, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var cache = Path.Combine(Path.GetTempPath(), $"dockerapigen-bench-{Environment.ProcessId}");
        try
        {
            var inputs = GeneratorInputs.Load(layout with { CacheOverride = cache });
            var run = new GenerationRun(inputs);
            var report = new StringBuilder();
            report.AppendLine(CultureInfo.InvariantCulture, $"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, source {source}");

            // Warm up Roslyn, NSwag and the JSON source generator once, so that the single-version figure is steady-state.
            // (The availability markers need every locked spec, so the warm-up pulls them all.)
            var one = inputs.Lock.Get(single);
            var all = inputs.Lock.Entries;
            await run.EnsureSpecsAsync(all, source, cancellationToken).ConfigureAwait(false);
            await run.GenerateAsync([one], compile: true, cancellationToken).ConfigureAwait(false);
            Directory.Delete(cache, recursive: true);

            var clock = Stopwatch.StartNew();
            await run.EnsureSpecsAsync(all, source, cancellationToken).ConfigureAwait(false);
            var pull = clock.Elapsed;
            clock.Restart();
            var outputs = await run.GenerateAsync(all, compile: true, cancellationToken).ConfigureAwait(false);
            var generate = clock.Elapsed;
            report.AppendLine(CultureInfo.InvariantCulture, $"all {all.Count} versions: pull {Seconds(pull)}, load+model+emit+compile {Seconds(generate)} (of which the availability history, built from every locked model, {Seconds(run.LastHistory!.Elapsed)}), total {Seconds(pull + generate)}");

            // The drift check (`generate --check`): the committed versions, emitted and compared, not compiled (the
            // availability history read from its cache, as on every run after the first).
            clock.Restart();
            var checkedOutputs = await run.GenerateAsync(inputs.CommittedEntries, compile: false, cancellationToken).ConfigureAwait(false);
            var drift = run.CheckDrift(checkedOutputs);
            report.AppendLine(CultureInfo.InvariantCulture, $"drift check of the {inputs.CommittedEntries.Count} committed versions (emit and compare, no compile): {Seconds(clock.Elapsed)} ({drift.Count} files differ; availability history {Seconds(run.LastHistory!.Elapsed)}, {(run.LastHistory.FromCache ? "cached" : "built")})");

            // One version as a user regenerates it: its spec pulled again, the availability history read from its cache.
            foreach (var entry in all)
            {
                File.Delete(inputs.Cache.PathOf(entry.Version));
            }

            clock.Restart();
            await run.EnsureSpecsAsync(all, source, cancellationToken).ConfigureAwait(false);
            var singlePull = clock.Elapsed;
            clock.Restart();
            var singleOutput = (await run.GenerateAsync([one], compile: true, cancellationToken).ConfigureAwait(false))[0];
            var singleTotal = clock.Elapsed;
            report.AppendLine(CultureInfo.InvariantCulture, $"v{single} alone: pull {Seconds(singlePull)}, availability history {Seconds(run.LastHistory!.Elapsed)} ({(run.LastHistory.FromCache ? "cached" : "built")}), load {Seconds(singleOutput.Timings.Load)}, model {Seconds(singleOutput.Timings.Model)}, client model+emit {Seconds(singleOutput.Timings.Emit)}, compile+surface {Seconds(singleOutput.Timings.Compile)}, total {Seconds(singlePull + singleTotal)}");
            report.AppendLine(CultureInfo.InvariantCulture, $"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MiB");
            report.AppendLine("version  types  operations  files  C# lines  surface lines");
            foreach (var output in outputs)
            {
                report.AppendLine(CultureInfo.InvariantCulture, $"{output.Model.Version,-7}  {output.Model.Types.Count,5}  {output.Model.Operations.Count,10}  {output.Files.Count,5}  {output.CSharpLines,8}  {output.Surface!.Count(c => c == '\n'),13}");
            }

            return report.ToString();
        }
        finally
        {
            if (Directory.Exists(cache))
            {
                Directory.Delete(cache, recursive: true);
            }
        }
    }

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.00 s", CultureInfo.InvariantCulture);
}
