namespace DockerApiGen.Registry.Blobs;

/// <summary>How a blob got into a repository.</summary>
public enum BlobTransfer
{
    /// <summary>The repository had it already: nothing was sent.</summary>
    Present,

    /// <summary>The registry linked it from another repository it holds it in: nothing was sent.</summary>
    Mounted,

    /// <summary>Its bytes were uploaded.</summary>
    Uploaded,
}
