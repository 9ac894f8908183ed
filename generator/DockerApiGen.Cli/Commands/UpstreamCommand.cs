using System.CommandLine;
using DockerApiGen.Generator.Pipeline;
using DockerApiGen.Generator.Upstream;

namespace DockerApiGen.Cli.Commands;

/// <summary><c>upstream</c>: which Engine API versions upstream has that the lock does not, and adding them.</summary>
internal static class UpstreamCommand
{
    public static Command Create()
    {
        var reference = new Option<string>("--ref") { Description = "The upstream branch, tag or commit to look at.", DefaultValueFactory = _ => "master" };
        var add = new Option<bool>("--add") { Description = "Add every newer version (as add-version does), pinned at the scanned commit." };
        var apiUrl = new Option<string?>("--api-url") { Description = $"GitHub's API base address (default {UpstreamRepository.GitHubApi})." };
        var rawUrl = new Option<string?>("--raw-url") { Description = $"GitHub's raw file base address (default {UpstreamRepository.GitHubRaw})." };
        var command = new Command("upstream", "Look upstream (moby/moby: api/docs/ and api/swagger.yaml at a ref) for Engine API versions newer than the lock; exit 1 when there are some and --add is not given.")
        {
            reference, add, apiUrl, rawUrl,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var layout = CommonOptions.Layout(result);
            var repository = UpstreamRepository.Engine.WithBases(
                result.GetValue(apiUrl) is { } api ? new Uri(api) : null,
                result.GetValue(rawUrl) is { } raw ? new Uri(raw) : null);
            var status = await UpstreamUpdater.CheckAsync(layout, repository, result.GetValue(reference)!, cancellationToken);
            var snapshot = status.Snapshot;
            var released = snapshot.Specs.Where(s => s.Released).ToList();
            Console.WriteLine($"{snapshot.Repository} at {snapshot.Reference} (commit {snapshot.Commit}): "
                + released.Count switch
                {
                    0 => $"{snapshot.Repository.ReleasedFolder}/ has no specs",
                    1 => $"{snapshot.Repository.ReleasedFolder}/ has v{released[0].Version}",
                    _ => $"{snapshot.Repository.ReleasedFolder}/ has v{released[0].Version}–v{released[^1].Version}",
                }
                + (snapshot.Specs.FirstOrDefault(s => !s.Released) is { } current ? $"; {current.Path} is v{current.Version} (under development)." : "."));
            Console.WriteLine($"The lock's newest version is v{status.LockedLatest}.");
            if (status.Newer.Count == 0)
            {
                Console.WriteLine("Nothing newer upstream.");
                return 0;
            }

            Console.WriteLine("Newer upstream:");
            foreach (var spec in status.Newer)
            {
                Console.WriteLine($"  v{spec.Version}  {spec.Url}{(spec.Released ? string.Empty : "  (under development: it may still change before release)")}");
            }

            if (!result.GetValue(add))
            {
                Console.WriteLine("Add them with `dockerapigen upstream --add`, then run build/test.sh.");
                return 1;
            }

            await UpstreamUpdater.AddNewerAsync(layout, status, added => AddVersionCommand.Print(GeneratorInputs.Load(layout), added), cancellationToken);
            Console.WriteLine("Review with `git diff`, then run build/test.sh.");
            return 0;
        });
        return command;
    }
}
