namespace DockerApiGen.Contract.Tests.Server;

/// <summary>One HTTP/1.1 request as it arrived.</summary>
/// <param name="Method">The method.</param>
/// <param name="Target">The request target, still percent-encoded (<c>/v1.47/containers/a%2Fb/json?size=true</c>).</param>
/// <param name="Protocol">The protocol of the request line (<c>HTTP/1.1</c>).</param>
/// <param name="Headers">The header fields, in order; values as received (Latin-1), without surrounding whitespace.</param>
/// <param name="Body">The body, de-chunked.</param>
/// <param name="Framing">How the body was delimited.</param>
public sealed record HttpRequest(string Method, string Target, string Protocol, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body, BodyFraming Framing)
{
    /// <summary>The path part of the target, still percent-encoded.</summary>
    public string RawPath => Target.Split('?', 2)[0];

    /// <summary>The query part of the target, without the <c>?</c>; empty when there is none.</summary>
    public string RawQuery => Target.Split('?', 2) is [_, var query] ? query : string.Empty;

    /// <summary>The first value of a header (names compare case-insensitively), or null.</summary>
    /// <param name="name">The header's name.</param>
    public string? Header(string name) => HeaderValues(name).FirstOrDefault();

    /// <summary>Every value of a header.</summary>
    /// <param name="name">The header's name.</param>
    public IEnumerable<string> HeaderValues(string name)
        => Headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value);

    /// <summary>Whether a comma-separated header (<c>Connection: keep-alive, Upgrade</c>) holds a token.</summary>
    /// <param name="name">The header's name.</param>
    /// <param name="token">The token, compared case-insensitively.</param>
    public bool HeaderHasToken(string name, string token)
        => HeaderValues(name).SelectMany(v => v.Split(',')).Any(t => string.Equals(t.Trim(), token, StringComparison.OrdinalIgnoreCase));

    /// <summary>The media type of <c>Content-Type</c> without parameters, lower case, or null.</summary>
    public string? MediaType => Header("Content-Type")?.Split(';')[0].Trim().ToLowerInvariant();

    /// <inheritdoc />
    public override string ToString() => $"{Method} {Target}";
}

/// <summary>How a request's body was delimited.</summary>
public enum BodyFraming
{
    /// <summary>Neither <c>Content-Length</c> nor <c>Transfer-Encoding</c>: no body.</summary>
    None,

    /// <summary><c>Content-Length</c>.</summary>
    ContentLength,

    /// <summary><c>Transfer-Encoding: chunked</c> (how <see cref="HttpClient"/> sends a <see cref="StreamContent"/>).</summary>
    Chunked,
}
