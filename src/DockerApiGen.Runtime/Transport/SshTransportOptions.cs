namespace DockerApiGen.Runtime.Transport;

/// <summary>
/// How <see cref="SshTransport"/> runs the <c>ssh</c> client. By default it relies on the user's ssh setup
/// (<c>~/.ssh/config</c>, the agent, known hosts) exactly as the docker CLI does. Bindable from configuration.
/// </summary>
public sealed class SshTransportOptions
{
    /// <summary>The ssh client to run; default <c>ssh</c> from <c>PATH</c>.</summary>
    public string SshExecutable { get; init; } = "ssh";

    /// <summary>A private key file to log in with (<c>ssh -i</c>), or null for the agent and the ssh config's keys.</summary>
    public string? IdentityFile { get; init; }

    /// <summary>
    /// Options passed as <c>ssh -o NAME=VALUE</c>, before this transport's own defaults (ssh keeps the first value
    /// given for an option, so these win): e.g. <c>UserKnownHostsFile=/path</c>, <c>StrictHostKeyChecking=accept-new</c>.
    /// </summary>
    public IList<string> Options { get; init; } = [];

    /// <summary>
    /// Whether ssh may ask for a password or passphrase on the terminal. Default false (<c>BatchMode=yes</c>): a
    /// library has no one to answer, and a prompt would hang the connection.
    /// </summary>
    public bool AllowInteractiveLogin { get; init; }

    /// <inheritdoc />
    public override string ToString()
        => $"SshTransportOptions {{ SshExecutable = {SshExecutable}, IdentityFile = {IdentityFile ?? "none"}, Options = [{string.Join(", ", Options)}], AllowInteractiveLogin = {AllowInteractiveLogin} }}";
}
