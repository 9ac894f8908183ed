using System.CommandLine;
using DockerApiGen.Generator.Pipeline;
using DockerApiGen.Generator.Specs;

namespace DockerApiGen.Cli.Commands;

/// <summary><c>bench</c>: time pull + load + generate + compile for all versions and for one.</summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var single = new Option<string>("--single") { Description = "The version timed alone.", DefaultValueFactory = _ => "1.41" };
        var diff = new Option<bool>("--diff") { Description = "Measure the API diff instead: model loading, one pair (--single and the next version), the whole range, the C# surface diff." };
        var command = new Command("bench", "Measure pull + load + generate + compile of every locked version, and of one alone, into a temporary cache; print the figures.")
        {
            CommonOptions.Source, single, diff,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            if (result.GetValue(diff))
            {
                var layout = CommonOptions.Layout(result);
                var from = ApiVersion.Parse(result.GetValue(single)!);
                var to = GeneratorInputs.Load(layout).Lock.Entries.Select(e => e.Version).FirstOrDefault(v => v > from);
                Console.Write(await DiffBenchmark.RunAsync(layout, SpecSource.Resolve(result.GetValue(CommonOptions.Source)), from, to == default ? from : to, cancellationToken));
                return 0;
            }

            Console.Write(await GenerationBenchmark.RunAsync(
                CommonOptions.Layout(result),
                SpecSource.Resolve(result.GetValue(CommonOptions.Source)),
                ApiVersion.Parse(result.GetValue(single)!),
                cancellationToken));
            return 0;
        });
        return command;
    }
}
