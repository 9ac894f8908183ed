namespace DockerApiGen.Generator.Diagnostics;

/// <summary>Generation stopped because of one or more <see cref="SpecProblem"/>s; nothing was written.</summary>
public sealed class GenerationException : Exception
{
    /// <summary>Creates the exception for a single problem.</summary>
    /// <param name="problem">What is wrong.</param>
    public GenerationException(SpecProblem problem)
        : this([problem])
    {
    }

    /// <summary>Creates the exception for several problems found in one pass.</summary>
    /// <param name="problems">What is wrong, at least one.</param>
    public GenerationException(IReadOnlyList<SpecProblem> problems)
        : base(FormatMessage(problems))
    {
        Problems = problems;
    }

    /// <summary>Every problem found, in the order found.</summary>
    public IReadOnlyList<SpecProblem> Problems { get; }

    private static string FormatMessage(IReadOnlyList<SpecProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        const int shown = 20;
        var lines = problems.Take(shown).Select(p => p.ToString()).ToList();
        if (problems.Count > shown)
        {
            lines.Add($"… and {problems.Count - shown} more.");
        }

        return string.Join(Environment.NewLine, lines);
    }
}
