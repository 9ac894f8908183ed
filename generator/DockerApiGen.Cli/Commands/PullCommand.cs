using System.CommandLine;
using DockerApiGen.Generator.Pipeline;
using DockerApiGen.Generator.Specs;

namespace DockerApiGen.Cli.Commands;

/// <summary><c>pull</c>: fetch the locked specs into the cache, verifying each hash.</summary>
internal static class PullCommand
{
    public static Command Create()
    {
        var force = new Option<bool>("--force") { Description = "Fetch again even when the cache holds a verified copy." };
        var command = new Command("pull", "Fetch the locked specs into .cache/specs and verify each sha256; writes nothing unless every spec verifies.")
        {
            CommonOptions.Source, CommonOptions.Versions, force,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var inputs = GeneratorInputs.Load(CommonOptions.ReadOnlyLayout(result));
            var entries = CommonOptions.Select(inputs, result, inputs.Lock.Entries);
            var source = SpecSource.Resolve(result.GetValue(CommonOptions.Source));
            var pulled = await inputs.Cache.PullAsync(entries, source, result.GetValue(force), cancellationToken);
            foreach (var item in pulled)
            {
                Console.WriteLine($"v{item.Version}: {(item.Outcome == PullOutcome.Fetched ? "fetched and verified" : "already cached")} ({Path.GetRelativePath(inputs.Layout.Root, item.CachePath)})");
            }

            Console.WriteLine($"{pulled.Count(p => p.Outcome == PullOutcome.Fetched)} fetched, {pulled.Count(p => p.Outcome == PullOutcome.AlreadyCached)} already cached, from {source}.");
            return 0;
        });
        return command;
    }
}
