using DockerApiGen.Registry.Http;

namespace DockerApiGen.Registry.Auth;

/// <summary>
/// The token scope a registry request needs, known before the registry says so (which saves a 401 round trip per
/// new repository): reads need <c>pull</c>; writes <c>pull</c> and <c>push</c>; deletes <c>delete</c>; a mount also
/// <c>pull</c> on the source repository; the catalog <c>registry:catalog:*</c>. A challenge's own scope is always
/// added to this when one comes.
/// </summary>
public static class RequiredScope
{
    /// <summary>The scope for a request.</summary>
    /// <param name="method">The method.</param>
    /// <param name="uri">The absolute URL.</param>
    public static TokenScope For(HttpMethod method, Uri uri)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(uri);
        var target = RegistryRequestTarget.From(uri);
        if (target.Kind == RegistryEndpointKind.Catalog)
        {
            return TokenScope.Of([new ResourceScope("registry", "catalog", ["*"])]);
        }

        if (target.Repository is not { } repository)
        {
            return TokenScope.Empty;
        }

        var scopes = new List<ResourceScope>();
        if (method == HttpMethod.Get || method == HttpMethod.Head)
        {
            scopes.Add(ResourceScope.Repository(repository, "pull"));
        }
        else if (method == HttpMethod.Delete && target.Kind is RegistryEndpointKind.Manifest or RegistryEndpointKind.Blob)
        {
            scopes.Add(ResourceScope.Repository(repository, "delete"));
        }
        else
        {
            scopes.Add(ResourceScope.Repository(repository, "pull", "push"));
        }

        if (target.Kind == RegistryEndpointKind.Uploads && QueryString.Get(uri, "from") is { Length: > 0 } source)
        {
            scopes.Add(ResourceScope.Repository(source, "pull"));
        }

        return TokenScope.Of(scopes);
    }
}
