using System.CommandLine;
using DockerApiGen.Generator.Specs;
using DockerApiGen.Generator.Pipeline;

namespace DockerApiGen.Cli.Commands;

/// <summary><c>add-version</c>: pin a new version of a family (an Engine API version, a Hub snapshot) and generate its package.</summary>
internal static class AddVersionCommand
{
    public static Command Create()
    {
        var version = new Argument<string>("version") { Description = "The new version, e.g. 1.56 (or 2025-09 with --family hub)." };
        var url = new Option<string?>("--url")
        {
            Description = "The upstream url to pin, at a fixed commit. Required when --source is a folder; otherwise the url the spec was read from. Checked against the spec's sha256 when the network allows.",
        };
        var command = new Command("add-version", "Read a new spec, generate and compile it, then write its lock entry, package project, generated code and surface snapshot.")
        {
            version, CommonOptions.Family, CommonOptions.Source, url,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var inputs = CommonOptions.Inputs(result);
            var layout = inputs.Layout;
            var added = await VersionAdder.AddAsync(
                inputs,
                inputs.Family.ParseVersion(result.GetValue(version)!),
                CommonOptions.SourceOf(inputs, result),
                result.GetValue(url) is { } pinned ? new Uri(pinned) : null,
                cancellationToken);
            Print(inputs, added);
            Console.WriteLine("Review with `git diff`, then run build/test.sh.");
            return 0;
        });
        return command;
    }

    /// <summary>Prints what one addition did.</summary>
    public static void Print(GeneratorInputs inputs, AddVersionResult added)
    {
        var layout = inputs.Layout;
        Console.WriteLine($"{added.Entry.Version.Label}: pinned sha256 {added.Entry.Sha256} ({added.Entry.Url}).");
        Console.WriteLine(added.UrlCheck switch
        {
            UrlCheck.Verified => "  The url serves the same file (sha256 checked).",
            UrlCheck.Unreachable => $"  Warning: the url could not be reached to check it ({added.UrlCheckDetail}); once online, run `dockerapigen pull --force --version {added.Entry.Version}` with neither --source nor {SpecSource.EnvironmentVariable} to check it.",
            _ => "  Read from that url.",
        });
        Console.WriteLine($"  {added.Output.Model.Types.Count} types, {added.Output.Model.Operations.Count} operations, {added.Output.CSharpLines} lines of C#.");
        Console.WriteLine(added.ProjectWritten
            ? $"  Wrote {Path.GetRelativePath(layout.Root, inputs.ProjectFolder(added.Entry.Version))}{(added.AddedToSolution ? " and added it to the solution" : string.Empty)}."
            : $"  Not a committed version ({Path.GetRelativePath(layout.Root, inputs.Family.File)}: committed {inputs.Family.CommittedDescription}): no package project written.");
        if (added.Remarked.Count > 0)
        {
            Console.WriteLine($"  Availability markers changed in {string.Join(", ", added.Remarked.Select(v => v.Label))} (what {added.Entry.Version.Label} removes or deprecates): their code and surface snapshots were rewritten.");
        }

        Console.WriteLine("  Surface snapshot written.");
    }
}
