namespace DockerApiGen.Registry.Errors;

/// <summary>
/// A registry could not be reached, or the connection broke during an answer (a download cut short). The message
/// names the registry and the operation and says what to check; the transport's exception is inside.
/// </summary>
public sealed class RegistryConnectionException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="registry">The registry's address (scheme, host and port).</param>
    /// <param name="operation">The operation, e.g. <c>BlobGet</c>.</param>
    /// <param name="inner">What the transport threw.</param>
    /// <param name="duringAnswer">True when the answer had begun (a broken download), false when the request failed.</param>
    public RegistryConnectionException(string registry, string operation, Exception inner, bool duringAnswer = false)
        : base(Describe(registry, operation, inner, duringAnswer), inner)
    {
        Registry = registry;
        Operation = operation;
    }

    /// <summary>The registry's address (scheme, host and port).</summary>
    public string Registry { get; }

    /// <summary>The operation that failed.</summary>
    public string Operation { get; }

    private static string Describe(string registry, string operation, Exception inner, bool duringAnswer)
        => duringAnswer
            ? $"The connection to the registry {registry} broke while {operation} was being read ({inner.Message}). Try again; downloads of blobs resume where they stopped."
            : $"The registry {registry} could not be reached for {operation} ({inner.Message}). Check the address, that the registry runs, and the network between.";
}
