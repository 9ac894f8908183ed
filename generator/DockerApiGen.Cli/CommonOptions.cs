using System.CommandLine;
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

    public static Option<string?> Source { get; } = new("--source")
    {
        Description = $"Where to pull specs from: a mirror folder or url (default: ${SpecSource.EnvironmentVariable}, else upstream).",
    };

    public static Option<string[]> Versions { get; } = new("--version")
    {
        Description = "Only these versions (repeatable, e.g. --version 1.41 --version 1.47).",
        AllowMultipleArgumentsPerToken = true,
    };

    public static RepositoryLayout Layout(ParseResult result)
        => result.GetValue(Repo) is { } repo ? new RepositoryLayout(Path.GetFullPath(repo)) : RepositoryLayout.Find(Environment.CurrentDirectory);

    public static IReadOnlyList<SpecLockEntry> Select(GeneratorInputs inputs, ParseResult result, IReadOnlyList<SpecLockEntry> defaults)
    {
        var wanted = result.GetValue(Versions) ?? [];
        return wanted.Length == 0 ? defaults : wanted.Select(v => inputs.Lock.Get(ApiVersion.Parse(v))).Distinct().OrderBy(e => e.Version).ToList();
    }
}
