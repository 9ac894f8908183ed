using System.CommandLine;
using DockerApiGen.Generator.Diffing;
using DockerApiGen.Generator.Pipeline;

namespace DockerApiGen.Cli.Commands;

/// <summary><c>diff</c>: what changed between two API versions, and what breaks a client.</summary>
internal static class DiffCommand
{
    public static Command Create()
    {
        var from = new Argument<string>("from") { Description = "The older side: a locked version of the family (1.41, 2024-08) or a spec file." };
        var to = new Argument<string>("to") { Description = "The newer side: a locked version or a spec file." };
        var format = new Option<string>("--format") { Description = "text (default), markdown or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "markdown", "json");
        var failOn = new Option<string?>("--fail-on") { Description = "Exit 1 when a change is at least this level: breaking or possibly-breaking." };
        failOn.AcceptOnlyFromAmong("breaking", "possibly-breaking");
        var steps = new Option<bool>("--steps") { Description = "Report every adjacent pair of locked versions between the two, then the cumulative change." };
        var surface = new Option<bool>("--surface") { Description = "Also diff the generated C# public surfaces (each side is generated and compiled in memory: a few seconds per version)." };
        var ignore = new Option<string?>("--ignore") { Description = "A file of accepted changes (fingerprints, or rule id + target per line)." };
        var command = new Command("diff", "Diff two versions of a spec family at spec level: each change with a rule id, a level (breaking, possibly breaking, non-breaking) and a fingerprint.")
        {
            from, to, format, failOn, steps, surface, ignore, CommonOptions.Family, CommonOptions.Source,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var inputs = CommonOptions.ReadOnlyInputs(result);
            var runner = new DiffRunner(inputs, CommonOptions.SourceOf(inputs, result)) { IncludeSurface = result.GetValue(surface) };
            var accepted = result.GetValue(ignore) is { } path ? IgnoreFile.Load(path) : IgnoreFile.None;
            var reports = await runner.RunAsync(result.GetValue(from)!, result.GetValue(to)!, result.GetValue(steps), accepted, cancellationToken);
            var colour = !Console.IsOutputRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
            Console.Write(result.GetValue(format) switch
            {
                "json" => DiffFormatter.Json(reports),
                "markdown" => string.Join("\n", reports.Select(DiffFormatter.Markdown)),
                _ => string.Join("\n", reports.Select(r => DiffFormatter.Text(r, colour))),
            });
            var threshold = result.GetValue(failOn) switch
            {
                "breaking" => ChangeLevel.Breaking,
                "possibly-breaking" => ChangeLevel.PossiblyBreaking,
                _ => (ChangeLevel?)null,
            };
            return threshold is { } level && reports.Any(r => r.HasAtLeast(level)) ? 1 : 0;
        });
        return command;
    }
}
