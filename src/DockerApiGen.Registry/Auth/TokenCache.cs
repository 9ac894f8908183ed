namespace DockerApiGen.Registry.Auth;

/// <summary>
/// Bearer tokens per token server (realm and service) and scope, and the refresh token each server gave. A token
/// whose scope covers the access needed is reused until shortly before it expires. Bounded: beyond
/// <see cref="Capacity"/> tokens per server, expired and then oldest ones are dropped. Thread-safe.
/// </summary>
internal sealed class TokenCache(TimeProvider time, TimeSpan maxRenewalMargin)
{
    public const int Capacity = 64;

    private readonly Dictionary<(string Realm, string Service), List<RegistryToken>> _tokens = [];
    private readonly Dictionary<(string Realm, string Service), string> _refreshTokens = [];
    private readonly Lock _lock = new();

    /// <summary>A fresh token for the server whose scope covers <paramref name="needed"/>, or null.</summary>
    public RegistryToken? Find(string realm, string service, TokenScope needed)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            return _tokens.TryGetValue((realm, service), out var list)
                ? list.Where(t => t.IsFresh(now, maxRenewalMargin) && t.Scope.Covers(needed)).MaxBy(t => t.ExpiresAt)
                : null;
        }
    }

    /// <summary>Keeps a token, replacing one for the same scope.</summary>
    public void Add(string realm, string service, RegistryToken token)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            if (!_tokens.TryGetValue((realm, service), out var list))
            {
                _tokens[(realm, service)] = list = [];
            }

            list.RemoveAll(t => t.Scope.Equals(token.Scope) || !t.IsFresh(now, maxRenewalMargin));
            if (list.Count >= Capacity)
            {
                list.Remove(list.MinBy(t => t.ObtainedAt)!);
            }

            list.Add(token);
        }
    }

    /// <summary>Forgets a token the registry refused.</summary>
    public void Remove(string realm, string service, string value)
    {
        lock (_lock)
        {
            if (_tokens.TryGetValue((realm, service), out var list))
            {
                list.RemoveAll(t => t.Value == value);
            }
        }
    }

    /// <summary>The refresh token the server gave earlier, or null.</summary>
    public string? GetRefreshToken(string realm, string service)
    {
        lock (_lock)
        {
            return _refreshTokens.TryGetValue((realm, service), out var value) ? value : null;
        }
    }

    /// <summary>Keeps (or, with null, forgets) a server's refresh token.</summary>
    public void SetRefreshToken(string realm, string service, string? value)
    {
        lock (_lock)
        {
            if (value is null)
            {
                _refreshTokens.Remove((realm, service));
            }
            else
            {
                _refreshTokens[(realm, service)] = value;
            }
        }
    }
}
