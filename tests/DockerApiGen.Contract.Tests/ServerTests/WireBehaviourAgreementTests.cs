using DockerApiGen.Contract.Tests.Responses;
using DockerApiGen.Contract.Tests.Validation;
using DockerApiGen.Generator.Pipeline;
using DockerApiGen.Generator.Semantics;

namespace DockerApiGen.Contract.Tests.ServerTests;

/// <summary>
/// The server's own tables of what the spec cannot express (wire behaviours, JSON inside query strings)
/// are written independently of the generator's operations file, so that each checks the other; here they
/// must agree on which operations and parameters are special and how.
/// </summary>
public sealed class WireBehaviourAgreementTests
{
    private static readonly OperationsConfig Declared = OperationsConfig.Load(RepositoryLayout.Find(AppContext.BaseDirectory).OperationsPath);

    [Fact]
    public void Every_declared_answer_kind_has_the_matching_wire_behaviour_and_no_other_operation_has_one()
    {
        var declared = Declared.Responses.Values.Where(r => r.Kind != ResponseKind.Json).ToDictionary(r => r.OperationId, r => r);

        Assert.Equal(declared.Keys.Order(StringComparer.Ordinal), WireBehaviours.SpecialOperations.Order(StringComparer.Ordinal));
        foreach (var (operation, semantics) in declared)
        {
            var behaviour = WireBehaviours.For(operation);
            var expected = behaviour switch
            {
                JsonLinesResponse => ResponseKind.Progress,
                SampleLinesResponse => ResponseKind.JsonStream,
                MultiplexedOutputResponse => ResponseKind.Output,
                HijackResponse => ResponseKind.Hijack,
                WebSocketEchoResponse => ResponseKind.WebSocket,
                PingResponse or PathStatResponse => ResponseKind.Headers,
                TarResponse => ResponseKind.Stream,
                _ => throw new InvalidOperationException($"{behaviour.GetType().Name} has no answer kind in this test."),
            };
            Assert.True(expected == semantics.Kind, $"{operation}: the operations file says {semantics.Kind}, the contract server answers as {expected} ({behaviour.GetType().Name}).");
            if (behaviour is HijackResponse hijack)
            {
                Assert.Equal(semantics.Upgrade, hijack.Protocol);
            }
        }
    }

    [Fact]
    public void Every_parameter_declared_as_json_has_a_shape_in_the_server_and_every_shape_a_declaration()
    {
        var json = Declared.Parameters
            .Where(p => p.Encoding is ParameterEncoding.Filters or ParameterEncoding.JsonStringMap or ParameterEncoding.JsonStringList or ParameterEncoding.Json or ParameterEncoding.JsonList)
            .Select(p => p.Name)
            .ToHashSet(StringComparer.Ordinal);

        Assert.Equal(json.Order(StringComparer.Ordinal), JsonEncodedShapes.Names.Order(StringComparer.Ordinal));
    }
}
