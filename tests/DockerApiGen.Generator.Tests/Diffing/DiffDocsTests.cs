using DockerApiGen.Generator.Diffing;
using DockerApiGen.Generator.Tests.Support;

namespace DockerApiGen.Generator.Tests.Diffing;

public sealed class DiffDocsTests
{
    [Fact]
    public void The_rule_table_in_the_docs_lists_every_rule_with_its_level()
    {
        var docs = File.ReadAllText(Path.Combine(TestRepository.Layout.Root, "docs", "api-diff.md"));
        foreach (var rule in DiffRules.All)
        {
            var level = rule.Level switch
            {
                ChangeLevel.Breaking => "breaking",
                ChangeLevel.PossiblyBreaking => "possibly breaking",
                _ => "non-breaking",
            };
            Assert.Contains($"| `{rule.Id}` | {level} |", docs, StringComparison.Ordinal);
        }

        Assert.Equal(DiffRules.All.Count, DiffRules.All.Select(r => r.Id).Distinct().Count());
    }
}
