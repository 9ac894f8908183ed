using System.CommandLine;
using DockerApiGen.Generator.Diagnostics;
using DockerApiGen.Generator.Pipeline;
using DockerApiGen.Generator.Specs;

namespace DockerApiGen.Cli;

/// <summary>Options several commands share, and how to turn them into generator inputs.</summary>
internal static class CommonOptions
{
    public static Option<string?> Repo { get; } = new("--repo")
    {
        Description = "The repository root (default: found from the current folder).",
        Recursive = true,
    };

    public static Option<string> Family { get; } = new("--family")
    {
        Description = $"The spec family: a folder under specs/ with a {SpecFamily.DescriptorFileName} (engine, hub, registry).",
        DefaultValueFactory = _ => SpecFamily.DefaultName,
    };

    public static Option<string?> Source { get; } = new("--source")
    {
        Description = $"Where to pull specs from: a mirror folder or url (default: the family's mirror variable, ${SpecSource.EnvironmentVariable} for the Engine, else upstream).",
    };

    public static Option<string[]> Versions { get; } = new("--version")
    {
        Description = "Only these versions (repeatable, e.g. --version 1.41 --version 1.47, or --version 2025-03 with --family hub).",
        AllowMultipleArgumentsPerToken = true,
    };

    public static RepositoryLayout Layout(ParseResult result)
        => result.GetValue(Repo) is { } repo ? new RepositoryLayout(Path.GetFullPath(repo)) : RepositoryLayout.Find(Environment.CurrentDirectory);

    /// <summary>The inputs of the family the command names (the Engine by default).</summary>
    public static GeneratorInputs Inputs(ParseResult result)
        => GeneratorInputs.Load(Layout(result), result.GetValue(Family) ?? SpecFamily.DefaultName);

    /// <summary>The family's spec source for the command's <c>--source</c>.</summary>
    public static SpecSource SourceOf(GeneratorInputs inputs, ParseResult result) => inputs.ResolveSource(result.GetValue(Source));

    /// <summary>
    /// For commands that only read the specs (pull, diff): the repository when there is one, else the spec lock,
    /// patches and naming files the installed tool ships beside itself, with the cache in the user's data folder.
    /// </summary>
    public static RepositoryLayout ReadOnlyLayout(ParseResult result)
    {
        if (result.GetValue(Repo) is not null)
        {
            return Layout(result);
        }

        try
        {
            return RepositoryLayout.Find(Environment.CurrentDirectory);
        }
        catch (GenerationException) when (File.Exists(Path.Combine(AppContext.BaseDirectory, "specs", SpecFamily.DefaultName, SpecFamily.DescriptorFileName)))
        {
            var cache = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "dockerapigen", "specs");
            return new RepositoryLayout(AppContext.BaseDirectory, cache);
        }
    }

    /// <summary>For commands that only read the specs (pull, diff): the named family's inputs, from the repository or from the files the tool ships.</summary>
    public static GeneratorInputs ReadOnlyInputs(ParseResult result)
        => GeneratorInputs.Load(ReadOnlyLayout(result), result.GetValue(Family) ?? SpecFamily.DefaultName);

    public static IReadOnlyList<SpecLockEntry> Select(GeneratorInputs inputs, ParseResult result, IReadOnlyList<SpecLockEntry> defaults)
    {
        var wanted = result.GetValue(Versions) ?? [];
        return wanted.Length == 0 ? defaults : wanted.Select(v => inputs.Lock.Get(inputs.Family.ParseVersion(v))).Distinct().OrderBy(e => e.Version).ToList();
    }
}
