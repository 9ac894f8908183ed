using DockerApiGen.Runtime.Auth;

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

    /// <summary>True while the token may still be used (see <see cref="TokenRenewal"/>).</summary>
    public bool IsFresh(DateTimeOffset now, TimeSpan maxMargin) => TokenRenewal.IsFresh(ObtainedAt, ExpiresAt, now, maxMargin);

    public override string ToString() => $"RegistryToken {{ Scope = {Scope}, ExpiresAt = {ExpiresAt:O}, Value = *** }}";
}
