using DockerApiGen.Generator.Diagnostics;
using DockerApiGen.Generator.Loading;
using DockerApiGen.Generator.Specs;
using DockerApiGen.Generator.Tests.Support;

namespace DockerApiGen.Generator.Tests.Loading;

public sealed class SpecValidatorTests
{
    private static Task<LoadedSpec> Load(string text)
        => SpecLoader.LoadAsync(ApiVersion.Parse("9.1"), text, "fixture.yaml", [], TestContext.Current.CancellationToken);

    private static int LineOf(string text, string needle)
        => text.Split('\n').Select((line, i) => (line, i)).First(x => x.line.Contains(needle, StringComparison.Ordinal)).i + 1;

    [Fact]
    public async Task A_dangling_ref_names_its_line_and_pointer()
    {
        var text = FixtureSpecs.Spec("""
              A:
                type: "object"
                properties:
                  B:
                    $ref: "#/definitions/Missing"
            """);
        var problem = Assert.Single((await Assert.ThrowsAsync<GenerationException>(() => Load(text))).Problems);
        Assert.Equal("/definitions/A/properties/B/$ref", problem.JsonPointer);
        Assert.Equal(LineOf(text, "#/definitions/Missing"), problem.Line);
        Assert.Contains("points at nothing", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_type_names_its_line()
    {
        var text = FixtureSpecs.Spec("""
              A:
                type: "object"
                properties:
                  B:
                    type: "strng"
                    example:
                      type: "not checked: examples are data"
            """);
        var problem = Assert.Single((await Assert.ThrowsAsync<GenerationException>(() => Load(text))).Problems);
        Assert.Equal(LineOf(text, "\"strng\""), problem.Line);
        Assert.Contains("Unknown schema type 'strng'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_duplicate_operation_id_names_both_places()
    {
        var text = FixtureSpecs.Spec("""
              A:
                type: "object"
            """, FixtureSpecs.Ping + """

              /other:
                get:
                  operationId: "SystemPing"
                  responses:
                    200:
                      description: "ok"
            """);
        var problem = Assert.Single((await Assert.ThrowsAsync<GenerationException>(() => Load(text))).Problems);
        Assert.Equal("/paths/~1other/get/operationId", problem.JsonPointer);
        Assert.Contains("first used at /paths/~1_ping/get", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_valid_fixture_loads()
    {
        var spec = await Load(FixtureSpecs.Rich);
        Assert.Equal(2, spec.Document.Operations.Count());
    }
}
