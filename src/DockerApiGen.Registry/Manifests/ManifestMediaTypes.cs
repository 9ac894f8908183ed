namespace DockerApiGen.Registry.Manifests;

/// <summary>The media types of manifests and of the content they refer to.</summary>
public static class ManifestMediaTypes
{
    /// <summary>An OCI image manifest.</summary>
    public const string OciManifest = "application/vnd.oci.image.manifest.v1+json";

    /// <summary>An OCI image index.</summary>
    public const string OciIndex = "application/vnd.oci.image.index.v1+json";

    /// <summary>A Docker image manifest, schema 2.</summary>
    public const string DockerManifest = "application/vnd.docker.distribution.manifest.v2+json";

    /// <summary>A Docker manifest list.</summary>
    public const string DockerManifestList = "application/vnd.docker.distribution.manifest.list.v2+json";

    /// <summary>An OCI image configuration.</summary>
    public const string OciConfig = "application/vnd.oci.image.config.v1+json";

    /// <summary>A Docker image configuration.</summary>
    public const string DockerConfig = "application/vnd.docker.container.image.v1+json";

    /// <summary>An empty JSON blob (<c>{}</c>), the config of artifacts that need none.</summary>
    public const string OciEmpty = "application/vnd.oci.empty.v1+json";

    /// <summary>A Docker foreign layer: served from its <c>urls</c>, not from registries, so copies leave it out.</summary>
    public const string DockerForeignLayer = "application/vnd.docker.image.rootfs.foreign.diff.tar.gzip";

    /// <summary>An OCI non-distributable layer (deprecated): served from its <c>urls</c>, not from registries.</summary>
    public const string OciNonDistributableLayer = "application/vnd.oci.image.layer.nondistributable.v1.tar+gzip";

    /// <summary>
    /// What the client asks for by default, most preferred first: the four types it reads as models. A registry
    /// that stores another type (an artifact) sends it whatever is asked, and the client returns it as bytes.
    /// </summary>
    public static IReadOnlyList<string> DefaultAccept { get; } = [OciIndex, OciManifest, DockerManifestList, DockerManifest];

    /// <summary>True for the two types that list other manifests (an index, a manifest list).</summary>
    /// <param name="mediaType">A media type.</param>
    public static bool IsIndex(string? mediaType) => mediaType is OciIndex or DockerManifestList;

    /// <summary>True for the four manifest types this client reads as models.</summary>
    /// <param name="mediaType">A media type.</param>
    public static bool IsKnownManifest(string? mediaType) => mediaType is OciManifest or OciIndex or DockerManifest or DockerManifestList;
}
