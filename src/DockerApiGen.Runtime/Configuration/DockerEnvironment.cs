namespace DockerApiGen.Runtime.Configuration;

/// <summary>
/// The environment the docker CLI reads its configuration from: <c>DOCKER_HOST</c>, <c>DOCKER_CONTEXT</c>,
/// <c>DOCKER_CONFIG</c>, <c>DOCKER_TLS_VERIFY</c>, <c>DOCKER_TLS</c>, <c>DOCKER_CERT_PATH</c>, <c>PATH</c> (for
/// credential helpers) and the home folder. Resolution takes it as a value so that code (and tests) can
/// resolve for another environment than the process's.
/// </summary>
public sealed class DockerEnvironment
{
    private readonly Func<string, string?> _variables;

    /// <summary>Creates an environment from a variable lookup and a home folder.</summary>
    /// <param name="variables">Returns a variable's value, or null when it is not set.</param>
    /// <param name="homeDirectory">The user's home folder (where <c>.docker/</c> is by default).</param>
    public DockerEnvironment(Func<string, string?> variables, string homeDirectory)
    {
        ArgumentNullException.ThrowIfNull(variables);
        ArgumentNullException.ThrowIfNull(homeDirectory);
        _variables = variables;
        HomeDirectory = homeDirectory;
    }

    /// <summary>The current process's environment and the user's home folder.</summary>
    public static DockerEnvironment FromProcess()
        => new(Environment.GetEnvironmentVariable, Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));

    /// <summary>An environment made of the given variables only (others are unset), e.g. for tests.</summary>
    /// <param name="variables">Variable name → value.</param>
    /// <param name="homeDirectory">The user's home folder.</param>
    public static DockerEnvironment FromVariables(IReadOnlyDictionary<string, string> variables, string homeDirectory)
    {
        ArgumentNullException.ThrowIfNull(variables);
        return new(name => variables.TryGetValue(name, out var value) ? value : null, homeDirectory);
    }

    /// <summary>The user's home folder.</summary>
    public string HomeDirectory { get; }

    /// <summary>
    /// The docker CLI's configuration folder: <c>DOCKER_CONFIG</c>, else <c>~/.docker</c>. It holds
    /// <c>config.json</c>, the context store (<c>contexts/</c>) and the default TLS files.
    /// </summary>
    public string ConfigDirectory => Get("DOCKER_CONFIG") is { } configured ? configured : Path.Combine(HomeDirectory, ".docker");

    /// <summary>A variable's value; null when it is unset or empty (the docker CLI treats both alike).</summary>
    /// <param name="name">The variable's name.</param>
    public string? Get(string name) => _variables(name) is { Length: > 0 } value ? value : null;
}
