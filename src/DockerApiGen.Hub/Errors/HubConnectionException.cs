namespace DockerApiGen.Hub.Errors;

/// <summary>
/// Docker Hub could not be reached for a call (name resolution, refused or broken connection, TLS failure, a proxy),
/// or the connection broke before the answer was complete. The message names the address and the operation; the
/// inner exception says what failed.
/// </summary>
public sealed class HubConnectionException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="baseAddress">The Hub's address the client uses.</param>
    /// <param name="operation">The operation.</param>
    /// <param name="innerException">What failed.</param>
    public HubConnectionException(Uri baseAddress, string operation, Exception innerException)
        : base(Describe(baseAddress, operation, innerException), innerException)
    {
        BaseAddress = baseAddress;
        Operation = operation;
    }

    /// <summary>The Hub's address the client uses.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The operation under way.</summary>
    public string Operation { get; }

    private static string Describe(Uri baseAddress, string operation, Exception inner)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        ArgumentNullException.ThrowIfNull(inner);
        return $"Docker Hub at {baseAddress.GetLeftPart(UriPartial.Authority)} could not be reached for {operation} ({inner.Message.TrimEnd('.')}). "
            + "Check the network, any proxy (HTTPS_PROXY) and HubClientOptions.BaseAddress, then call again.";
    }
}
