namespace DockerApiGen.Registry.Http;

/// <summary>A registry's TLS certificate is not trusted or does not name the host; the message says which and what to do.</summary>
public sealed class RegistryTlsException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="host">The registry host.</param>
    /// <param name="message">What failed and what to do.</param>
    public RegistryTlsException(string host, string message)
        : base(message)
    {
        Host = host;
    }

    /// <summary>The registry host whose certificate failed.</summary>
    public string Host { get; }
}
