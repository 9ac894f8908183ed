using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace DockerApiGen.Contract.Tests.Server;

/// <summary>
/// The server's side of bearer authentication, for specs that declare it (the Hub's): one account whose credentials
/// the token endpoints exchange for JWTs (<c>iat</c>, <c>exp</c> on the server's clock), the tokens it has issued and
/// revoked, fixed tokens of other schemes (the SCIM API token), and an optional second factor. The server accepts a
/// bearer token for a scheme when it issued it and it has neither expired nor been revoked, or when it is that
/// scheme's fixed token.
/// </summary>
/// <param name="identifier">The account (user or organization) name.</param>
/// <param name="secret">Its password or access token.</param>
/// <param name="time">The server's clock (a test shares a fake one with the client).</param>
public sealed class TokenAuthority(string identifier, string secret, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _issued = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _revoked = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _challenges = new(StringComparer.Ordinal);
    private int _exchanges;

    /// <summary>The account name.</summary>
    public string Identifier { get; } = identifier;

    /// <summary>How long an issued token lives (default the Hub's documented 10 minutes).</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Security scheme → its fixed token (<c>bearerSCIMAuth</c> → the SCIM API token); other bearer schemes take issued tokens.</summary>
    public IDictionary<string, string> FixedTokens { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>When set, <c>/v2/users/login</c> answers a second-factor challenge, which this code completes.</summary>
    public string? TwoFactorCode { get; init; }

    /// <summary>How many tokens the token endpoints have issued.</summary>
    public int Exchanges => Volatile.Read(ref _exchanges);

    /// <summary>Whether credentials are the account's.</summary>
    /// <param name="name">The identifier or user name sent.</param>
    /// <param name="password">The secret or password sent.</param>
    public bool Matches(string? name, string? password) => name == Identifier && password == secret;

    /// <summary>Issues a token: a JWT whose claims say when it was issued and when it expires.</summary>
    public string Issue()
    {
        var now = time.GetUtcNow();
        var expires = now + Lifetime;
        var header = Base64Url("""{"alg":"HS256","typ":"JWT"}""");
        var claims = Base64Url(new JsonObject { ["sub"] = Identifier, ["iat"] = now.ToUnixTimeSeconds(), ["exp"] = expires.ToUnixTimeSeconds(), ["jti"] = Guid.NewGuid().ToString("N") }.ToJsonString());
        var token = $"{header}.{claims}.{Base64Url(Convert.ToHexString(RandomNumberGenerator.GetBytes(16)))}";
        _issued[token] = expires;
        Interlocked.Increment(ref _exchanges);
        return token;
    }

    /// <summary>Starts a second-factor sign-in: the intermediate token <c>/v2/users/2fa-login</c> takes with the code.</summary>
    public string Challenge()
    {
        var challenge = "2fa-" + Guid.NewGuid().ToString("N");
        _challenges[challenge] = 0;
        return challenge;
    }

    /// <summary>Completes a second-factor sign-in (each challenge once).</summary>
    /// <param name="challenge">The intermediate token.</param>
    /// <param name="code">The code.</param>
    public bool CompleteChallenge(string? challenge, string? code)
        => challenge is not null && code == TwoFactorCode && _challenges.TryRemove(challenge, out _);

    /// <summary>Why a bearer token is not accepted for a scheme, or null when it is.</summary>
    /// <param name="scheme">The security scheme's name.</param>
    /// <param name="token">The token.</param>
    public string? Refusal(string scheme, string token)
    {
        if (FixedTokens.TryGetValue(scheme, out var fixedToken))
        {
            return token == fixedToken ? null : $"is not the {scheme} token.";
        }

        if (!_issued.TryGetValue(token, out var expires))
        {
            return FixedTokens.Values.Contains(token) ? $"is another scheme's token, not one for {scheme}." : "is not a token this server issued.";
        }

        return _revoked.ContainsKey(token) ? "was revoked." : time.GetUtcNow() >= expires ? $"expired at {expires:O}." : null;
    }

    /// <summary>Revokes a token (the next request with it is refused).</summary>
    /// <param name="token">The token.</param>
    public void Revoke(string token) => _revoked[token] = 0;

    private static string Base64Url(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
