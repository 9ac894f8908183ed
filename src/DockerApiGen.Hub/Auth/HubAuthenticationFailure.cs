namespace DockerApiGen.Hub.Auth;

/// <summary>Why signing in to Docker Hub failed.</summary>
public enum HubAuthenticationFailure
{
    /// <summary>The Hub refused the credentials (wrong user or organization name, password or token; a revoked or expired token; a password where SSO is enforced).</summary>
    CredentialsRefused,

    /// <summary>The account needs a second factor and no code was given (see <see cref="HubTwoFactorRequiredException"/>).</summary>
    TwoFactorRequired,

    /// <summary>The Hub refused the second-factor code (wrong, or too late: the intermediate token lives a short time).</summary>
    TwoFactorCodeRefused,

    /// <summary>The token endpoint failed, or answered something that is not a token.</summary>
    TokenEndpointFailed,

    /// <summary>Credentials would travel over plain HTTP to a host that is not loopback.</summary>
    InsecureTransport,

    /// <summary>The options do not fit together (e.g. an organization access token with the older login endpoint).</summary>
    InvalidConfiguration,
}
