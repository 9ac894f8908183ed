using System.CommandLine;
using DockerApiGen.Generator.Pipeline;
using DockerApiGen.Generator.Specs;
using DockerApiGen.Generator.Surface;

namespace DockerApiGen.Cli.Commands;

/// <summary><c>accept-surface</c>: make the received public-surface snapshots the verified ones.</summary>
internal static class AcceptSurfaceCommand
{
    public static Command Create()
    {
        var versions = new Argument<string[]>("versions") { Description = "Versions whose received surface to accept (default: every version with one).", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("accept-surface", "Accept changed public surfaces: *.received.txt (written by a failing snapshot test) becomes *.verified.txt.")
        {
            versions,
        };
        command.SetAction(result =>
        {
            var layout = CommonOptions.Layout(result);
            var snapshots = new SurfaceSnapshots(layout.SnapshotsFolder);
            var wanted = (result.GetValue(versions) ?? []).Select(ApiVersion.Parse).ToList();
            if (wanted.Count == 0 && Directory.Exists(layout.SnapshotsFolder))
            {
                wanted = Directory.EnumerateFiles(layout.SnapshotsFolder, "*.received.txt")
                    .Select(f => ApiVersion.Parse(Path.GetFileName(f).Split('.')[0]))
                    .Order()
                    .ToList();
            }

            var accepted = wanted.Where(snapshots.Accept).ToList();
            Console.WriteLine(accepted.Count == 0 ? "Nothing to accept: no received surfaces." : $"Accepted: {string.Join(", ", accepted.Select(v => "v" + v))}.");
            return 0;
        });
        return command;
    }
}
