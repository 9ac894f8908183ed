namespace DockerApiGen.Hub.Auth;

/// <summary>The kinds of credentials the Hub exchanges for a bearer token.</summary>
public enum HubCredentialKind
{
    /// <summary>A user name and the account's password (refused when the organization enforces SSO).</summary>
    Password,

    /// <summary>A user name and a personal access token (<c>dckr_pat_…</c>).</summary>
    PersonalAccessToken,

    /// <summary>An organization name and an organization access token (<c>dckr_oat_…</c>).</summary>
    OrganizationAccessToken,
}
