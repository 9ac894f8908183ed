namespace DockerApiGen.Registry.Http;

/// <summary>
/// What a registry request URL addresses: the registry (<c>host[:port]</c>), the endpoint, the repository and the
/// reference (tag, digest or upload session). Used to name things in errors and to know which token scope a
/// request needs. A repository name may itself hold <c>manifests</c> or <c>blobs</c> components, so the path is
/// read from its end, where tags, digests and session ids (which hold no '/') sit.
/// </summary>
/// <param name="Registry">The registry, <c>host[:port]</c> as in the URL (default ports omitted).</param>
/// <param name="Kind">The endpoint.</param>
/// <param name="Repository">The repository, when the endpoint has one.</param>
/// <param name="Reference">The tag, digest or upload session, when the endpoint has one.</param>
public sealed record RegistryRequestTarget(string Registry, RegistryEndpointKind Kind, string? Repository, string? Reference)
{
    /// <summary>Reads a request URL.</summary>
    /// <param name="uri">An absolute URL.</param>
    public static RegistryRequestTarget From(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (!uri.IsAbsoluteUri)
        {
            throw new ArgumentException($"The URL '{uri}' is relative; a registry request needs an absolute URL.", nameof(uri));
        }

        var registry = uri.Authority;
        var path = Uri.UnescapeDataString(uri.AbsolutePath);
        if (path is "/v2/" or "/v2")
        {
            return new(registry, RegistryEndpointKind.Base, null, null);
        }

        if (path == "/v2/_catalog")
        {
            return new(registry, RegistryEndpointKind.Catalog, null, null);
        }

        if (!path.StartsWith("/v2/", StringComparison.Ordinal))
        {
            return new(registry, RegistryEndpointKind.Other, null, null);
        }

        var rest = path[4..];
        if (rest.EndsWith("/tags/list", StringComparison.Ordinal) && rest.Length > 10)
        {
            return new(registry, RegistryEndpointKind.Tags, rest[..^10], null);
        }

        var lastSlash = rest.LastIndexOf('/');
        if (lastSlash <= 0)
        {
            return new(registry, RegistryEndpointKind.Other, null, null);
        }

        var last = rest[(lastSlash + 1)..];
        var before = rest[..lastSlash];
        foreach (var (marker, kind) in Markers)
        {
            if (before.EndsWith(marker, StringComparison.Ordinal) && before.Length > marker.Length)
            {
                var repository = before[..^marker.Length];
                return kind == RegistryEndpointKind.Upload && last.Length == 0
                    ? new(registry, RegistryEndpointKind.Uploads, repository, null)
                    : last.Length == 0 ? new(registry, RegistryEndpointKind.Other, null, null) : new(registry, kind, repository, last);
            }
        }

        return new(registry, RegistryEndpointKind.Other, null, null);
    }

    // Longest first: "/blobs/uploads" must win over "/blobs".
    private static readonly (string Marker, RegistryEndpointKind Kind)[] Markers =
    [
        ("/blobs/uploads", RegistryEndpointKind.Upload),
        ("/manifests", RegistryEndpointKind.Manifest),
        ("/blobs", RegistryEndpointKind.Blob),
        ("/referrers", RegistryEndpointKind.Referrers),
    ];

    /// <summary>What was addressed, for messages: <c>manifest 'latest' of 127.0.0.1:5000/team/app</c>.</summary>
    public string Describe()
    {
        var repository = Repository is null ? Registry : Registry + "/" + Repository;
        return Kind switch
        {
            RegistryEndpointKind.Base => $"the API check of {Registry}",
            RegistryEndpointKind.Catalog => $"the catalog of {Registry}",
            RegistryEndpointKind.Tags => $"the tags of {repository}",
            RegistryEndpointKind.Manifest => $"manifest '{Reference}' of {repository}",
            RegistryEndpointKind.Blob => $"blob {Reference} of {repository}",
            RegistryEndpointKind.Uploads => $"a blob upload to {repository}",
            RegistryEndpointKind.Upload => $"upload session {Shorten(Reference)} of {repository}",
            RegistryEndpointKind.Referrers => $"the referrers of {Reference} in {repository}",
            _ => $"a request to {Registry}",
        };
    }

    private static string? Shorten(string? text) => text is { Length: > 40 } ? text[..40] + "…" : text;
}
