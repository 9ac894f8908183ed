namespace DockerApiGen.Runtime.Errors;

/// <summary>
/// A pull, push, build, load or import failed: the daemon answered 200 and then reported the error inside
/// its progress stream (<c>{"error": "…", "errorDetail": {…}}</c>).
/// </summary>
public sealed class DockerProgressException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="operationId">The operation whose stream carried the error.</param>
    /// <param name="daemonMessage">The daemon's error text.</param>
    /// <param name="code">The error's code, when the daemon gave one.</param>
    public DockerProgressException(string operationId, string daemonMessage, long? code)
        : base($"Docker reported an error during {operationId}: {daemonMessage}")
    {
        OperationId = operationId;
        DaemonMessage = daemonMessage;
        Code = code;
    }

    /// <summary>The operation, e.g. <c>ImageBuild</c>.</summary>
    public string OperationId { get; }

    /// <summary>The daemon's error text.</summary>
    public string DaemonMessage { get; }

    /// <summary>The error's code, if any.</summary>
    public long? Code { get; }
}
