using System.Net;

namespace DockerApiGen.Registry.Auth;

/// <summary>
/// Authenticating to a registry failed before the registry could judge the request: the credentials were refused,
/// the challenge was malformed, the token server failed, or sending credentials would have been unsafe.
/// <see cref="Failure"/> says which. The message never holds a password or token.
/// </summary>
public class RegistryAuthenticationException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="failure">Why it failed.</param>
    /// <param name="registry">The registry, <c>host[:port]</c>.</param>
    /// <param name="message">What happened and what to do (no secret).</param>
    /// <param name="statusCode">The token server's or registry's status, when one answered.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public RegistryAuthenticationException(RegistryAuthenticationFailure failure, string registry, string message, HttpStatusCode? statusCode = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Failure = failure;
        Registry = registry;
        StatusCode = statusCode;
    }

    /// <summary>Why it failed.</summary>
    public RegistryAuthenticationFailure Failure { get; }

    /// <summary>The registry, <c>host[:port]</c>.</summary>
    public string Registry { get; }

    /// <summary>The token server's or registry's status, when one answered.</summary>
    public HttpStatusCode? StatusCode { get; }
}
