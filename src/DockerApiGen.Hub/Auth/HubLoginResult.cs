namespace DockerApiGen.Hub.Auth;

/// <summary>
/// The outcome of <see cref="HubAuthenticator.LoginAsync"/>: signed in (with when the token expires), or a second
/// factor is needed (<see cref="TwoFactorChallenge"/>, to answer with <see cref="HubAuthenticator.CompleteTwoFactorAsync"/>).
/// </summary>
public sealed class HubLoginResult
{
    private HubLoginResult(DateTimeOffset? expiresAt, HubTwoFactorChallenge? challenge)
    {
        ExpiresAt = expiresAt;
        TwoFactorChallenge = challenge;
    }

    /// <summary>True when the client holds a bearer token.</summary>
    public bool IsAuthenticated => ExpiresAt is not null;

    /// <summary>When the token expires (the client renews it shortly before); null while a second factor is needed.</summary>
    public DateTimeOffset? ExpiresAt { get; }

    /// <summary>The Hub's request for a second factor, or null when signed in.</summary>
    public HubTwoFactorChallenge? TwoFactorChallenge { get; }

    internal static HubLoginResult SignedIn(DateTimeOffset expiresAt) => new(expiresAt, null);

    internal static HubLoginResult NeedsSecondFactor(HubTwoFactorChallenge challenge) => new(null, challenge);

    /// <inheritdoc />
    public override string ToString() => IsAuthenticated ? $"HubLoginResult {{ Authenticated, ExpiresAt = {ExpiresAt:O} }}" : $"HubLoginResult {{ {TwoFactorChallenge} }}";
}
