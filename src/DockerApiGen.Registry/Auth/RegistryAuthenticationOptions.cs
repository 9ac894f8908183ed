namespace DockerApiGen.Registry.Auth;

/// <summary>How <see cref="RegistryAuthenticationHandler"/> authenticates.</summary>
public sealed class RegistryAuthenticationOptions
{
    /// <summary>Where logins come from; null for anonymous access everywhere.</summary>
    public IRegistryCredentialProvider? Credentials { get; init; }

    /// <summary>The <c>client_id</c> sent to token servers (default <c>dockerapigen</c>).</summary>
    public string ClientId { get; init; } = "dockerapigen";

    /// <summary>
    /// Ask token servers for tokens with the OAuth2 password grant (a form POST that also returns a refresh token,
    /// used for later tokens instead of the password). Token servers that do not serve POST (404 or 405) are asked
    /// by GET with Basic credentials instead. Default false: GET with Basic credentials, as the docker daemon does
    /// without an identity token.
    /// </summary>
    public bool UseOAuthPasswordGrant { get; init; }

    /// <summary>
    /// Registries and token servers (<c>host[:port]</c>) to which credentials may go over plain HTTP although they
    /// are not on loopback, like the daemon's <c>insecure-registries</c>. Empty by default: credentials travel only
    /// over TLS or to loopback.
    /// </summary>
    public IReadOnlyCollection<string> AllowCredentialsOverPlainHttp { get; init; } = [];

    /// <summary>The longest margin before expiry at which a token is renewed (default 30 s; a tenth of the lifetime when that is less).</summary>
    public TimeSpan MaxRenewalMargin { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The clock (a fake one in tests).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <inheritdoc />
    public override string ToString()
        => $"RegistryAuthenticationOptions {{ Credentials = {Credentials?.GetType().Name ?? "none"}, ClientId = {ClientId}, UseOAuthPasswordGrant = {UseOAuthPasswordGrant} }}";
}
