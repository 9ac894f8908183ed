using DockerApiGen.Generator.Diffing;
using DockerApiGen.Generator.Model;
using DockerApiGen.Generator.Naming;
using DockerApiGen.Generator.Surface;
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

    /// <summary>One fixture per rule: how the newer spec differs, the change expected and its level.</summary>
    /// <param name="Definitions">Edits the definitions.</param>
    /// <param name="Operations">Edits the paths.</param>
    /// <param name="Target">The expected change's target.</param>
    /// <param name="Level">Its expected level.</param>
    /// <param name="Backward">Diff the edited spec against the original (for removals: the edit adds).</param>
    public sealed record RuleCase(Func<string, string> Definitions, Func<string, string> Operations, string Target, ChangeLevel Level, bool Backward = false)
    {
        /// <summary>An edit of the older side's operations too (most cases change only the newer side).</summary>
        public Func<string, string> BeforeOperations { get; init; } = s => s;
    }

    // Swagger 2 security: declared at the top level (the paths block is the spec's last), required per operation.
    private const string SecurityDefinitions = "securityDefinitions:\n  basic:\n    type: \"basic\"\n  token:\n    type: \"apiKey\"\n    in: \"header\"\n    name: \"X-Token\"\n";
    private const string CreateId = "      operationId: \"ThingCreate\"\n";

    private static Func<string, string> Secured(string scheme) => Edit(CreateId, CreateId + $"      security: [{{ {scheme}: [] }}]\n").Then(o => o + "\n" + SecurityDefinitions);

    private static readonly Func<string, string> Same = s => s;

    private static Func<string, string> Edit(string from, string to) => s =>
    {
        Assert.Contains(from, s, StringComparison.Ordinal);
        return s.Replace(from, to, StringComparison.Ordinal);
    };

    private const string GoneOperation = "\n  /gone:\n    get:\n      operationId: \"Gone\"\n      responses:\n        200:\n          description: \"ok\"";
    private const string AllParameter = "        - name: \"all\"\n          in: \"query\"\n          type: \"boolean\"\n          default: false\n";
    private const string SizeProperty = "      Size:\n        type: \"integer\"\n        format: \"int64\"\n";
    private const string IdProperty = "      Id:\n        type: \"string\"\n";
    private const string ThingConfigHead = "  ThingConfig:\n    type: \"object\"\n";
    private const string ThingHead = "  Thing:\n    type: \"object\"\n";

    /// <summary>Keyed by rule id (a suffix after '/' names a variant): every spec-level rule has one.</summary>
    public static IReadOnlyDictionary<string, RuleCase> SpecCases { get; } = new Dictionary<string, RuleCase>(StringComparer.Ordinal)
    {
        ["operation-added"] = new(Same, o => o + GoneOperation, "Gone", ChangeLevel.NonBreaking),
        ["operation-removed"] = new(Same, o => o + GoneOperation, "Gone", ChangeLevel.Breaking, Backward: true),
        ["operation-id-changed"] = new(Same, Edit("operationId: \"ThingList\"", "operationId: \"ThingsList\""), "ThingsList", ChangeLevel.PossiblyBreaking),
        ["security-added"] = new(Same, Secured("basic"), "ThingCreate/security", ChangeLevel.Breaking),
        ["security-removed"] = new(Same, Secured("basic"), "ThingCreate/security", ChangeLevel.NonBreaking, Backward: true),
        ["security-changed"] = new(Same, Secured("token"), "ThingCreate/security", ChangeLevel.Breaking) { BeforeOperations = Secured("basic") },
        ["operation-moved"] = new(Same, Edit("/things/create:", "/things/new:"), "ThingCreate", ChangeLevel.Breaking),
        ["operation-deprecated"] = new(Same, Edit("      operationId: \"ThingCreate\"\n", "      operationId: \"ThingCreate\"\n      deprecated: true\n"), "ThingCreate", ChangeLevel.NonBreaking),
        ["operation-deprecated/quoted-paragraph"] = new(Same, Edit("      operationId: \"ThingCreate\"\n", "      operationId: \"ThingCreate\"\n      description: |\n        Creates a thing.\n\n        > **Deprecated**: this endpoint will be removed.\n"), "ThingCreate", ChangeLevel.NonBreaking),
        ["parameter-added-required"] = new(Same, Edit(AllParameter, AllParameter + "        - name: \"owner\"\n          in: \"query\"\n          type: \"string\"\n          required: true\n"), "ThingList/query/owner", ChangeLevel.Breaking),
        ["parameter-added-optional"] = new(Same, Edit(AllParameter, AllParameter + "        - name: \"limit\"\n          in: \"query\"\n          type: \"integer\"\n"), "ThingList/query/limit", ChangeLevel.NonBreaking),
        ["parameter-removed"] = new(Same, Edit(AllParameter, string.Empty), "ThingList/query/all", ChangeLevel.Breaking),
        ["parameter-renamed"] = new(Same, Edit("- name: \"all\"", "- name: \"everything\""), "ThingList/query/all", ChangeLevel.Breaking),
        ["parameter-became-required"] = new(Same, Edit(AllParameter, AllParameter + "          required: true\n"), "ThingList/query/all", ChangeLevel.Breaking),
        ["parameter-became-optional"] = new(Same, Edit(AllParameter, AllParameter + "          required: true\n"), "ThingList/query/all", ChangeLevel.NonBreaking, Backward: true),
        ["parameter-type-changed"] = new(Same, Edit("type: \"boolean\"\n          default: false", "type: \"string\"\n          default: false"), "ThingList/query/all", ChangeLevel.Breaking),
        ["parameter-default-changed"] = new(Same, Edit("default: false", "default: true"), "ThingList/query/all", ChangeLevel.PossiblyBreaking),
        ["parameter-deprecated"] = new(Same, Edit(AllParameter, AllParameter + "          description: \"Deprecated: use limit.\"\n"), "ThingList/query/all", ChangeLevel.NonBreaking),
        ["format-changed"] = new(Edit(IdProperty, IdProperty + "        format: \"ip-address\"\n"), Same, "Thing.Id", ChangeLevel.NonBreaking),
        ["request-enum-value-added"] = new(Edit("enum: [\"a\", \"b\"]", "enum: [\"a\", \"b\", \"c\"]"), Same, "ThingConfigMode=c", ChangeLevel.NonBreaking),
        ["request-enum-value-removed"] = new(Edit("enum: [\"a\", \"b\"]", "enum: [\"a\"]"), Same, "ThingConfigMode=b", ChangeLevel.Breaking),
        ["response-enum-value-added"] = new(Edit("enum: [\"running\", \"exited\"]", "enum: [\"running\", \"exited\", \"paused\"]"), Same, "ThingState=paused", ChangeLevel.PossiblyBreaking),
        ["response-enum-value-removed"] = new(Edit("enum: [\"running\", \"exited\"]", "enum: [\"running\"]"), Same, "ThingState=exited", ChangeLevel.NonBreaking),
        ["response-added"] = new(Same, Edit("  /things/create:", "        404:\n          description: \"no such thing\"\n  /things/create:"), "ThingList/responses/404", ChangeLevel.PossiblyBreaking),
        ["response-removed"] = new(Same, Edit("  /things/create:", "        404:\n          description: \"no such thing\"\n  /things/create:"), "ThingList/responses/404", ChangeLevel.NonBreaking, Backward: true),
        ["body-type-changed"] = new(Same, Edit("$ref: \"#/definitions/ThingConfig\"", "$ref: \"#/definitions/Thing\""), "ThingCreate/body/body", ChangeLevel.Breaking),
        ["content-type-changed"] = new(Same, Edit("      operationId: \"ThingList\"\n", "      operationId: \"ThingList\"\n      produces: [\"text/plain\"]\n"), "ThingList/produces", ChangeLevel.PossiblyBreaking),
        ["schema-added"] = new(d => d + "\n  Gadget:\n    type: \"object\"\n    properties:\n      Serial:\n        type: \"string\"", Same, "Gadget", ChangeLevel.NonBreaking),
        ["schema-removed"] = new(d => d + "\n  Gadget:\n    type: \"object\"\n    properties:\n      Serial:\n        type: \"string\"", Same, "Gadget", ChangeLevel.Breaking, Backward: true),
        ["schema-renamed"] = new(Edit("  ThingConfig:", "  WidgetConfig:"), Edit("definitions/ThingConfig", "definitions/WidgetConfig"), "ThingConfig", ChangeLevel.Breaking),
        ["property-added"] = new(Edit(IdProperty, IdProperty + "      Created:\n        type: \"string\"\n"), Same, "Thing.Created", ChangeLevel.NonBreaking),
        ["property-added-required"] = new(Edit(ThingConfigHead, ThingConfigHead + "    required: [Owner]\n").Then(Edit("      Name:\n", "      Owner:\n        type: \"string\"\n      Name:\n")), Same, "ThingConfig.Owner", ChangeLevel.Breaking),
        ["property-removed-response"] = new(Edit(SizeProperty, string.Empty), Same, "Thing.Size", ChangeLevel.Breaking),
        ["property-removed-request"] = new(Edit("      Name:\n        type: \"string\"\n", string.Empty), Same, "ThingConfig.Name", ChangeLevel.PossiblyBreaking),
        ["property-name-case-changed"] = new(Edit("      Size:\n", "      size:\n"), Same, "Thing.size", ChangeLevel.NonBreaking),
        ["property-type-changed"] = new(Edit("format: \"int64\"", "format: \"uint32\""), Same, "Thing.Size", ChangeLevel.Breaking),
        ["property-became-required"] = new(Edit(ThingConfigHead, ThingConfigHead + "    required: [Name]\n"), Same, "ThingConfig.Name", ChangeLevel.Breaking),
        ["property-became-optional"] = new(Edit(ThingHead, ThingHead + "    required: [Id]\n"), Same, "Thing.Id", ChangeLevel.PossiblyBreaking, Backward: true),
        ["property-nullability-changed"] = new(Edit(IdProperty, IdProperty + "        x-nullable: true\n"), Same, "Thing.Id", ChangeLevel.PossiblyBreaking),
        ["property-readonly-changed"] = new(Edit(IdProperty, IdProperty + "        readOnly: true\n"), Same, "Thing.Id", ChangeLevel.PossiblyBreaking),
        ["property-deprecated"] = new(Edit(SizeProperty, "      Size:\n        description: |\n          The size in bytes.\n\n          Deprecated: this field is always 0.\n        type: \"integer\"\n        format: \"int64\"\n"), Same, "Thing.Size", ChangeLevel.NonBreaking),
    };

    public static TheoryData<string> SpecCaseNames => [.. SpecCases.Keys];

    [Theory]
    [MemberData(nameof(SpecCaseNames))]
    public async Task Each_spec_rule_finds_its_change_with_its_level(string name)
    {
        var @case = SpecCases[name];
        var before = await ModelBuilderTests.Build(FixtureSpecs.Spec(Definitions, @case.BeforeOperations(Operations)));
        var after = await ModelBuilderTests.Build(FixtureSpecs.Spec(@case.Definitions(Definitions), @case.Operations(Operations)));
        var changes = @case.Backward ? SpecDiffer.Diff(after, before) : SpecDiffer.Diff(before, after);

        var rule = name.Split('/')[0];
        var change = Assert.Single(changes, c => c.RuleId == rule && c.Target == @case.Target);
        Assert.Equal(@case.Level, change.Level);
    }

    [Fact]
    public void Every_rule_has_a_fixture_case()
    {
        var covered = SpecCases.Keys.Concat(SurfaceCases.Keys).Select(k => k.Split('/')[0]).ToHashSet(StringComparer.Ordinal);
        var missing = DiffRules.All.Select(r => r.Id).Where(id => !covered.Contains(id)).ToList();
        Assert.True(missing.Count == 0, "No fixture case for: " + string.Join(", ", missing));
    }

    private static SurfaceEntry Type(string name, string detail = "sealed class") => new(name, null, detail, string.Empty);

    private static SurfaceEntry Member(string type, string member, string detail) => new(type, member, detail, string.Empty);

    private static readonly SurfaceEntry[] Widget =
    [
        Type("DockerApiGen.Engine.V9_1.Models.Widget"),
        Member("DockerApiGen.Engine.V9_1.Models.Widget", "Id { get; set; }", "string [JsonPropertyName(\"Id\")]"),
        Member("DockerApiGen.Engine.V9_1.Models.Widget", "Size { get; set; }", "long? [JsonPropertyName(\"Size\")]"),
        Type("DockerApiGen.Engine.V9_1.DockerClient"),
        Member("DockerApiGen.Engine.V9_1.DockerClient", "ApiVersion = \"9.1\"", "string (static const)"),
    ];

    private static Func<IEnumerable<SurfaceEntry>, IEnumerable<SurfaceEntry>> Map(Func<SurfaceEntry, SurfaceEntry> map) => entries => entries.Select(map);

    /// <summary>Keyed by rule id: each C# surface rule, on a two-type surface changed in one respect.</summary>
    public static IReadOnlyDictionary<string, (Func<IEnumerable<SurfaceEntry>, IEnumerable<SurfaceEntry>> Change, string Target, ChangeLevel Level)> SurfaceCases { get; } =
        new Dictionary<string, (Func<IEnumerable<SurfaceEntry>, IEnumerable<SurfaceEntry>>, string, ChangeLevel)>(StringComparer.Ordinal)
        {
            ["csharp-type-added"] = (e => e.Append(Type("DockerApiGen.Engine.V9_2.Models.Gadget")), "Models.Gadget", ChangeLevel.NonBreaking),
            ["csharp-type-removed"] = (e => e.Where(x => !x.Type.EndsWith("Widget", StringComparison.Ordinal)), "Models.Widget", ChangeLevel.Breaking),
            ["csharp-type-renamed"] = (Map(x => x with { Type = x.Type.Replace("Widget", "Gizmo", StringComparison.Ordinal) }), "Models.Widget", ChangeLevel.Breaking),
            ["csharp-type-changed"] = (Map(x => x.Member is null && x.Type.EndsWith("Widget", StringComparison.Ordinal) ? x with { Detail = "sealed record" } : x), "Models.Widget", ChangeLevel.Breaking),
            ["csharp-member-added"] = (e => e.Append(Member("DockerApiGen.Engine.V9_2.Models.Widget", "Name { get; set; }", "string?")), "Models.Widget.Name { get; set; }", ChangeLevel.NonBreaking),
            ["csharp-member-removed"] = (e => e.Where(x => x.Member?.StartsWith("Size", StringComparison.Ordinal) != true), "Models.Widget.Size { get; set; }", ChangeLevel.Breaking),
            ["csharp-member-changed"] = (Map(x => x.Member?.StartsWith("Size", StringComparison.Ordinal) == true ? x with { Detail = "int? [JsonPropertyName(\"Size\")]" } : x), "Models.Widget.Size { get; set; }", ChangeLevel.Breaking),
            ["csharp-constant-changed"] = (Map(x => x.Member?.StartsWith("ApiVersion", StringComparison.Ordinal) == true ? x with { Member = "ApiVersion = \"9.2\"" } : x), "DockerClient.ApiVersion", ChangeLevel.NonBreaking),
            ["csharp-member-nullability-changed"] = (Map(x => x.Member?.StartsWith("Id", StringComparison.Ordinal) == true ? x with { Detail = "string? [JsonPropertyName(\"Id\")]" } : x), "Models.Widget.Id { get; set; }", ChangeLevel.PossiblyBreaking),
        };

    public static TheoryData<string> SurfaceCaseNames => [.. SurfaceCases.Keys];

    [Theory]
    [MemberData(nameof(SurfaceCaseNames))]
    public void Each_surface_rule_finds_its_change_with_its_level(string rule)
    {
        var (change, target, level) = SurfaceCases[rule];
        var after = change(Widget.Select(e => e with { Type = e.Type.Replace("V9_1", "V9_2", StringComparison.Ordinal) })).ToList();
        var changes = SurfaceDiffer.Diff(Widget, after);
        var found = Assert.Single(changes);
        Assert.Equal((rule, target, level), (found.RuleId, found.Target, found.Level));
    }

    [Fact]
    public async Task A_renamed_schema_is_one_change_and_the_places_using_it_are_unchanged()
    {
        var changes = await Diff(Edit("  ThingConfig:", "  WidgetConfig:"), Edit("definitions/ThingConfig", "definitions/WidgetConfig"));

        Assert.Equal(
            ["schema-renamed ThingConfig → WidgetConfig", "schema-renamed ThingConfigMode → WidgetConfigMode"],
            changes.Select(c => $"{c.RuleId} {c.Target} → {c.Schema}").Order(StringComparer.Ordinal));
        Assert.Contains("same shape: nothing changes on the wire", changes[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_renamed_schema_that_also_changed_reports_its_changes_under_the_new_name()
    {
        var changes = await Diff(
            Edit("  ThingConfig:", "  WidgetConfig:").Then(Edit("      Name:\n        type: \"string\"\n", "      Name:\n        type: \"string\"\n      Owner:\n        type: \"string\"\n")),
            Edit("definitions/ThingConfig", "definitions/WidgetConfig"));

        Assert.Contains(changes, c => c.RuleId == "schema-renamed" && c.Target == "ThingConfig" && c.Text.Contains("changes on the wire are listed", StringComparison.Ordinal));
        Assert.Contains(changes, c => c.RuleId == "property-added" && c.Target == "WidgetConfig.Owner");
        Assert.DoesNotContain(changes, c => c.RuleId is "schema-added" or "schema-removed" or "body-type-changed");
    }

    [Fact]
    public async Task A_rename_that_keeps_the_generated_name_is_not_breaking()
    {
        var naming = new NamingConfig(new Dictionary<string, string> { ["WidgetConfig"] = "ThingConfig" }, new Dictionary<string, string>(), "naming.yaml");
        var before = await ModelBuilderTests.Build(FixtureSpecs.Spec(Definitions, Operations), naming);
        var after = await ModelBuilderTests.Build(FixtureSpecs.Spec(Definitions.Replace("  ThingConfig:", "  WidgetConfig:", StringComparison.Ordinal), Operations.Replace("definitions/ThingConfig", "definitions/WidgetConfig", StringComparison.Ordinal)), naming);

        var change = Assert.Single(SpecDiffer.Diff(before, after));
        Assert.Equal(("schema-renamed", ChangeLevel.NonBreaking), (change.RuleId, change.Level));
        Assert.Contains("generated name stays ThingConfig", change.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_schema_taking_a_kept_ones_place_is_compared_with_it_property_by_property()
    {
        // ThingList now answers ThingSummary: Thing's properties plus Status. Thing itself stays.
        var changes = await Diff(
            d => d + "\n  ThingSummary:\n    type: \"object\"\n    properties:\n      Id:\n        type: \"string\"\n      Size:\n        type: \"integer\"\n        format: \"int64\"\n      State:\n        type: \"string\"\n      Status:\n        type: \"string\"",
            Edit("              $ref: \"#/definitions/Thing\"", "              $ref: \"#/definitions/ThingSummary\""));

        var body = Assert.Single(changes, c => c.RuleId == "body-type-changed");
        Assert.Contains("ThingSummary is new: its differences from Thing are listed under ThingSummary", body.Text, StringComparison.Ordinal);
        Assert.Contains(changes, c => c.RuleId == "property-added" && c.Target == "ThingSummary.Status" && c.Level == ChangeLevel.NonBreaking);
        Assert.Contains(changes, c => c.RuleId == "property-type-changed" && c.Target == "ThingSummary.State");
    }

    [Theory]
    [InlineData(true, null, true)]
    [InlineData(false, "Deprecated: this field is never set.", true)]
    [InlineData(false, "deprecated since v1.44", true)]
    [InlineData(false, "The bridge's name.\n\nDeprecated: only set with --bridge.", true)]
    [InlineData(false, "Starts a session.\n\n> **Deprecated**: this endpoint will be removed.\n> Use gRPC.", true)]
    [InlineData(false, "**Deprecated**: kept for compatibility.", true)]
    [InlineData(false, "Which builder:\n- `1` is the classic (deprecated) builder", false)]
    [InlineData(false, "Set through MAINTAINER (deprecated) in the Dockerfile.", false)]
    [InlineData(false, "The `is-automated` filter is\ndeprecated and ignored.", false)]
    [InlineData(false, null, false)]
    public void Deprecation_is_read_from_the_keyword_and_each_form_of_description(bool keyword, string? description, bool expected)
        => Assert.Equal(expected, Deprecation.IsMarked(keyword, description));

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

/// <summary>Composes spec edits.</summary>
internal static class EditComposition
{
    public static Func<string, string> Then(this Func<string, string> first, Func<string, string> second) => s => second(first(s));
}
