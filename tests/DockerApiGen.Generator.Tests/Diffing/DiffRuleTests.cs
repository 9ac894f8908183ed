using DockerApiGen.Generator.Diffing;
using DockerApiGen.Generator.Model;
using DockerApiGen.Generator.Tests.Parsing;
using DockerApiGen.Generator.Tests.Support;

namespace DockerApiGen.Generator.Tests.Diffing;

/// <summary>Rule by rule, on small fixture specs that differ in one respect.</summary>
public sealed class DiffRuleTests
{
    private const string Operations = """
          /things:
            get:
              operationId: "ThingList"
              parameters:
                - name: "all"
                  in: "query"
                  type: "boolean"
                  default: false
              responses:
                200:
                  description: "ok"
                  schema:
                    type: "array"
                    items:
                      $ref: "#/definitions/Thing"
          /things/create:
            post:
              operationId: "ThingCreate"
              parameters:
                - name: "body"
                  in: "body"
                  schema:
                    $ref: "#/definitions/ThingConfig"
              responses:
                201:
                  description: "created"
        """;

    private const string Definitions = """
          Thing:
            type: "object"
            properties:
              Id:
                type: "string"
              Size:
                type: "integer"
                format: "int64"
              State:
                type: "string"
                enum: ["running", "exited"]
          ThingConfig:
            type: "object"
            properties:
              Name:
                type: "string"
              Mode:
                type: "string"
                enum: ["a", "b"]
        """;

    private static async Task<IReadOnlyList<ApiChange>> Diff(Func<string, string> changeDefinitions, Func<string, string>? changeOperations = null)
    {
        var before = await ModelBuilderTests.Build(FixtureSpecs.Spec(Definitions, Operations));
        var after = await ModelBuilderTests.Build(FixtureSpecs.Spec(changeDefinitions(Definitions), (changeOperations ?? (o => o))(Operations)));
        return SpecDiffer.Diff(before, after);
    }

    private static ApiChange Single(IReadOnlyList<ApiChange> changes, string rule)
        => Assert.Single(changes, c => c.RuleId == rule);

    [Fact]
    public async Task Identical_specs_have_no_changes()
        => Assert.Empty(await Diff(d => d));

    [Fact]
    public async Task A_removed_response_field_breaks_and_an_added_one_does_not()
    {
        var removed = await Diff(d => d.Replace("      Size:\n        type: \"integer\"\n        format: \"int64\"\n", string.Empty, StringComparison.Ordinal));
        var change = Single(removed, "property-removed-response");
        Assert.Equal((ChangeLevel.Breaking, ChangeDirection.Response, "Thing.Size"), (change.Level, change.Direction, change.Target));

        var added = await Diff(d => d.Replace("      Id:\n", "      Created:\n        type: \"string\"\n      Id:\n", StringComparison.Ordinal));
        Assert.Equal(ChangeLevel.NonBreaking, Single(added, "property-added").Level);
    }

    [Fact]
    public async Task A_field_removed_from_a_request_body_is_only_possibly_breaking()
    {
        var changes = await Diff(d => d.Replace("      Name:\n        type: \"string\"\n", string.Empty, StringComparison.Ordinal));
        var change = Single(changes, "property-removed-request");
        Assert.Equal((ChangeLevel.PossiblyBreaking, ChangeDirection.Request), (change.Level, change.Direction));
    }

    [Fact]
    public async Task A_new_required_request_field_breaks()
    {
        var changes = await Diff(d => d.Replace("  ThingConfig:\n    type: \"object\"\n", "  ThingConfig:\n    type: \"object\"\n    required: [Name]\n", StringComparison.Ordinal));
        Assert.Equal(ChangeLevel.Breaking, Single(changes, "property-became-required").Level);
    }

    [Fact]
    public async Task Enum_values_are_judged_by_direction()
    {
        var response = await Diff(d => d.Replace("enum: [\"running\", \"exited\"]", "enum: [\"running\", \"exited\", \"paused\"]", StringComparison.Ordinal));
        Assert.Equal(ChangeLevel.PossiblyBreaking, Single(response, "response-enum-value-added").Level);

        var request = await Diff(d => d.Replace("enum: [\"a\", \"b\"]", "enum: [\"a\", \"b\", \"c\"]", StringComparison.Ordinal));
        Assert.Equal(ChangeLevel.NonBreaking, Single(request, "request-enum-value-added").Level);

        var removedFromRequest = await Diff(d => d.Replace("enum: [\"a\", \"b\"]", "enum: [\"a\"]", StringComparison.Ordinal));
        Assert.Equal(ChangeLevel.Breaking, Single(removedFromRequest, "request-enum-value-removed").Level);
    }

    [Fact]
    public async Task Parameters_added_removed_required_retyped_and_redefaulted()
    {
        var addedOptional = await Diff(d => d, o => o.Replace("          default: false\n", "          default: false\n        - name: \"limit\"\n          in: \"query\"\n          type: \"integer\"\n", StringComparison.Ordinal));
        Assert.Equal(ChangeLevel.NonBreaking, Single(addedOptional, "parameter-added-optional").Level);

        var addedRequired = await Diff(d => d, o => o.Replace("          default: false\n", "          default: false\n        - name: \"owner\"\n          in: \"query\"\n          type: \"string\"\n          required: true\n", StringComparison.Ordinal));
        Assert.Equal(ChangeLevel.Breaking, Single(addedRequired, "parameter-added-required").Level);

        var removed = await Diff(d => d, o => o.Replace("        - name: \"all\"\n          in: \"query\"\n          type: \"boolean\"\n          default: false\n", string.Empty, StringComparison.Ordinal));
        Assert.Equal("ThingList/query/all", Single(removed, "parameter-removed").Target);

        var renamed = await Diff(d => d, o => o.Replace("- name: \"all\"", "- name: \"everything\"", StringComparison.Ordinal));
        Assert.Contains("'all' renamed to 'everything'", Single(renamed, "parameter-renamed").Text, StringComparison.Ordinal);
        Assert.DoesNotContain(renamed, c => c.RuleId is "parameter-removed" or "parameter-added-optional");

        var retyped = await Diff(d => d, o => o.Replace("type: \"boolean\"\n          default: false", "type: \"string\"\n          default: false", StringComparison.Ordinal));
        Assert.Contains("from boolean to string", Single(retyped, "parameter-type-changed").Text, StringComparison.Ordinal);

        var redefaulted = await Diff(d => d, o => o.Replace("default: false", "default: true", StringComparison.Ordinal));
        Assert.Equal(ChangeLevel.PossiblyBreaking, Single(redefaulted, "parameter-default-changed").Level);
    }

    [Fact]
    public async Task Operations_added_removed_and_moved()
    {
        var removed = await Diff(d => d, o => o[..o.IndexOf("  /things/create:", StringComparison.Ordinal)]);
        Assert.Equal(ChangeLevel.Breaking, Single(removed, "operation-removed").Level);

        var moved = await Diff(d => d, o => o.Replace("/things/create:", "/things/new:", StringComparison.Ordinal));
        Assert.Contains("POST /things/create to POST /things/new", Single(moved, "operation-moved").Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Property_type_and_format_changes_break()
    {
        var changes = await Diff(d => d.Replace("format: \"int64\"", "format: \"uint32\"", StringComparison.Ordinal));
        Assert.Contains("integer(int64) to integer(uint32)", Single(changes, "property-type-changed").Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diffing_back_mirrors_every_change()
    {
        var after = FixtureSpecs.Spec(Definitions.Replace("      Id:\n", "      Created:\n        type: \"string\"\n      Id:\n", StringComparison.Ordinal), Operations + "\n  /gone:\n    get:\n      operationId: \"Gone\"\n      responses:\n        200:\n          description: \"ok\"");
        var a = await ModelBuilderTests.Build(FixtureSpecs.Spec(Definitions, Operations));
        var b = await ModelBuilderTests.Build(after);
        var forward = SpecDiffer.Diff(a, b).Select(c => c.RuleId).Order().ToList();
        var backward = SpecDiffer.Diff(b, a).Select(c => c.RuleId).Order().ToList();
        Assert.Equal(["operation-added", "property-added"], forward);
        Assert.Equal(["operation-removed", "property-removed-response"], backward);
    }

    [Fact]
    public async Task Fingerprints_are_stable_and_the_ignore_file_accepts_by_fingerprint_or_rule_and_target()
    {
        var changes = await Diff(d => d.Replace("      Size:\n        type: \"integer\"\n        format: \"int64\"\n", string.Empty, StringComparison.Ordinal));
        var change = Single(changes, "property-removed-response");
        Assert.Equal(change.Fingerprint, (await Diff(d => d.Replace("      Size:\n        type: \"integer\"\n        format: \"int64\"\n", string.Empty, StringComparison.Ordinal)))[0].Fingerprint);
        Assert.Matches("^[0-9a-f]{12}$", change.Fingerprint);

        using var temp = new TempFolder();
        var byFingerprint = IgnoreFile.Load(temp.Write("a.ignore", $"# accepted\n{change.Fingerprint}\n"));
        var byRule = IgnoreFile.Load(temp.Write("b.ignore", "property-removed-response Thing.Size # accepted\n"));
        Assert.True(byFingerprint.Accepts(change));
        Assert.True(byRule.Accepts(change));
        var bad = Assert.Throws<Generator.Diagnostics.GenerationException>(() => IgnoreFile.Load(temp.Write("c.ignore", "\nnot-a-rule Thing.Size\n")));
        Assert.Equal(2, Assert.Single(bad.Problems).Line);
    }

    [Fact]
    public async Task Formats_render_the_same_changes()
    {
        var changes = await Diff(d => d.Replace("      Size:\n        type: \"integer\"\n        format: \"int64\"\n", string.Empty, StringComparison.Ordinal));
        var report = new DiffReport("9.1", "9.2", changes, 0);
        Assert.Contains("v9.1 → v9.2: 1 breaking, 0 possibly breaking, 0 non-breaking.", DiffFormatter.Text(report, colour: false), StringComparison.Ordinal);
        Assert.Contains("| Thing: property 'Size' removed. | `Thing` | `property-removed-response` |", DiffFormatter.Markdown(report), StringComparison.Ordinal);
        var json = System.Text.Json.JsonDocument.Parse(DiffFormatter.Json([report])).RootElement;
        var only = json.GetProperty("reports")[0].GetProperty("changes")[0];
        Assert.Equal("breaking", only.GetProperty("level").GetString());
        Assert.Equal(changes[0].Fingerprint, only.GetProperty("fingerprint").GetString());
        Assert.True(report.HasAtLeast(ChangeLevel.PossiblyBreaking));
    }
}
