using DockerApiGen.Generator.Diagnostics;
using DockerApiGen.Generator.Loading;
using DockerApiGen.Generator.Tests.Support;

namespace DockerApiGen.Generator.Tests.Loading;

public sealed class YamlRepairTests
{
    private const string Broken = """
        SecurityOpt:
          type: "array"
          description: "A list of string values to customize labels for MLS
          systems, such as SELinux."
          items:
            type: "string"
        """;

    [Fact]
    public void Re_indents_only_the_under_indented_continuation()
    {
        var result = YamlRepair.Repair(Broken);

        var change = Assert.Single(result.Changes);
        Assert.Equal(new YamlRepairChange(4, 2, 4), change);
        var before = Broken.Split('\n');
        var after = result.Text.Split('\n');
        Assert.Equal(before.Length, after.Length);
        Assert.Equal("    systems, such as SELinux.\"", after[3]);
        Assert.Equal(before.Where((_, i) => i != 3), after.Where((_, i) => i != 3));
    }

    [Fact]
    public void The_repaired_text_parses_and_the_original_does_not()
    {
        Assert.Throws<GenerationException>(() => YamlToJson.Parse(Broken, "broken.yaml"));
        var (json, _) = YamlToJson.Parse(YamlRepair.Repair(Broken).Text, "repaired.yaml");
        Assert.Equal("A list of string values to customize labels for MLS systems, such as SELinux.", (string?)json["SecurityOpt"]!["description"]);
    }

    [Fact]
    public void Leaves_block_scalars_and_closed_quotes_alone()
    {
        const string text = """
            a:
              description: |
                Looks like: "an open quote
              b: "closed"
            c: "multi
              line, properly indented"
            """;
        var result = YamlRepair.Repair(text);
        Assert.Empty(result.Changes);
        Assert.Same(text, result.Text);
    }

    [Fact]
    public void Escaped_quotes_do_not_close_the_scalar()
    {
        const string text = "k:\n  d: \"say \\\"hi\\\"\nnext line\"\n";
        var result = YamlRepair.Repair(text);
        Assert.Equal(3, Assert.Single(result.Changes).Line);
    }

    [Fact]
    public void Every_spec_before_1_39_needs_repair_and_none_after()
    {
        if (TestRepository.SpecSource is not Generator.Specs.SpecSource.MirrorFolderSource mirror)
        {
            Assert.Skip("The real specs are only read from a mirror folder here.");
            return;
        }

        foreach (var file in Directory.GetFiles(mirror.Folder, "v1.*.yaml"))
        {
            var version = Generator.Specs.ApiVersion.Parse(Path.GetFileNameWithoutExtension(file));
            var changes = YamlRepair.Repair(File.ReadAllText(file)).Changes;
            Assert.True(version < Generator.Specs.ApiVersion.Parse("1.39") ? changes.Count > 0 : changes.Count == 0, $"v{version}: {changes.Count} repairs");
        }
    }
}
