using DockerApiGen.Contract.Tests.Responses;
using DockerApiGen.Contract.Tests.Spec;
using DockerApiGen.Contract.Tests.Validation;
using DockerApiGen.Generator.Semantics;

namespace DockerApiGen.Contract.Tests.ServerTests;

/// <summary>
/// The server decides the Hub's special answers from the spec (a page schema, a CSV media type, a HEAD) and keeps its
/// own table of token endpoints; the generator reads them from specs/hub/operations.yaml. Each checks the other: they
/// must agree for every snapshot, and every sample answer must fit its own schema.
/// </summary>
public sealed class HubAgreementTests
{
    public static TheoryData<string> Versions => [.. ContractSpecs.Hub.Versions.Select(v => v.ToString())];

    private static OperationsConfig Declared => ContractSpecs.Hub.Inputs.Operations;

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task The_servers_pages_csv_answers_heads_and_token_endpoints_are_the_operations_files_declarations(string version)
    {
        var spec = await ContractSpecs.Hub.GetAsync(Generator.Specs.ApiVersion.Parse(version, Generator.Specs.VersionScheme.Date));
        var ids = spec.Operations.Select(o => o.OperationId).ToHashSet(StringComparer.Ordinal);
        IEnumerable<string> DeclaredAs(ResponseKind kind) => Declared.Responses.Values.Where(r => r.Kind == kind && ids.Contains(r.OperationId)).Select(r => r.OperationId).Order(StringComparer.Ordinal);

        Assert.Equal(DeclaredAs(ResponseKind.Paged), spec.Operations.Where(o => WireBehaviours.For(spec, o) is PagedResponse).Select(o => o.OperationId).Order(StringComparer.Ordinal));
        Assert.Equal(DeclaredAs(ResponseKind.Stream), spec.Operations.Where(o => WireBehaviours.For(spec, o) is CsvResponse).Select(o => o.OperationId).Order(StringComparer.Ordinal));
        Assert.Equal(DeclaredAs(ResponseKind.Exists), spec.Operations.Where(o => o.Method == "HEAD").Select(o => o.OperationId).Order(StringComparer.Ordinal));
        Assert.Equal(Declared.HandWritten.Keys.Where(ids.Contains).Order(StringComparer.Ordinal), WireBehaviours.SpecialOperationsOf("hub").Where(ids.Contains).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task Every_sample_answer_is_valid_against_its_own_schema(string version)
    {
        var spec = await ContractSpecs.Hub.GetAsync(Generator.Specs.ApiVersion.Parse(version, Generator.Specs.VersionScheme.Date));
        var samples = new SampleJson(spec.Schemas);
        var validator = new JsonSchemaValidator(spec.Schemas);
        var problems = new List<string>();
        foreach (var operation in spec.Operations)
        {
            if (operation.Success?.Response["schema"] is { } schema)
            {
                var violations = new List<Violation>();
                validator.Validate(samples.For(schema), schema, string.Empty, nullAllowed: false, violations);
                problems.AddRange(violations.Select(v => $"{operation.OperationId}: {v}"));
            }
        }

        Assert.Empty(problems);
    }
}
