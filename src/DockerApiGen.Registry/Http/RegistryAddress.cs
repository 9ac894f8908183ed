using System.Net;
using DockerApiGen.Registry.References;

namespace DockerApiGen.Registry.Http;

/// <summary>
/// A registry as a client addresses it: its name as references write it (<c>docker.io</c>, <c>127.0.0.1:5000</c>), the
/// host and port that serve its API (<c>registry-1.docker.io</c> for Docker Hub), and the scheme when it was given
/// (<c>http://registry.internal:5000</c>); without one the connection chooses (HTTPS, or plain HTTP for loopback and
/// insecure registries that do not speak HTTPS).
/// </summary>
/// <param name="Registry">The name references use.</param>
/// <param name="ApiHost">The <c>host[:port]</c> that serves the API.</param>
/// <param name="Scheme">The scheme, when given.</param>
public sealed record RegistryAddress(string Registry, string ApiHost, string? Scheme)
{
    /// <summary>Reads a registry name or URL.</summary>
    /// <param name="text"><c>docker.io</c>, <c>ghcr.io</c>, <c>127.0.0.1:5000</c>, <c>https://registry.example</c>.</param>
    /// <exception cref="ArgumentException">It is neither a registry name nor an http(s) URL of one; the message says why.</exception>
    public static RegistryAddress Parse(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var trimmed = text.Trim();
        string? scheme = null;
        if (trimmed.Contains("://", StringComparison.Ordinal))
        {
            if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                throw new ArgumentException($"The registry '{text}' is not an http or https URL; write a registry as references do (127.0.0.1:5000), or as http(s)://host[:port].", nameof(text));
            }

            if (uri.UserInfo.Length > 0 || uri.AbsolutePath is not ("/" or "") || uri.Query.Length > 0 || uri.Fragment.Length > 0)
            {
                throw new ArgumentException($"The registry URL '{text}' may only hold a scheme, a host and a port (credentials go in RegistryClientOptions.Credentials; the API's /v2/ is added by the client).", nameof(text));
            }

            scheme = uri.Scheme;
            trimmed = uri.Authority;
        }

        trimmed = trimmed.TrimEnd('/');
        if (ReferenceGrammar.CheckDomain(trimmed, 1) is { } problem)
        {
            throw new ArgumentException($"The registry '{text}' is not a registry name: {problem.Problem}", nameof(text));
        }

        var registry = trimmed is "index.docker.io" or ImageReference.DockerHubApiHost ? ImageReference.DockerHubRegistry : trimmed.ToLowerInvariant();
        return new(registry, registry == ImageReference.DockerHubRegistry ? ImageReference.DockerHubApiHost : registry, scheme);
    }

    /// <summary>True for <c>localhost</c> and loopback addresses, which may be reached over plain HTTP.</summary>
    public bool IsLoopback
    {
        get
        {
            var host = HostOf(ApiHost);
            return host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
        }
    }

    /// <summary>The host without its port (IPv6 without brackets).</summary>
    /// <param name="authority"><c>host[:port]</c>.</param>
    internal static string HostOf(string authority)
    {
        if (authority.StartsWith('['))
        {
            var close = authority.IndexOf(']', StringComparison.Ordinal);
            return close > 0 ? authority[1..close] : authority;
        }

        var colon = authority.LastIndexOf(':');
        return colon > 0 ? authority[..colon] : authority;
    }

    /// <inheritdoc />
    public override string ToString() => Scheme is null ? Registry : $"{Scheme}://{ApiHost}";
}
