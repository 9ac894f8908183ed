using System.CommandLine;
using DockerApiGen.Generator.Pipeline;
using DockerApiGen.Generator.Specs;

namespace DockerApiGen.Cli.Commands;

/// <summary><c>add-version</c>: pin a new Engine API version and generate its package.</summary>
internal static class AddVersionCommand
{
    public static Command Create()
    {
        var version = new Argument<string>("version") { Description = "The new API version, e.g. 1.56." };
        var url = new Option<string?>("--url") { Description = "The upstream url to pin (default: the previous version's url with the file name changed)." };
        var command = new Command("add-version", "Read a new spec, generate and compile it, then write its lock entry, package project, generated code and surface snapshot.")
        {
            version, CommonOptions.Source, url,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var layout = CommonOptions.Layout(result);
            var added = await VersionAdder.AddAsync(
                layout,
                ApiVersion.Parse(result.GetValue(version)!),
                SpecSource.Resolve(result.GetValue(CommonOptions.Source)),
                result.GetValue(url) is { } pinned ? new Uri(pinned) : null,
                cancellationToken);
            Console.WriteLine($"v{added.Entry.Version}: pinned sha256 {added.Entry.Sha256} ({added.Entry.Url}).");
            Console.WriteLine($"  {added.Output.Model.Types.Count} types, {added.Output.Model.Operations.Count} operations, {added.Output.CSharpLines} lines of C#.");
            Console.WriteLine(added.ProjectWritten
                ? $"  Wrote {Path.GetRelativePath(layout.Root, layout.ProjectFolder(added.Entry.Version))}{(added.AddedToSolution ? " and added it to the solution" : string.Empty)}."
                : "  Outside the committed range (specs/generation.yaml): no package project written.");
            if (added.Remarked.Count > 0)
            {
                Console.WriteLine($"  Availability markers changed in {string.Join(", ", added.Remarked.Select(v => "v" + v))} (what v{added.Entry.Version} removes or deprecates): code and surface snapshots rewritten.");
            }

            Console.WriteLine("  Surface snapshot written. Review with `git diff`, then run the tests.");
            return 0;
        });
        return command;
    }
}
