using DockerApiGen.Generator.Diffing;
using DockerApiGen.Generator.Model;
using DockerApiGen.Generator.Pipeline;
using DockerApiGen.Generator.Specs;
using DockerApiGen.Generator.Tests.Support;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace DockerApiGen.Generator.Tests.Diffing;

/// <summary>
/// The spec diff against Docker's own changelog: each bullet a spec can show (ChangelogFacts.yaml, in our
/// words) must be reported with the rule and target it lists, on the real specs of that version and the one
/// before. The recall figure this computes is the one the README and docs/api-diff.md state.
/// </summary>
public sealed class ChangelogRecallTests
{
    private static readonly string FactsPath = Path.Combine(TestRepository.Layout.Root, "tests", "DockerApiGen.Generator.Tests", "Diffing", "ChangelogFacts.yaml");

    [Fact]
    public async Task The_diff_finds_the_changelog_facts_a_spec_can_show_and_the_docs_state_the_recall()
    {
        var facts = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build()
            .Deserialize<FactsFile>(await File.ReadAllTextAsync(FactsPath, TestContext.Current.CancellationToken));
        var inputs = GeneratorInputs.Load(TestRepository.Layout);
        var runner = new DiffRunner(inputs, TestRepository.SpecSource);
        var models = new Dictionary<ApiVersion, ApiModel>();
        async Task<ApiModel> Model(ApiVersion version)
            => models.TryGetValue(version, out var model) ? model : models[version] = await runner.LoadAsync(version.ToString(), TestContext.Current.CancellationToken);

        var results = new List<(string Version, ChangelogFact Fact, int Found, List<string> Missing)>();
        foreach (var (key, version) in facts.Versions)
        {
            var to = ApiVersion.Parse(key);
            var changes = SpecDiffer.Diff(await Model(new ApiVersion(to.Major, to.Minor - 1)), await Model(to))
                .Select(c => $"{c.RuleId} {c.Target}")
                .ToHashSet(StringComparer.Ordinal);
            results.AddRange(version.Shown.Select(fact => (key, fact, fact.Expect.Count(changes.Contains), fact.Expect.Where(e => !changes.Contains(e)).ToList())));
        }

        var found = results.Count(r => r.Found == r.Fact.Expect.Count);
        var partly = results.Count(r => r.Found > 0 && r.Found < r.Fact.Expect.Count);
        var missed = results.Count(r => r.Found == 0);
        foreach (var (version, fact, hits, missing) in results.Where(r => r.Missing.Count > 0))
        {
            TestContext.Current.TestOutputHelper?.WriteLine($"v{version}: {hits} of {fact.Expect.Count} for \"{fact.Text}\" ({fact.Missed ?? "not marked missed"}); not reported: {string.Join(", ", missing)}");
        }

        var unexpected = results.Where(r => r.Fact.Missed is null && r.Missing.Count > 0).Select(r => $"v{r.Version}: {r.Fact.Text} (not reported: {string.Join(", ", r.Missing)})").ToList();
        Assert.True(unexpected.Count == 0, "Not found, though not marked missed:\n" + string.Join("\n", unexpected));
        var nowFound = results.Where(r => r.Fact.Missed is not null && r.Found == r.Fact.Expect.Count).Select(r => $"v{r.Version}: {r.Fact.Text}").ToList();
        Assert.True(nowFound.Count == 0, "Found now: remove their `missed` mark and update the recall figure in README.md and docs/api-diff.md:\n" + string.Join("\n", nowFound));

        var figure = $"{found} of {results.Count} found, {partly} partly, {missed} missed";
        foreach (var document in new[] { "README.md", Path.Combine("docs", "api-diff.md") })
        {
            var text = await File.ReadAllTextAsync(Path.Combine(TestRepository.Layout.Root, document), TestContext.Current.CancellationToken);
            Assert.True(text.Contains(figure, StringComparison.Ordinal), $"{document} must state the changelog recall as \"{figure}\".");
        }
    }

    [Fact]
    public void Every_fact_names_a_rule_the_diff_has()
    {
        var facts = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build()
            .Deserialize<FactsFile>(File.ReadAllText(FactsPath));
        var rules = DiffRules.All.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var shown = facts.Versions.Values.SelectMany(v => v.Shown).ToList();
        Assert.NotEmpty(shown);
        Assert.All(shown, f => Assert.All(f.Expect, e => Assert.Contains(e.Split(' ')[0], rules)));
        Assert.All(facts.Versions.Values.SelectMany(v => v.NotShown), f => Assert.False(string.IsNullOrWhiteSpace(f.Reason)));
    }

    private sealed class FactsFile
    {
        public Dictionary<string, VersionFacts> Versions { get; set; } = [];
    }

    private sealed class VersionFacts
    {
        public List<ChangelogFact> Shown { get; set; } = [];

        public List<ChangelogFact> NotShown { get; set; } = [];
    }

    private sealed class ChangelogFact
    {
        [YamlMember(Alias = "fact")]
        public string Text { get; set; } = string.Empty;

        public List<string> Expect { get; set; } = [];

        public string? Missed { get; set; }

        public string? Reason { get; set; }
    }
}
