namespace DockerApiGen.Hub.Auth;

/// <summary>
/// What the client signs in to Docker Hub with: a user name with a password or a personal access token, or an
/// organization name with an organization access token. The secret is held for the token exchange only: it never
/// appears in <see cref="ToString"/>, in logs or in exception messages.
/// </summary>
public sealed class HubCredentials
{
    private HubCredentials(HubCredentialKind kind, string identifier, string secret)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(identifier);
        ArgumentException.ThrowIfNullOrEmpty(secret);
        Kind = kind;
        Identifier = identifier;
        Secret = secret;
    }

    /// <summary>Which kind of credentials these are.</summary>
    public HubCredentialKind Kind { get; }

    /// <summary>The user name (password, personal access token) or the organization name (organization access token).</summary>
    public string Identifier { get; }

    /// <summary>The password or token; internal so that it cannot be read back from a configured client.</summary>
    internal string Secret { get; }

    /// <summary>A user name and password. Docker recommends a personal access token instead.</summary>
    /// <param name="username">The Docker ID.</param>
    /// <param name="password">The password.</param>
    public static HubCredentials Password(string username, string password) => new(HubCredentialKind.Password, username, password);

    /// <summary>A user name and a personal access token.</summary>
    /// <param name="username">The Docker ID the token belongs to.</param>
    /// <param name="token">The personal access token (<c>dckr_pat_…</c>).</param>
    public static HubCredentials PersonalAccessToken(string username, string token) => new(HubCredentialKind.PersonalAccessToken, username, token);

    /// <summary>An organization access token, for automation on an organization's resources.</summary>
    /// <param name="organization">The organization (namespace) the token belongs to.</param>
    /// <param name="token">The organization access token (<c>dckr_oat_…</c>).</param>
    public static HubCredentials OrganizationAccessToken(string organization, string token) => new(HubCredentialKind.OrganizationAccessToken, organization, token);

    /// <summary>The kind and identifier; the secret as <c>***</c>.</summary>
    public override string ToString() => $"HubCredentials {{ Kind = {Kind}, Identifier = {Identifier}, Secret = *** }}";
}
