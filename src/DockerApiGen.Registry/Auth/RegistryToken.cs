namespace DockerApiGen.Registry.Auth;

/// <summary>
/// A bearer token from a token server, with when it expires and the access it was asked for. Its value never appears
/// in <see cref="ToString"/>.
/// </summary>
internal sealed class RegistryToken(string value, TokenScope scope, DateTimeOffset obtainedAt, DateTimeOffset expiresAt)
{
    public string Value { get; } = value;

    public TokenScope Scope { get; } = scope;

    public DateTimeOffset ObtainedAt { get; } = obtainedAt;

    public DateTimeOffset ExpiresAt { get; } = expiresAt;

    /// <summary>
    /// True while the token may still be used: until a margin before it expires, a tenth of its lifetime but at most
    /// <paramref name="maxMargin"/>, so that a request sent now does not arrive with a token that just expired.
    /// </summary>
    public bool IsFresh(DateTimeOffset now, TimeSpan maxMargin)
    {
        var lifetime = ExpiresAt - ObtainedAt;
        var margin = TimeSpan.FromTicks(Math.Min(maxMargin.Ticks, lifetime.Ticks / 10));
        return now < ExpiresAt - margin;
    }

    public override string ToString() => $"RegistryToken {{ Scope = {Scope}, ExpiresAt = {ExpiresAt:O}, Value = *** }}";
}
