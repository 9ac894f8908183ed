namespace DockerApiGen.Runtime;

/// <summary>
/// Marks a generated client method with the Engine API operation it calls, so tools (contract tests,
/// coverage counts, API diffs) can map methods to the spec without parsing names; and with the versions the
/// operation exists in (<see cref="Since"/>, <see cref="DeprecatedSince"/>, <see cref="RemovedIn"/>), as the locked
/// specs say.
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

    /// <summary>The API version that introduced the operation (<c>1.55</c>), or null when it is as old as the package's oldest known version.</summary>
    public string? Since { get; set; }

    /// <summary>The API version from which the specs mark the operation deprecated, if any.</summary>
    public string? DeprecatedSince { get; set; }

    /// <summary>The first API version without the operation, if a newer version removed it.</summary>
    public string? RemovedIn { get; set; }
}
