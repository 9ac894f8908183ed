namespace DockerApiGen.Registry.Auth;

/// <summary>
/// A registry's <c>WWW-Authenticate</c> header could not be used: malformed (the message gives the character), a
/// Bearer challenge without a usable realm, or a scope that is not <c>type:name:actions</c>.
/// </summary>
public sealed class RegistryChallengeException : RegistryAuthenticationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="registry">The registry that sent the header.</param>
    /// <param name="header">The header value (challenges hold no secrets).</param>
    /// <param name="position">The 1-based character where the problem is, or 0 when it concerns the whole header.</param>
    /// <param name="problem">What is wrong.</param>
    /// <param name="failure">MalformedChallenge or UnsupportedScheme.</param>
    public RegistryChallengeException(string registry, string header, int position, string problem, RegistryAuthenticationFailure failure = RegistryAuthenticationFailure.MalformedChallenge)
        : base(failure, registry, $"The registry {registry} sent a WWW-Authenticate header that cannot be used{(position > 0 ? $" (at character {position})" : "")}: {problem} Header: {header}")
    {
        Header = header;
        Position = position;
        Problem = problem;
    }

    /// <summary>The header value.</summary>
    public string Header { get; }

    /// <summary>The 1-based character where the problem is, or 0.</summary>
    public int Position { get; }

    /// <summary>What is wrong.</summary>
    public string Problem { get; }
}
