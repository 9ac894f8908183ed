namespace DockerApiGen.Registry.Http;

/// <summary>Which registry API endpoint a URL addresses.</summary>
public enum RegistryEndpointKind
{
    /// <summary>Not a registry API path (a redirect target, an upload offloaded to another server).</summary>
    Other,

    /// <summary><c>/v2/</c>.</summary>
    Base,

    /// <summary><c>/v2/_catalog</c>.</summary>
    Catalog,

    /// <summary><c>/v2/{name}/tags/list</c>.</summary>
    Tags,

    /// <summary><c>/v2/{name}/manifests/{reference}</c>.</summary>
    Manifest,

    /// <summary><c>/v2/{name}/blobs/{digest}</c>.</summary>
    Blob,

    /// <summary><c>/v2/{name}/blobs/uploads/</c> (open an upload, or mount).</summary>
    Uploads,

    /// <summary><c>/v2/{name}/blobs/uploads/{session}</c>.</summary>
    Upload,

    /// <summary><c>/v2/{name}/referrers/{digest}</c>.</summary>
    Referrers,
}
