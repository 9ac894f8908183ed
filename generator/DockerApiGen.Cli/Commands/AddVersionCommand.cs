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
        var url = new Option<string?>("--url")
        {
            Description = "The upstream url to pin, at a fixed commit. Required when --source is a folder; otherwise the url the spec was read from. Checked against the spec's sha256 when the network allows.",
        };
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
            Print(layout, added);
            Console.WriteLine("Review with `git diff`, then run build/test.sh.");
            return 0;
        });
        return command;
    }

    /// <summary>Prints what one addition did.</summary>
    public static void Print(RepositoryLayout layout, AddVersionResult added)
    {
        Console.WriteLine($"v{added.Entry.Version}: pinned sha256 {added.Entry.Sha256} ({added.Entry.Url}).");
        Console.WriteLine(added.UrlCheck switch
        {
            UrlCheck.Verified => "  The url serves the same file (sha256 checked).",
            UrlCheck.Unreachable => $"  Warning: the url could not be reached to check it ({added.UrlCheckDetail}); once online, run `dockerapigen pull --force --version {added.Entry.Version}` with neither --source nor {SpecSource.EnvironmentVariable} to check it.",
            _ => "  Read from that url.",
        });
        Console.WriteLine($"  {added.Output.Model.Types.Count} types, {added.Output.Model.Operations.Count} operations, {added.Output.CSharpLines} lines of C#.");
        Console.WriteLine(added.ProjectWritten
            ? $"  Wrote {Path.GetRelativePath(layout.Root, layout.ProjectFolder(added.Entry.Version))}{(added.AddedToSolution ? " and added it to the solution" : string.Empty)}."
            : "  Outside the committed range (specs/generation.yaml): no package project written.");
        Console.WriteLine("  Surface snapshot written.");
    }
}
