using System.CommandLine;
using DockerApiGen.Generator.Specs;

namespace DockerApiGen.Cli.Commands;

/// <summary><c>pull</c>: fetch a family's locked specs into the cache, verifying each hash.</summary>
internal static class PullCommand
{
    public static Command Create()
    {
        var force = new Option<bool>("--force") { Description = "Fetch again even when the cache holds a verified copy." };
        var command = new Command("pull", "Fetch the locked specs into .cache/specs and verify each sha256; writes nothing unless every spec verifies.")
        {
            CommonOptions.Family, CommonOptions.Source, CommonOptions.Versions, force,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var inputs = CommonOptions.ReadOnlyInputs(result);
            var entries = CommonOptions.Select(inputs, result, inputs.Lock.Entries);
            var source = CommonOptions.SourceOf(inputs, result);
            var pulled = await inputs.Cache.PullAsync(entries, source, result.GetValue(force), cancellationToken);
            foreach (var item in pulled)
            {
                var outcome = item.Outcome switch
                {
                    PullOutcome.Fetched => "fetched and verified",
                    PullOutcome.InRepository => "a document of the repository",
                    _ => "already cached",
                };
                Console.WriteLine($"{item.Version.Label}: {outcome} ({Path.GetRelativePath(inputs.Layout.Root, item.CachePath)})");
            }

            var inRepository = pulled.Count(p => p.Outcome == PullOutcome.InRepository);
            Console.WriteLine($"{pulled.Count(p => p.Outcome == PullOutcome.Fetched)} fetched, {pulled.Count(p => p.Outcome == PullOutcome.AlreadyCached)} already cached{(inRepository > 0 ? $", {inRepository} in the repository" : string.Empty)}, from {source}.");
            return 0;
        });
        return command;
    }
}
