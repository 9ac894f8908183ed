using System.Reflection;
using DockerApiGen.Generator.Specs;
using DockerApiGen.Runtime;

namespace DockerApiGen.Contract.Tests.Driver;

/// <summary>One generated method and the operation its <see cref="DockerOperationAttribute"/> names.</summary>
/// <param name="Operation">The attribute.</param>
/// <param name="SubClient">The <c>DockerClient</c> property that holds the method (<c>Containers</c>).</param>
/// <param name="Method">The method.</param>
public sealed record GeneratedOperation(DockerOperationAttribute Operation, PropertyInfo SubClient, MethodInfo Method)
{
    /// <inheritdoc />
    public override string ToString() => $"{SubClient.Name}.{Method.Name} ({Operation.OperationId})";
}

/// <summary>Finds the generated package of a version and its operations, by reflection.</summary>
public static class GeneratedClients
{
    /// <summary>The <c>DockerClient</c> type of a version's package (<c>DockerApiGen.Engine.V1_47.DockerClient</c>).</summary>
    /// <param name="version">The version.</param>
    /// <exception cref="TypeLoadException">The test project does not reference that package.</exception>
    public static Type ClientType(ApiVersion version)
        => Type.GetType($"DockerApiGen.Engine.{version.Identifier}.DockerClient, DockerApiGen.Engine.{version.Identifier}", throwOnError: true)!;

    /// <summary>Every method of a version's sub-clients that carries an operation attribute.</summary>
    /// <param name="version">The version.</param>
    public static IReadOnlyList<GeneratedOperation> Operations(ApiVersion version) => Operations(ClientType(version));

    /// <summary>Every method of an entry client's sub-clients that carries an operation attribute.</summary>
    /// <param name="clientType">The entry client (<c>DockerClient</c>, <c>HubClient</c>).</param>
    public static IReadOnlyList<GeneratedOperation> Operations(Type clientType)
        => [.. from property in clientType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
               from method in property.PropertyType.GetMethods(BindingFlags.Public | BindingFlags.Instance)
               let attribute = method.GetCustomAttribute<DockerOperationAttribute>()
               where attribute is not null
               orderby attribute.OperationId
               select new GeneratedOperation(attribute, property, method)];

    /// <summary>A client of a version's package connected to an endpoint; the caller disposes it.</summary>
    /// <param name="version">The version.</param>
    /// <param name="endpoint">The endpoint (<c>unix:///…</c>).</param>
    public static IDisposable Create(ApiVersion version, string endpoint)
        => (IDisposable)Activator.CreateInstance(ClientType(version), new DockerClientOptions { Endpoint = endpoint })!;
}
