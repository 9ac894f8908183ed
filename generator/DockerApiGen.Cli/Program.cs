using System.CommandLine;
using DockerApiGen.Cli;
using DockerApiGen.Cli.Commands;
using DockerApiGen.Generator.Diagnostics;

var root = new RootCommand("DockerApiGen: generates typed C# clients for every Docker Engine API version from Docker's specs.")
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

try
{
    return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (GenerationException ex)
{
    // Problems name file, line and what to do; print them alone, without a stack trace.
    Console.Error.WriteLine(ex.Message);
    return 2;
}
catch (FormatException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}
