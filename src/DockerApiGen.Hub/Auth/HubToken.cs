using DockerApiGen.Runtime.Auth;

namespace DockerApiGen.Hub.Auth;

/// <summary>
/// A bearer token the Hub issued, with when the client received it and when it expires (see <see cref="JwtLifetime"/>).
/// Its value never appears in <see cref="ToString"/>.
/// </summary>
internal sealed class HubToken(string value, DateTimeOffset obtainedAt, DateTimeOffset expiresAt, string expirySource)
{
    public string Value { get; } = value;

    public DateTimeOffset ObtainedAt { get; } = obtainedAt;

    public DateTimeOffset ExpiresAt { get; } = expiresAt;

    /// <summary>Where <see cref="ExpiresAt"/> came from: the JWT's <c>exp</c> and <c>iat</c>, its <c>exp</c>, or the documented lifetime.</summary>
    public string ExpirySource { get; } = expirySource;

    /// <summary>True while the token may still be sent (see <see cref="TokenRenewal"/>).</summary>
    public bool IsFresh(DateTimeOffset now, TimeSpan maxMargin) => TokenRenewal.IsFresh(ObtainedAt, ExpiresAt, now, maxMargin);

    public override string ToString() => $"HubToken {{ ExpiresAt = {ExpiresAt:O} ({ExpirySource}), Value = *** }}";
}
