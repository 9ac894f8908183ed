using System.Text.Json.Nodes;
using DockerApiGen.Generator.Diagnostics;
using DockerApiGen.Generator.Loading;
using DockerApiGen.Generator.Patching;
using DockerApiGen.Generator.Specs;

namespace DockerApiGen.Generator.Tests.Patching;

/// <summary>The renameTo patch: a component (or definition) gets another key, every $ref follows, lines stay known.</summary>
public sealed class RenamePatchTests
{
    private static readonly ApiVersion March = new(2025, 3, VersionScheme.Date);

    private const string Yaml = """
        components:
          schemas:
            Error:
              type: object
            error:
              type: object
              properties:
                info:
                  $ref: '#/components/schemas/error/properties/detail'
                detail:
                  type: string
            after:
              type: string
          responses:
            bad:
              description: bad
              content:
                application/json:
                  schema:
                    $ref: '#/components/schemas/error'
        """;

    private static IReadOnlyList<SpecPatch> Patches(string yaml) => PatchFileReader.Read(yaml, "patches.yaml", VersionScheme.Date);

    private const string Rename = """
        patches:
          - id: error-case
            reason: differs from Error only in case
            versions: 2025-03+
            target: /components/schemas/error
            renameTo: detailed_error
        """;

    [Fact]
    public void Renames_the_key_in_place_and_points_every_reference_at_it()
    {
        var (document, map) = YamlToJson.Parse(Yaml, "doc.yaml");
        var applied = PatchApplier.Apply(document, March, Patches(Rename), map);

        Assert.Equal("error-case", Assert.Single(applied).Id);
        var schemas = document["components"]!["schemas"]!.AsObject();
        Assert.Equal(["Error", "detailed_error", "after"], schemas.Select(kv => kv.Key));
        Assert.Equal("#/components/schemas/detailed_error", (string?)document["components"]!["responses"]!["bad"]!["content"]!["application/json"]!["schema"]!["$ref"]);
        Assert.Equal("#/components/schemas/detailed_error/properties/detail", (string?)schemas["detailed_error"]!["properties"]!["info"]!["$ref"]);
        Assert.Equal(map.Find("/components/schemas/error/properties/detail"), map.Find("/components/schemas/detailed_error/properties/detail"));
        Assert.Equal(5, map.Find("/components/schemas/detailed_error")!.Value.Line);
    }

    [Fact]
    public void A_rename_fails_when_the_target_is_gone_or_the_new_key_is_taken()
    {
        var (document, map) = YamlToJson.Parse(Yaml, "doc.yaml");
        PatchApplier.Apply(document, March, Patches(Rename), map);

        // Applied again (upstream renamed it the same way): the old key is gone.
        var gone = Assert.Single(Assert.Throws<GenerationException>(() => PatchApplier.Apply(document, March, Patches(Rename), map)).Problems);
        Assert.Contains("no object at /components/schemas/error", gone.Message, StringComparison.Ordinal);

        var taken = Assert.Single(Assert.Throws<GenerationException>(() => PatchApplier.Apply(YamlToJson.Parse(Yaml, "doc.yaml").Document, March, Patches(Rename.Replace("renameTo: detailed_error", "renameTo: after", StringComparison.Ordinal)))).Problems);
        Assert.Contains("already has the key 'after'", taken.Message, StringComparison.Ordinal);
        Assert.Equal(("patches.yaml", 2), (taken.File, taken.Line));
    }

    [Fact]
    public void Rename_is_exclusive_with_other_edits_and_needs_a_plain_key()
    {
        var both = Assert.Single(Assert.Throws<GenerationException>(() => Patches(Rename + "\n    set: { type: object }\n")).Problems);
        Assert.Contains("exactly one of", both.Message, StringComparison.Ordinal);
        var slash = Assert.Single(Assert.Throws<GenerationException>(() => Patches(Rename.Replace("detailed_error", "a/b", StringComparison.Ordinal))).Problems);
        Assert.Contains("without '/'", slash.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dated_version_ranges_select_snapshots()
    {
        var patches = Patches(Rename.Replace("2025-03+", "2024-08-2024-12", StringComparison.Ordinal));
        var document = YamlToJson.Parse(Yaml, "doc.yaml").Document;
        Assert.Empty(PatchApplier.Apply(document, March, patches));
        Assert.Single(PatchApplier.Apply(document, new ApiVersion(2024, 8, VersionScheme.Date), patches));
    }
}
