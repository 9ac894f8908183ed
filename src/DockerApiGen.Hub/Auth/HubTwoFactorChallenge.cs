namespace DockerApiGen.Hub.Auth;

/// <summary>
/// The Hub asked for a second factor: the account has two-factor authentication and signed in through
/// <c>POST /v2/users/login</c>. Answer it with the current code of the account's authenticator app, through
/// <see cref="HubAuthenticator.CompleteTwoFactorAsync"/> (or let <see cref="Http.HubClientOptions.TwoFactorCodeProvider"/>
/// answer it). The intermediate token it holds lives a short time and never appears in <see cref="ToString"/>.
/// </summary>
public sealed class HubTwoFactorChallenge
{
    internal HubTwoFactorChallenge(string username, string loginToken, string? detail, DateTimeOffset issuedAt)
    {
        Username = username;
        LoginToken = loginToken;
        Detail = detail;
        IssuedAt = issuedAt;
    }

    /// <summary>The account that signed in.</summary>
    public string Username { get; }

    /// <summary>What the Hub said (e.g. that the account needs a second factor), if anything.</summary>
    public string? Detail { get; }

    /// <summary>When the Hub asked.</summary>
    public DateTimeOffset IssuedAt { get; }

    /// <summary>The Hub's <c>login_2fa_token</c>, sent back with the code.</summary>
    internal string LoginToken { get; }

    /// <summary>The account and when; the intermediate token as <c>***</c>.</summary>
    public override string ToString() => $"HubTwoFactorChallenge {{ Username = {Username}, IssuedAt = {IssuedAt:O}, LoginToken = *** }}";
}
