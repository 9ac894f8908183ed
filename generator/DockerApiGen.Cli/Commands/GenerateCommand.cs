using System.CommandLine;
using DockerApiGen.Generator.Pipeline;

namespace DockerApiGen.Cli.Commands;

/// <summary><c>generate</c>: regenerate a family's committed packages, or check that they are up to date.</summary>
internal static class GenerateCommand
{
    public static Command Create()
    {
        var all = new Option<bool>("--all") { Description = "Also generate and compile every locked version outside the committed range (nothing is written for those)." };
        var check = new Option<bool>("--check") { Description = "Write nothing; exit 1 if any committed file differs from what the generator produces (the drift check)." };
        var command = new Command("generate", "Pull what is missing, generate every committed version in memory, compile each with Roslyn, then write src/ (only when all succeed).")
        {
            CommonOptions.Family, CommonOptions.Source, CommonOptions.Versions, all, check,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var inputs = CommonOptions.Inputs(result);
            var entries = CommonOptions.Select(inputs, result, result.GetValue(all) ? inputs.Lock.Entries : inputs.CommittedEntries);
            var source = CommonOptions.SourceOf(inputs, result);
            // The availability markers' history, when it must be built, pulls whatever locked spec is missing.
            var run = new GenerationRun(inputs) { HistorySource = source };
            await run.EnsureSpecsAsync(entries, source, cancellationToken);
            // The drift check compares emitted text, which needs no compilation (generate compiles before it writes).
            var checking = result.GetValue(check);
            var outputs = await run.GenerateAsync(entries, compile: !checking, cancellationToken);
            foreach (var output in outputs)
            {
                var repairs = output.Spec.Repairs.Count > 0 ? $", {output.Spec.Repairs.Count} YAML lines repaired" : string.Empty;
                var marked = inputs.Family.MarksAvailability ? $", {output.MarkedMembers} members marked Since" : string.Empty;
                Console.WriteLine($"{output.Model.Version.Label}: {output.Model.Types.Count} types, {output.Model.Operations.Count} operations, {output.Spec.Patches.Count} patches{repairs}, {output.CSharpLines} lines of C#{marked}{(checking ? string.Empty : $", compiled in {output.Timings.Compile.TotalSeconds:0.0} s")}");
            }

            if (inputs.Family.MarksAvailability && run.LastHistory is { } history)
            {
                Console.WriteLine($"Availability history of {history.History.Versions.Count} locked versions {(history.FromCache ? "read from the cache" : "built from their specs")} in {history.Elapsed.TotalSeconds:0.00} s.");
            }

            if (checking)
            {
                var drift = run.CheckDrift(outputs);
                foreach (var item in drift)
                {
                    Console.Error.WriteLine($"{item.Kind.ToString().ToLowerInvariant()}: {item.Path}");
                }

                Console.WriteLine(drift.Count == 0
                    ? "Generated code is up to date."
                    : $"{drift.Count} generated files are stale: run `dockerapigen generate{GeneratorInputs.FamilyOption(inputs.Family)}` and commit the result.");
                return drift.Count == 0 ? 0 : 1;
            }

            var written = run.Write(outputs);
            Console.WriteLine(written.Count == 0 ? "src/ was already up to date." : $"{written.Count} files written or removed under src/.");
            return 0;
        });
        return command;
    }
}
