namespace DockerApiGen.Runtime.Configuration;

/// <summary>
/// The configuration that says how to reach the daemon is wrong: a malformed <c>DOCKER_HOST</c> or endpoint, a
/// context that does not exist, TLS files that are missing or unreadable, an unreadable docker config. The
/// message names the setting and the value (never a credential) and says what to do.
/// </summary>
public sealed class DockerConfigurationException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="setting">Where the bad value came from, e.g. <c>DOCKER_HOST</c> or <c>DockerClientOptions.Endpoint</c>.</param>
    /// <param name="message">What is wrong and what to do.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public DockerConfigurationException(string setting, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Setting = setting;
    }

    /// <summary>Where the bad value came from, e.g. <c>DOCKER_HOST</c>, <c>DOCKER_CONTEXT</c>, <c>DockerClientOptions.Endpoint</c>.</summary>
    public string Setting { get; }
}
