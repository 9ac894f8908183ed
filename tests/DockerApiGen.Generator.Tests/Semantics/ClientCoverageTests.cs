using DockerApiGen.Generator.Pipeline;
using DockerApiGen.Generator.Tests.Pipeline;
using Microsoft.CodeAnalysis;

namespace DockerApiGen.Generator.Tests.Semantics;

/// <summary>Every operation of every locked version has exactly one client method, found by its [DockerOperation].</summary>
public sealed class ClientCoverageTests(AllVersionsFixture fixture)
{
    [Fact]
    public async Task Every_operation_of_every_version_has_one_generated_method()
    {
        var outputs = await fixture.OutputsAsync();
        Assert.Equal((await fixture.RunAsync()).Inputs.Lock.Entries.Select(e => e.Version), outputs.Select(o => o.Model.Version));
        foreach (var output in outputs)
        {
            var methods = OperationMethods(output.Compilation!).ToList();
            var expected = output.Model.Operations.Select(o => o.OperationId).Order(StringComparer.Ordinal).ToArray();
            var actual = methods.Select(m => m.OperationId).Order(StringComparer.Ordinal).ToArray();
            Assert.True(expected.SequenceEqual(actual), $"v{output.Model.Version}: spec has {expected.Length} operations, client has {actual.Length} methods; missing [{string.Join(", ", expected.Except(actual))}], extra [{string.Join(", ", actual.Except(expected))}].");
            Assert.All(methods, m => Assert.True(m.Method.IsVirtual, $"{m.Method} must be virtual (mockable)."));
            Assert.All(methods, m => Assert.Equal("cancellationToken", m.Method.Parameters[^1].Name));
        }
    }

    [Fact]
    public async Task Operation_attributes_carry_the_spec_method_and_path()
    {
        var v141 = (await fixture.OutputsAsync()).Single(o => o.Model.Version.ToString() == "1.41");
        var byId = OperationMethods(v141.Compilation!).ToDictionary(m => m.OperationId);
        foreach (var operation in v141.Model.Operations)
        {
            var attribute = byId[operation.OperationId].Attribute;
            Assert.Equal(operation.Method, attribute.ConstructorArguments[1].Value);
            Assert.Equal(operation.Path, attribute.ConstructorArguments[2].Value);
        }

        Assert.Equal("ListAsync", byId["ContainerList"].Method.Name);
        Assert.Equal("ContainersClient", byId["ContainerList"].Method.ContainingType.Name);
        Assert.Equal("CreateAsync", byId["ContainerExec"].Method.Name);
        Assert.Equal("ExecClient", byId["ContainerExec"].Method.ContainingType.Name);
        Assert.Equal(["id", "execConfig", "cancellationToken"], byId["ContainerExec"].Method.Parameters.Select(p => p.Name).ToArray()); // path before body
    }

    /// <summary>Every generated method that carries <c>[DockerOperation]</c>, with the operation id it names.</summary>
    internal static IEnumerable<(string OperationId, IMethodSymbol Method, AttributeData Attribute)> OperationMethods(Compilation compilation)
    {
        var stack = new Stack<INamespaceOrTypeSymbol>([compilation.Assembly.GlobalNamespace]);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            foreach (var member in current.GetMembers())
            {
                switch (member)
                {
                    case INamespaceOrTypeSymbol nested:
                        stack.Push(nested);
                        break;
                    case IMethodSymbol method when method.GetAttributes().FirstOrDefault(a => a.AttributeClass?.Name == "DockerOperationAttribute") is { } attribute:
                        yield return ((string)attribute.ConstructorArguments[0].Value!, method, attribute);
                        break;
                }
            }
        }
    }
}
