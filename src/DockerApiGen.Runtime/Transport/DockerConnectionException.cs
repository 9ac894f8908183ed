namespace DockerApiGen.Runtime.Transport;

/// <summary>
/// The daemon could not be reached (refused, no such socket, no permission, TLS failure…), the connection
/// broke before its answer was complete (the daemon stopped in the middle of a stream, a wait or a body), or an
/// attach/exec session was not upgraded. The message names the endpoint (and the operation, when one was under
/// way) and says what to do; it never holds credentials.
/// </summary>
public sealed class DockerConnectionException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="endpoint">The endpoint, as the user would write it.</param>
    /// <param name="message">What went wrong and what to do.</param>
    /// <param name="innerException">The underlying error.</param>
    public DockerConnectionException(string endpoint, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Endpoint = endpoint;
    }

    /// <summary>The endpoint that could not be reached.</summary>
    public string Endpoint { get; }
}
