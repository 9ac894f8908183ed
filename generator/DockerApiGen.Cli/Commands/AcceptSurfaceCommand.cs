using System.CommandLine;
using DockerApiGen.Generator.Surface;

namespace DockerApiGen.Cli.Commands;

/// <summary><c>accept-surface</c>: make a family's received public-surface snapshots the verified ones.</summary>
internal static class AcceptSurfaceCommand
{
    public static Command Create()
    {
        var versions = new Argument<string[]>("versions") { Description = "Versions whose received surface to accept (default: every package of the family with one).", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("accept-surface", "Accept changed public surfaces: *.received.txt (written by a failing snapshot test) becomes *.verified.txt.")
        {
            versions, CommonOptions.Family,
        };
        command.SetAction(result =>
        {
            var inputs = CommonOptions.Inputs(result);
            var snapshots = new SurfaceSnapshots(inputs.Layout.SnapshotsFolder);
            var wanted = (result.GetValue(versions) ?? []).Select(v => inputs.SnapshotOf(inputs.Family.ParseVersion(v))).ToList();
            if (wanted.Count == 0)
            {
                // Every package of the family: one per locked version, or the family's single one.
                wanted = inputs.Lock.Entries
                    .Select(e => inputs.SnapshotOf(e.Version))
                    .DistinctBy(s => s.Name)
                    .Where(s => File.Exists(snapshots.ReceivedPath(s.Name)))
                    .ToList();
            }

            var accepted = wanted.Where(s => snapshots.Accept(s.Name)).ToList();
            Console.WriteLine(accepted.Count == 0 ? "Nothing to accept: no received surfaces." : $"Accepted: {string.Join(", ", accepted.Select(s => s.Label))}.");
            return 0;
        });
        return command;
    }
}
