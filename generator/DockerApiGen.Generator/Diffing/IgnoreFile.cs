using DockerApiGen.Generator.Diagnostics;

namespace DockerApiGen.Generator.Diffing;

/// <summary>
/// Accepted changes, one per line: a fingerprint (<c>3fa2c1d09b7e</c>) or a rule id and a target
/// (<c>property-removed-response ContainerSummary.Foo</c>); <c>#</c> starts a comment.
/// </summary>
/// <param name="Fingerprints">Accepted fingerprints.</param>
/// <param name="RuleTargets">Accepted (rule id, target) pairs.</param>
public sealed record IgnoreFile(IReadOnlySet<string> Fingerprints, IReadOnlySet<(string Rule, string Target)> RuleTargets)
{
    /// <summary>Accepts nothing.</summary>
    public static IgnoreFile None { get; } = new(new HashSet<string>(), new HashSet<(string, string)>());

    /// <summary>Whether a change is accepted.</summary>
    /// <param name="change">The change.</param>
    public bool Accepts(ApiChange change)
        => Fingerprints.Contains(change.Fingerprint) || RuleTargets.Contains((change.RuleId, change.Target));

    /// <summary>Reads an ignore file.</summary>
    /// <param name="path">The file.</param>
    /// <exception cref="GenerationException">A line is neither form, or names an unknown rule.</exception>
    public static IgnoreFile Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new GenerationException(new SpecProblem(path, null, null, null, "The ignore file does not exist."));
        }

        var fingerprints = new HashSet<string>(StringComparer.Ordinal);
        var ruleTargets = new HashSet<(string, string)>();
        var rules = DiffRules.All.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var problems = new List<SpecProblem>();
        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            var text = lines[i].Split('#')[0].Trim();
            if (text.Length == 0)
            {
                continue;
            }

            var parts = text.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (parts.Length == 1 && parts[0].Length == 12 && parts[0].All(Uri.IsHexDigit))
            {
                fingerprints.Add(parts[0].ToLowerInvariant());
            }
            else if (parts.Length == 2 && rules.Contains(parts[0]))
            {
                ruleTargets.Add((parts[0], parts[1]));
            }
            else
            {
                problems.Add(new SpecProblem(path, i + 1, 1, null, $"'{text}' is neither a 12-digit fingerprint nor a known rule id followed by a target.", "See the rule table in docs/api-diff.md."));
            }
        }

        return problems.Count > 0 ? throw new GenerationException(problems) : new IgnoreFile(fingerprints, ruleTargets);
    }
}
