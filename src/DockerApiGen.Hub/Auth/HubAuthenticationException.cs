using System.Net;

namespace DockerApiGen.Hub.Auth;

/// <summary>
/// Signing in to Docker Hub failed: <see cref="Failure"/> says why. The message names the endpoint and the account
/// (user or organization name) and says what to do; it never holds a password, token or code.
/// </summary>
public class HubAuthenticationException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="failure">Why it failed.</param>
    /// <param name="message">What happened and what to do (no secret).</param>
    /// <param name="statusCode">The token endpoint's status, when it answered.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public HubAuthenticationException(HubAuthenticationFailure failure, string message, HttpStatusCode? statusCode = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Failure = failure;
        StatusCode = statusCode;
    }

    /// <summary>Why it failed.</summary>
    public HubAuthenticationFailure Failure { get; }

    /// <summary>The token endpoint's status, when it answered.</summary>
    public HttpStatusCode? StatusCode { get; }
}
