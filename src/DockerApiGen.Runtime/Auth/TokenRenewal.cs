namespace DockerApiGen.Runtime.Auth;

/// <summary>
/// When a bearer token with a known lifetime should be renewed (registry and Docker Hub tokens alike): a margin
/// before it expires, a tenth of its lifetime but at most a maximum, so that a request sent now does not arrive with
/// a token that just expired, and a short-lived token is not renewed on every request.
/// </summary>
public static class TokenRenewal
{
    /// <summary>True while the token may still be sent.</summary>
    /// <param name="obtainedAt">When the client received the token.</param>
    /// <param name="expiresAt">When it expires.</param>
    /// <param name="now">The current time.</param>
    /// <param name="maxMargin">The longest margin before expiry.</param>
    public static bool IsFresh(DateTimeOffset obtainedAt, DateTimeOffset expiresAt, DateTimeOffset now, TimeSpan maxMargin)
    {
        var lifetime = expiresAt - obtainedAt;
        var margin = TimeSpan.FromTicks(Math.Clamp(lifetime.Ticks / 10, 0, Math.Max(0, maxMargin.Ticks)));
        return now < expiresAt - margin;
    }
}
