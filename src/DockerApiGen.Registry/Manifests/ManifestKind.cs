namespace DockerApiGen.Registry.Manifests;

/// <summary>Which model a manifest was read into.</summary>
public enum ManifestKind
{
    /// <summary>A media type the client has no model for (an artifact, a schema 1 manifest): bytes only.</summary>
    Other,

    /// <summary>An OCI image manifest (<see cref="ManifestMediaTypes.OciManifest"/>).</summary>
    OciManifest,

    /// <summary>An OCI image index (<see cref="ManifestMediaTypes.OciIndex"/>).</summary>
    OciIndex,

    /// <summary>A Docker image manifest, schema 2 (<see cref="ManifestMediaTypes.DockerManifest"/>).</summary>
    DockerManifest,

    /// <summary>A Docker manifest list (<see cref="ManifestMediaTypes.DockerManifestList"/>).</summary>
    DockerManifestList,
}
