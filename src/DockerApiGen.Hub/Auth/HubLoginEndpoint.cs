namespace DockerApiGen.Hub.Auth;

/// <summary>Which of the Hub's token endpoints the client exchanges credentials at.</summary>
public enum HubLoginEndpoint
{
    /// <summary>
    /// <c>POST /v2/auth/token</c> with <c>identifier</c> and <c>secret</c> (the 2025 API, operation
    /// <c>AuthCreateAccessToken</c>): every kind of credentials; the answer's <c>access_token</c> lives 10 minutes.
    /// </summary>
    AccessToken,

    /// <summary>
    /// <c>POST /v2/users/login</c> with <c>username</c> and <c>password</c> (the older API, deprecated in 2025:
    /// operation <c>PostUsersLogin</c>), followed by <c>POST /v2/users/2fa-login</c> when the account has two-factor
    /// authentication. Users only: not for organization access tokens.
    /// </summary>
    UsersLogin,
}
