using DockerApiGen.Registry.Models;

namespace DockerApiGen.Registry.Manifests;

/// <summary>An image index (or manifest list) has no manifest for the platform asked for; <see cref="Available"/> lists those it has.</summary>
public sealed class PlatformNotFoundException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="image">The image, as its reference reads.</param>
    /// <param name="wanted">The platform asked for.</param>
    /// <param name="available">The platforms the index lists.</param>
    public PlatformNotFoundException(string image, Platform wanted, IReadOnlyList<Platform> available)
        : base($"The image {image} has no manifest for {Platforms.Format(wanted)}; it has {(available.Count == 0 ? "none with a platform" : string.Join(", ", available.Select(Platforms.Format)))}. Ask for one of those.")
    {
        Image = image;
        Wanted = wanted;
        Available = available;
    }

    /// <summary>The image.</summary>
    public string Image { get; }

    /// <summary>The platform asked for.</summary>
    public Platform Wanted { get; }

    /// <summary>The platforms the index lists.</summary>
    public IReadOnlyList<Platform> Available { get; }
}
