using System.CommandLine;
using DockerApiGen.Cli.Commands;
using DockerApiGen.Generator.Diagnostics;

namespace DockerApiGen.Cli;

/// <summary>The <c>dockerapigen</c> command line: its commands, and how a run turns problems into exit codes.</summary>
internal static class CliApplication
{
    /// <summary>The root command with every subcommand.</summary>
    public static RootCommand Create()
    {
        var root = new RootCommand("DockerApiGen: generates typed C# clients for Docker's APIs (every Engine API version, the Hub, the Registry) from their specs.")
        {
            PullCommand.Create(),
            GenerateCommand.Create(),
            AddVersionCommand.Create(),
            UpstreamCommand.Create(),
            AcceptSurfaceCommand.Create(),
            BenchCommand.Create(),
            DiffCommand.Create(),
        };
        root.Options.Add(CommonOptions.Repo);
        return root;
    }

    /// <summary>Runs a command line: 0 success, 1 drift (or a diff at the failing level), 2 bad input.</summary>
    /// <param name="args">The arguments.</param>
    public static async Task<int> RunAsync(string[] args)
    {
        try
        {
            return await Create().Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (GenerationException ex)
        {
            // Problems name file, line and what to do; print them alone, without a stack trace.
            await Console.Error.WriteLineAsync(ex.Message);
            return 2;
        }
        catch (FormatException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 2;
        }
    }
}
