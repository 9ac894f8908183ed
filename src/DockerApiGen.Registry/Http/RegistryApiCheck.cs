using System.Net.Http.Headers;

namespace DockerApiGen.Registry.Http;

/// <summary>What a registry's <c>GET /v2/</c> said: it implements the API, and the caller may use it.</summary>
/// <param name="ApiVersion">The <c>Docker-Distribution-API-Version</c> it sent (<c>registry/2.0</c>), if any.</param>
public sealed record RegistryApiCheck(string? ApiVersion)
{
    /// <summary>Reads the answer's headers.</summary>
    /// <param name="headers">The headers of a successful <c>GET /v2/</c>.</param>
    public static RegistryApiCheck FromHeaders(HttpResponseHeaders headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        return new(headers.TryGetValues("Docker-Distribution-API-Version", out var values) ? values.FirstOrDefault() : null);
    }
}
