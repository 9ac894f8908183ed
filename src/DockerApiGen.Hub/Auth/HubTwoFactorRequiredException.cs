using System.Net;

namespace DockerApiGen.Hub.Auth;

/// <summary>
/// A call needed a token, and signing in needs a second factor that no <see cref="Http.HubClientOptions.TwoFactorCodeProvider"/>
/// could give. Answer <see cref="Challenge"/> with the account's current code through
/// <see cref="HubAuthenticator.CompleteTwoFactorAsync"/>, then call again.
/// </summary>
public sealed class HubTwoFactorRequiredException : HubAuthenticationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="challenge">The Hub's request for a second factor.</param>
    public HubTwoFactorRequiredException(HubTwoFactorChallenge challenge)
        : base(HubAuthenticationFailure.TwoFactorRequired, Describe(challenge), HttpStatusCode.Unauthorized)
    {
        Challenge = challenge;
    }

    /// <summary>The Hub's request for a second factor; pass it to <see cref="HubAuthenticator.CompleteTwoFactorAsync"/>.</summary>
    public HubTwoFactorChallenge Challenge { get; }

    private static string Describe(HubTwoFactorChallenge challenge)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        return $"Docker Hub needs a second factor to sign in '{challenge.Username}' (two-factor authentication is on for the account). "
            + "Call HubAuthenticator.CompleteTwoFactorAsync with this exception's Challenge and the code of the account's authenticator app, then call again; "
            + "or set HubClientOptions.TwoFactorCodeProvider, or sign in with a personal access token, which needs no second factor.";
    }
}
