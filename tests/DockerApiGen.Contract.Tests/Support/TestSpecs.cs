using DockerApiGen.Contract.Tests.Spec;
using DockerApiGen.Generator.Specs;

namespace DockerApiGen.Contract.Tests.Support;

/// <summary>The spec the server's own tests use: one recent version with every feature they exercise.</summary>
public static class TestSpecs
{
    /// <summary>The version.</summary>
    public static ApiVersion Version { get; } = new(1, 47);

    /// <summary>Its spec.</summary>
    public static Task<ContractSpec> GetAsync() => ContractSpecs.GetAsync(Version);
}
