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
        var command = new Command("bench", "Measure pull + load + generate + compile of every locked version, and of one alone, into a temporary cache; print the figures.")
        {
            CommonOptions.Source, single,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
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
