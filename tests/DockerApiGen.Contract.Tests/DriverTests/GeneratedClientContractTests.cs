using System.Reflection;
using DockerApiGen.Contract.Tests.Driver;
using DockerApiGen.Contract.Tests.Server;
using DockerApiGen.Contract.Tests.Spec;
using DockerApiGen.Contract.Tests.Validation;
using DockerApiGen.Generator.Specs;

namespace DockerApiGen.Contract.Tests.DriverTests;

/// <summary>
/// Every operation of every covered version, called through the generated client with synthesized
/// arguments against the spec server: the server must see exactly that operation, with no violation, and
/// the client must read the server's answer.
/// </summary>
public sealed class GeneratedClientContractTests
{
    public static TheoryData<string, string> Operations
        => [.. from version in ContractSpecs.Versions
               from generated in GeneratedClients.Operations(version)
               select (version.ToString(), generated.Operation.OperationId)];

    public static TheoryData<string> Versions => [.. ContractSpecs.Versions.Select(v => v.ToString())];

    [Theory]
    [MemberData(nameof(Operations))]
    public Task Each_call_with_every_argument_sends_what_the_spec_declares_and_reads_the_answer(string version, string operationId)
        => CallAndCheckAsync(ApiVersion.Parse(version), operationId, requiredOnly: false);

    [Theory]
    [MemberData(nameof(Operations))]
    public Task Each_call_with_only_required_arguments_sends_what_the_spec_declares_and_reads_the_answer(string version, string operationId)
        => CallAndCheckAsync(ApiVersion.Parse(version), operationId, requiredOnly: true);

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task Every_operation_of_the_spec_has_exactly_one_generated_method(string version)
    {
        var apiVersion = ApiVersion.Parse(version);
        var specIds = (await ContractSpecs.GetAsync(apiVersion)).Operations.Select(o => o.OperationId).Order(StringComparer.Ordinal);
        var generatedIds = GeneratedClients.Operations(apiVersion).Select(g => g.Operation.OperationId).Order(StringComparer.Ordinal);

        Assert.Equal(specIds, generatedIds);
    }

    [Fact]
    public void Every_committed_version_from_1_42_is_covered_and_its_package_referenced()
    {
        // v1.42–v1.55 are committed today; the range may grow (add-version), never silently shrink.
        Assert.Equal(Enumerable.Range(42, 14).Select(minor => new ApiVersion(1, minor)), ContractSpecs.Versions.Where(v => v <= new ApiVersion(1, 55)));
        Assert.All(ContractSpecs.Versions, v => Assert.NotNull(GeneratedClients.ClientType(v)));
    }

    private static async Task CallAndCheckAsync(ApiVersion version, string operationId, bool requiredOnly)
    {
        var spec = await ContractSpecs.GetAsync(version);
        var operation = spec.Operation(operationId);
        var generated = GeneratedClients.Operations(version).Single(g => g.Operation.OperationId == operationId);
        Assert.Equal((operation.Method, operation.PathTemplate), (generated.Operation.Method, generated.Operation.Path));

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        await using var server = SpecServer.Start(spec);
        using (var client = GeneratedClients.Create(version, server.Endpoint))
        {
            var arguments = new ArgumentSynthesizer(operation);
            var values = arguments.For(generated.Method, requiredOnly, timeout.Token);
            var returned = generated.Method.Invoke(generated.SubClient.GetValue(client), BindingFlags.DoNotWrapExceptions, null, values, null);
            await ResultConsumer.ConsumeAsync(generated.Method, returned, version.ToString(), timeout.Token);

            var recorded = Assert.Single(server.Requests);
            Assert.Equal(operationId, recorded.OperationId);
            Assert.Empty(recorded.Violations);
            Assert.All(operation.In(ParameterLocation.Path), p => Assert.Equal(ArgumentSynthesizer.Awkward, recorded.PathValues[p.Name]));
            var query = QueryString.Parse(recorded.Request.RawQuery, []);
            Assert.All(arguments.ExpectedQuery, expected => Assert.Contains(expected, query));
        }

        Assert.Empty(server.Errors);
    }
}
