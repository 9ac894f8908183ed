using DockerApiGen.Hub.Auth;

namespace DockerApiGen.Hub;

// The hand-written part of the generated HubClient (Generated/HubClient.cs): signing in is the runtime's, not a
// generated call. The token endpoints (POST /v2/auth/token, /v2/users/login, /v2/users/2fa-login) are left out of
// the generated client (specs/hub/operations.yaml, handWritten): a token is only of use to the connection that holds
// it, which renews it before it expires and after a 401; a second factor needs the challenge the authenticator keeps;
// and the credentials stay in HubClientOptions instead of travelling in request models a caller might log.
public partial class HubClient
{
    /// <summary>
    /// Signing in: calls sign in on their own when they need a token (with <see cref="Http.HubClientOptions.Credentials"/>);
    /// <see cref="HubAuthenticator.LoginAsync"/> signs in up front, <see cref="HubAuthenticator.CompleteTwoFactorAsync"/>
    /// answers a second-factor challenge, <see cref="HubAuthenticator.ExpiresAt"/> tells when the token expires and
    /// <see cref="HubAuthenticator.SignOut"/> forgets it. The same object as <c>Connection.Authentication</c>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The client was made for mocking and has no connection.</exception>
    public virtual HubAuthenticator Authentication => Connection.Authentication;
}
