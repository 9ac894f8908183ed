using DockerApiGen.Contract.Tests.Responses;
using DockerApiGen.Contract.Tests.Spec;
using DockerApiGen.Contract.Tests.Validation;

namespace DockerApiGen.Contract.Tests.ServerTests;

/// <summary>The server knows every covered spec: every JSON-encoded parameter has a shape, every answer validates against its own schema.</summary>
public sealed class SpecCoverageTests
{
    public static TheoryData<string> Versions => [.. ContractSpecs.Versions.Select(v => v.ToString())];

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task Every_sample_answer_is_valid_against_its_own_schema(string version)
    {
        var spec = await ContractSpecs.GetAsync(Generator.Specs.ApiVersion.Parse(version));
        var samples = new SampleJson(spec.Schemas);
        var validator = new JsonSchemaValidator(spec.Schemas);
        var problems = new List<string>();
        foreach (var operation in spec.Operations)
        {
            if (operation.Success?.Response["schema"] is not { } schema)
            {
                continue;
            }

            var violations = new List<Violation>();
            validator.Validate(samples.For(schema), schema, string.Empty, nullAllowed: false, violations);
            problems.AddRange(violations.Select(v => $"{operation.OperationId}: {v}"));
        }

        Assert.Empty(problems);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task Every_JSON_encoded_parameter_has_a_known_shape(string version)
    {
        var spec = await ContractSpecs.GetAsync(Generator.Specs.ApiVersion.Parse(version));
        var unknown = spec.Operations
            .SelectMany(o => o.In(ParameterLocation.Query).Where(p => p.IsJsonEncoded).Select(p => (o.OperationId, p.Name)))
            .Where(p => JsonEncodedShapes.Check(p.Name, "null") is { } problem && problem.Contains("knows no shape", StringComparison.Ordinal))
            .ToList();

        Assert.Empty(unknown);
    }

    [Fact]
    public async Task Every_operation_with_a_wire_behaviour_of_its_own_exists_in_the_specs()
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var version in ContractSpecs.Versions)
        {
            ids.UnionWith((await ContractSpecs.GetAsync(version)).Operations.Select(o => o.OperationId));
        }

        Assert.DoesNotContain(WireBehaviours.SpecialOperations, id => !ids.Contains(id));
    }
}
