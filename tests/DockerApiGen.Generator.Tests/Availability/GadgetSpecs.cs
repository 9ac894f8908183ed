using DockerApiGen.Generator.Availability;
using DockerApiGen.Generator.Loading;
using DockerApiGen.Generator.Model;
using DockerApiGen.Generator.Parsing;
using DockerApiGen.Generator.Semantics;
using DockerApiGen.Generator.Specs;
using DockerApiGen.Generator.Tests.Parsing;
using DockerApiGen.Generator.Tests.Support;

namespace DockerApiGen.Generator.Tests.Availability;

/// <summary>
/// Three versions of a small gadget API written for the availability tests: a property added (9.2), one deprecated
/// (9.2) then removed (9.3), a property whose name changes case (9.2), an option added (9.2), one that disappears in
/// 9.2 and comes back in 9.3, an operation added (9.2) and deprecated (9.3), an operation renamed on the same endpoint
/// (9.3), a body type renamed (9.2), a free-form map that becomes an object (9.2), and a type name given to another
/// type (9.3).
/// </summary>
public static class GadgetSpecs
{
    public static readonly ApiVersion V91 = ApiVersion.Parse("9.1");
    public static readonly ApiVersion V92 = ApiVersion.Parse("9.2");
    public static readonly ApiVersion V93 = ApiVersion.Parse("9.3");

    public static OperationsConfig Operations { get; } = new(
        new Dictionary<string, AreaConfig>
        {
            ["System"] = new("System", "System", "System"),
            ["Gadget"] = new("Gadget", "Gadgets", "Gadget"),
        },
        new Dictionary<string, string>(),
        new Dictionary<string, ResponseSemantics> { ["SystemPing"] = new("SystemPing", ResponseKind.Headers, null, "tcp", false, null) { Result = "DockerApiGen.Runtime.Responses.PingResult" } },
        [],
        "gadget-operations.yaml");

    public static string V91Spec { get; } = FixtureSpecs.Spec(
        """
          Gadget:
            type: "object"
            properties:
              Id: { type: "string" }
              Size: { type: "integer" }
              Old: { type: "string" }
              NanoCpus: { type: "integer" }
          Swap:
            type: "object"
            properties:
              A: { type: "string" }
        """,
        Paths(
            listParameters: """[{ name: "all", in: "query", type: "boolean" }, { name: "verbose", in: "query", type: "boolean" }]""",
            inspectId: "GadgetInspect",
            createBody: """
                          title: "GadgetSpec"
                          type: "object"
                          properties:
                            Name: { type: "string" }
                            Tuning:
                              type: "object"
                              additionalProperties: { type: "string" }
            """,
            attest: null));

    public static string V92Spec { get; } = FixtureSpecs.Spec(
        """
          Gadget:
            type: "object"
            properties:
              Id: { type: "string" }
              Size: { type: "integer" }
              Old: { type: "string", description: "Deprecated: use Size." }
              NanoCPUs: { type: "integer" }
              Color: { type: "string" }
          Swap:
            type: "object"
            properties:
              A: { type: "string" }
        """,
        Paths(
            listParameters: """[{ name: "all", in: "query", type: "boolean" }, { name: "limit", in: "query", type: "integer" }]""",
            inspectId: "GadgetInspect",
            createBody: """
                          title: "GadgetConfig"
                          type: "object"
                          properties:
                            Name: { type: "string" }
                            Tuning:
                              title: "Tuning"
                              type: "object"
                              properties:
                                Speed: { type: "integer" }
                                Mode: { type: "string" }
            """,
            attest: "false"));

    public static string V93Spec { get; } = FixtureSpecs.Spec(
        """
          Gadget:
            type: "object"
            properties:
              Id: { type: "string" }
              Size: { type: "integer" }
              NanoCpus: { type: "integer" }
              Color: { type: "string" }
          Swap:
            type: "object"
            properties:
              B: { type: "string" }
        """,
        Paths(
            listParameters: """[{ name: "all", in: "query", type: "boolean" }, { name: "limit", in: "query", type: "integer" }, { name: "verbose", in: "query", type: "boolean" }]""",
            inspectId: "GadgetGet",
            createBody: """
                          title: "GadgetConfig"
                          type: "object"
                          properties:
                            Name: { type: "string" }
                            Tuning:
                              title: "Tuning"
                              type: "object"
                              properties:
                                Speed: { type: "integer" }
                                Mode: { type: "string" }
                                Turbo: { type: "boolean" }
            """,
            attest: "true"));

    /// <summary>The three models, in version order.</summary>
    public static async Task<IReadOnlyList<ApiModel>> ModelsAsync()
        => [await BuildAsync(V91, V91Spec), await BuildAsync(V92, V92Spec), await BuildAsync(V93, V93Spec)];

    /// <summary>The history of the three versions.</summary>
    public static async Task<ApiHistory> HistoryAsync() => ApiHistoryBuilder.Build(await ModelsAsync());

    public static async Task<ApiModel> BuildAsync(ApiVersion version, string text)
    {
        var spec = await SpecLoader.LoadAsync(version, text, $"v{version}.yaml", [], TestContext.Current.CancellationToken);
        return ModelBuilder.Build(spec, ModelBuilderTests.Naming);
    }

    private static string Paths(string listParameters, string inspectId, string createBody, string? attest)
    {
        var attestPath = attest is null ? string.Empty : $$"""
              /gadgets/{id}/attest:
                get:
                  operationId: "GadgetAttest"
                  tags: ["Gadget"]
                  deprecated: {{attest}}
                  parameters:
                    - { name: "id", in: "path", required: true, type: "string" }
                  responses:
                    200:
                      description: "ok"
                      schema:
                        $ref: "#/definitions/Swap"
            """;
        return $$"""
            {{FixtureSpecs.Ping}}
              /gadgets:
                get:
                  operationId: "GadgetList"
                  tags: ["Gadget"]
                  parameters: {{listParameters}}
                  responses:
                    200:
                      description: "ok"
                      schema:
                        type: "array"
                        items:
                          $ref: "#/definitions/Gadget"
              /gadgets/{id}:
                get:
                  operationId: "{{inspectId}}"
                  tags: ["Gadget"]
                  parameters:
                    - { name: "id", in: "path", required: true, type: "string" }
                  responses:
                    200:
                      description: "ok"
                      schema:
                        $ref: "#/definitions/Gadget"
              /gadgets/create:
                post:
                  operationId: "GadgetCreate"
                  tags: ["Gadget"]
                  parameters:
                    - name: "body"
                      in: "body"
                      required: true
                      schema:
            {{createBody}}
                  responses:
                    201:
                      description: "created"
                      schema:
                        $ref: "#/definitions/Swap"
            {{attestPath}}
            """;
    }
}
