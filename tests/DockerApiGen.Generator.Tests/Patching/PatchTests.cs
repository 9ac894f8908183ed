using System.Text.Json.Nodes;
using DockerApiGen.Generator.Diagnostics;
using DockerApiGen.Generator.Loading;
using DockerApiGen.Generator.Patching;
using DockerApiGen.Generator.Specs;
using DockerApiGen.Generator.Tests.Support;

namespace DockerApiGen.Generator.Tests.Patching;

public sealed class PatchTests
{
    private static readonly ApiVersion V91 = ApiVersion.Parse("9.1");

    private static JsonObject Document() => YamlToJson.Parse("""
        definitions:
          S:
            type: object
            properties:
              State:
                type: string
                enum: [a, b]
              Details:
                type: object
        """, "doc.yaml").Document;

    private static IReadOnlyList<SpecPatch> Patches(string yaml) => PatchFileReader.Read(yaml, "patches.yaml");

    [Fact]
    public void Applies_enum_additions_and_sets_within_their_versions()
    {
        var document = Document();
        var applied = PatchApplier.Apply(document, V91, Patches("""
            patches:
              - id: more-states
                reason: daemon sends c
                versions: 9.0+
                target: /definitions/S/properties/State
                addEnumValues: [c]
              - id: details-map
                reason: string map on the wire
                versions: all
                target: /definitions/S/properties/Details
                set: { additionalProperties: { type: string } }
              - id: not-this-version
                reason: older only
                versions: 1.25-1.30
                target: /definitions/Gone
                set: { type: string }
            """));

        Assert.Equal(["more-states", "details-map"], applied.Select(a => a.Id));
        Assert.Equal(["a", "b", "c"], document["definitions"]!["S"]!["properties"]!["State"]!["enum"]!.AsArray().Select(v => (string?)v));
        Assert.Equal("string", (string?)document["definitions"]!["S"]!["properties"]!["Details"]!["additionalProperties"]!["type"]);
    }

    [Fact]
    public void A_patch_whose_target_is_gone_fails_loudly()
    {
        var ex = Assert.Throws<GenerationException>(() => PatchApplier.Apply(Document(), V91, Patches("""
            patches:
              - id: moved
                reason: r
                versions: all
                target: /definitions/Moved
                set: { type: object }
            """)));
        var problem = Assert.Single(ex.Problems);
        Assert.Equal(2, problem.Line);
        Assert.Contains("'moved' does not match v9.1: no object at /definitions/Moved", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_patch_that_upstream_already_made_fails_so_its_range_gets_narrowed()
    {
        var ex = Assert.Throws<GenerationException>(() => PatchApplier.Apply(Document(), V91, Patches("""
            patches:
              - id: fixed-upstream
                reason: r
                versions: all
                target: /definitions/S/properties/State
                addEnumValues: [b]
            """)));
        Assert.Contains("Upstream fixed it", Assert.Single(ex.Problems).Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void A_parameter_the_spec_omits_is_added_once_and_a_declared_one_fails_the_patch()
    {
        var document = YamlToJson.Parse("""
            paths:
              /things/{name}:
                get:
                  operationId: ThingInspect
                  parameters:
                    - { name: name, in: path, required: true, type: string }
            """, "doc.yaml").Document;
        const string patch = """
            patches:
              - id: auth-header
                reason: the daemon reads it
                versions: all
                target: /paths/~1things~1{name}/get
                addParameter: { name: X-Registry-Auth, in: header, type: string }
            """;

        PatchApplier.Apply(document, V91, Patches(patch));
        Assert.Equal(["name", "X-Registry-Auth"], document["paths"]!["/things/{name}"]!["get"]!["parameters"]!.AsArray().Select(p => (string?)p!["name"]));

        var again = Assert.Throws<GenerationException>(() => PatchApplier.Apply(document, V91, Patches(patch)));
        Assert.Contains("already declares the header parameter 'X-Registry-Auth'", Assert.Single(again.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_patch_without_reason_or_with_two_edits_is_rejected_with_its_line()
    {
        var ex = Assert.Throws<GenerationException>(() => Patches("""
            patches:
              - id: ok
                reason: r
                versions: all
                target: /a
                set: { b: 1 }
                addEnumValues: [x]
              - id: no-reason
                versions: all
                target: /a
                set: { b: 1 }
            """));
        Assert.Equal([2, 8], ex.Problems.Select(p => p.Line));
    }

    [Fact]
    public void The_repository_patches_all_apply_to_every_locked_version()
    {
        var patches = PatchFileReader.ReadFolder(TestRepository.Layout.PatchesFolder);
        Assert.NotEmpty(patches);
        Assert.All(patches, p => Assert.False(string.IsNullOrWhiteSpace(p.Reason)));
    }
}
