namespace DockerApiGen.Hub.Http;

/// <summary>Builds and judges URLs against the client's base address (an origin, possibly with a path prefix).</summary>
internal static class HubAddress
{
    /// <summary>The base address with the API path appended: <c>https://hub.docker.com</c> + <c>/v2/…</c>.</summary>
    public static Uri Join(Uri baseAddress, string pathAndQuery) => new(baseAddress.GetLeftPart(UriPartial.Path).TrimEnd('/') + pathAndQuery, UriKind.Absolute);

    /// <summary>True when the URL has the base address's scheme, host and port.</summary>
    public static bool IsSameOrigin(Uri baseAddress, Uri uri)
        => uri.IsAbsoluteUri && string.Equals(uri.Scheme, baseAddress.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(uri.Host, baseAddress.Host, StringComparison.OrdinalIgnoreCase) && uri.Port == baseAddress.Port;

    /// <summary>The URL's path below the base address's path prefix (starting with <c>/</c>), or null when it is not under the base address.</summary>
    public static string? ApiPath(Uri baseAddress, Uri uri)
    {
        if (!IsSameOrigin(baseAddress, uri))
        {
            return null;
        }

        var prefix = baseAddress.AbsolutePath.TrimEnd('/');
        var path = uri.AbsolutePath;
        return path.StartsWith(prefix + "/", StringComparison.Ordinal) ? path[prefix.Length..] : null;
    }
}
