namespace DockerApiGen.Registry.Auth;

/// <summary>Why authenticating to a registry failed.</summary>
public enum RegistryAuthenticationFailure
{
    /// <summary>The registry or its token server refused the credentials (wrong user name, password or identity token).</summary>
    CredentialsRefused,

    /// <summary>The registry's <c>WWW-Authenticate</c> challenge is malformed or incomplete.</summary>
    MalformedChallenge,

    /// <summary>The challenge asks for an authentication scheme this client does not speak.</summary>
    UnsupportedScheme,

    /// <summary>Credentials or a token would travel over plain HTTP to a host that is not loopback (or a realm downgrades from HTTPS).</summary>
    InsecureTransport,

    /// <summary>The token server failed or answered something that is not a token.</summary>
    TokenServerFailed,

    /// <summary>The registry asked for authentication after a request body that cannot be sent twice was sent.</summary>
    BodyNotReplayable,
}
