namespace DockerApiGen.Runtime;

/// <summary>
/// Marks a generated client method with the Engine API operation it calls, so tools (contract tests,
/// coverage counts, API diffs) can map methods to the spec without parsing names.
/// </summary>
/// <param name="operationId">The spec's operation id, e.g. <c>ContainerList</c>.</param>
/// <param name="method">The HTTP method, e.g. <c>GET</c>.</param>
/// <param name="path">The path template, e.g. <c>/containers/{id}/json</c>.</param>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
public sealed class DockerOperationAttribute(string operationId, string method, string path) : Attribute
{
    /// <summary>The spec's operation id.</summary>
    public string OperationId { get; } = operationId;

    /// <summary>The HTTP method.</summary>
    public string Method { get; } = method;

    /// <summary>The path template.</summary>
    public string Path { get; } = path;
}
