namespace DockerApiGen.Runtime.Versions;

/// <summary>The API version a negotiating connection speaks with its daemon, agreed once from the daemon's versions.</summary>
/// <param name="Version">The version requests use: the client's own, or the daemon's newest when that is older.</param>
/// <param name="Daemon">What the daemon reported.</param>
/// <param name="IsClientVersion">Whether it is the client's own version (then nothing needs checking).</param>
public sealed record NegotiatedApiVersion(DockerApiVersion Version, DaemonApiVersions Daemon, bool IsClientVersion)
{
    /// <summary>The path prefix of requests: <c>/v1.44</c>.</summary>
    public string PathPrefix { get; } = "/v" + Version;
}
