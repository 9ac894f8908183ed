namespace DockerApiGen.Registry.Auth;

/// <summary>
/// One challenge of a <c>WWW-Authenticate</c> header (RFC 7235): a scheme and its parameters, such as
/// <c>Bearer realm="https://auth.example/token",service="registry.example",scope="repository:app:pull"</c>.
/// Parameter names are compared without case.
/// </summary>
/// <param name="Scheme">The scheme as sent (<c>Bearer</c>, <c>Basic</c>).</param>
/// <param name="Parameters">The parameters, unquoted.</param>
public sealed record AuthenticationChallenge(string Scheme, IReadOnlyDictionary<string, string> Parameters)
{
    /// <summary>True for a Bearer (token) challenge.</summary>
    public bool IsBearer => string.Equals(Scheme, "Bearer", StringComparison.OrdinalIgnoreCase);

    /// <summary>True for a Basic challenge.</summary>
    public bool IsBasic => string.Equals(Scheme, "Basic", StringComparison.OrdinalIgnoreCase);

    /// <summary><c>realm</c>: for Bearer, the token server's URL.</summary>
    public string? Realm => Get("realm");

    /// <summary><c>service</c>: the audience a token is asked for.</summary>
    public string? Service => Get("service");

    /// <summary><c>scope</c>: the access the request needs, space-separated resource scopes.</summary>
    public string? Scope => Get("scope");

    /// <summary><c>error</c>: why a token was refused (<c>invalid_token</c>, <c>insufficient_scope</c>).</summary>
    public string? Error => Get("error");

    private string? Get(string name) => Parameters.TryGetValue(name, out var value) ? value : null;
}
