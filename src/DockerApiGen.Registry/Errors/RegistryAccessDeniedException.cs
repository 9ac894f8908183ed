using System.Net;
using DockerApiGen.Registry.Http;

namespace DockerApiGen.Registry.Errors;

/// <summary>
/// The registry refused the request's credentials or token (401 or 403, UNAUTHORIZED or DENIED): no credentials
/// where some are needed, or a token that does not grant the access (a missing scope, such as push or delete).
/// <see cref="ChallengeError"/> tells which when the registry said (<c>insufficient_scope</c>, <c>invalid_token</c>).
/// </summary>
public sealed class RegistryAccessDeniedException : RegistryApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="method">The request method.</param>
    /// <param name="target">What the request addressed.</param>
    /// <param name="errors">The registry's errors.</param>
    /// <param name="bodyText">The body as text when it was not an error body.</param>
    /// <param name="challengeError">The <c>error</c> of the registry's Bearer challenge, if any.</param>
    /// <param name="requiredScope">The scope the registry's challenge asked for, if any.</param>
    /// <param name="hint">What to do; null for the default advice.</param>
    public RegistryAccessDeniedException(HttpStatusCode statusCode, string method, RegistryRequestTarget target, IReadOnlyList<RegistryError> errors, string? bodyText, string? challengeError, string? requiredScope, string? hint = null)
        : base(statusCode, method, target, errors, bodyText, hint ?? DefaultHint(target, challengeError, requiredScope))
    {
        ChallengeError = challengeError;
        RequiredScope = requiredScope;
    }

    /// <summary>The <c>error</c> of the registry's Bearer challenge: <c>insufficient_scope</c>, <c>invalid_token</c>, or null.</summary>
    public string? ChallengeError { get; }

    /// <summary>The scope the registry's challenge asked for (e.g. <c>repository:team/app:pull,push</c>), or null.</summary>
    public string? RequiredScope { get; }

    private static string DefaultHint(RegistryRequestTarget target, string? challengeError, string? requiredScope) => challengeError switch
    {
        "insufficient_scope" => $"The token does not grant {requiredScope ?? "this access"}; the account may not have that right on {target.Repository ?? target.Registry}.",
        "invalid_token" => "The registry does not accept the token (expired, or signed by a key it does not trust).",
        _ => $"Check the credentials for {target.Registry} (explicit, or 'docker login {target.Registry}') and their rights.",
    };
}
