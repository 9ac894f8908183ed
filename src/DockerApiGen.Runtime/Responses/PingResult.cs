using System.Net.Http.Headers;

namespace DockerApiGen.Runtime.Responses;

/// <summary>What <c>/_ping</c> says in its headers: the daemon's API version, OS, builder and swarm state.</summary>
/// <param name="ApiVersion">The newest API version the daemon supports (<c>API-Version</c>).</param>
/// <param name="OSType">The daemon's OS, <c>linux</c> or <c>windows</c> (<c>OSType</c>).</param>
/// <param name="Experimental">Whether experimental features are on (<c>Docker-Experimental</c>).</param>
/// <param name="BuilderVersion">The default builder, <c>1</c> (classic) or <c>2</c> (BuildKit), when sent (<c>Builder-Version</c>).</param>
/// <param name="Swarm">The node's swarm state, e.g. <c>active/manager</c>, when sent (<c>Swarm</c>, API 1.44+).</param>
public sealed record PingResult(string? ApiVersion, string? OSType, bool Experimental, string? BuilderVersion, string? Swarm)
{
    /// <summary>Reads the result from a response's headers.</summary>
    /// <param name="headers">The response headers.</param>
    public static PingResult FromHeaders(HttpResponseHeaders headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        return new PingResult(
            Get(headers, "API-Version"),
            Get(headers, "OSType"),
            string.Equals(Get(headers, "Docker-Experimental"), "true", StringComparison.OrdinalIgnoreCase),
            Get(headers, "Builder-Version"),
            Get(headers, "Swarm"));
    }

    private static string? Get(HttpResponseHeaders headers, string name)
        => headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
