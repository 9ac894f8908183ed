using DockerApiGen.Cli;

return await CliApplication.RunAsync(args);
