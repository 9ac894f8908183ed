using System.Text;
using System.Text.Json;
using DockerApiGen.Registry.Content;
using DockerApiGen.Registry.Manifests;
using DockerApiGen.Registry.Models;

namespace DockerApiGen.Registry.Layout;

/// <summary>
/// An OCI image layout folder (the OCI image specification's <c>image-layout</c>): <c>oci-layout</c> with the layout
/// version, <c>index.json</c> listing the images (each named by its <c>org.opencontainers.image.ref.name</c>
/// annotation), and every blob and manifest under <c>blobs/&lt;algorithm&gt;/&lt;hex&gt;</c>. What <c>skopeo</c>,
/// <c>crane</c>, <c>oras</c> and <c>docker buildx</c> read and write.
/// </summary>
internal sealed class OciLayoutFolder
{
    /// <summary>The annotation naming an image of the layout (its tag, usually).</summary>
    public const string RefNameAnnotation = "org.opencontainers.image.ref.name";

    private const string LayoutVersion = "1.0.0";

    public OciLayoutFolder(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Path = System.IO.Path.GetFullPath(path);
    }

    public string Path { get; }

    private string IndexPath => System.IO.Path.Combine(Path, "index.json");

    private string MarkerPath => System.IO.Path.Combine(Path, "oci-layout");

    /// <summary>Where a blob is (the digest's characters are safe in a path: the grammar allows no separators).</summary>
    public string BlobPath(Digest digest) => System.IO.Path.Combine(Path, "blobs", digest.Algorithm, digest.Encoded);

    /// <summary>Creates the folder and its <c>oci-layout</c> file, or checks the one there.</summary>
    public void Create()
    {
        Directory.CreateDirectory(Path);
        if (File.Exists(MarkerPath))
        {
            CheckMarker();
            return;
        }

        WriteAtomically(MarkerPath, Encoding.UTF8.GetBytes($$"""{"imageLayoutVersion":"{{LayoutVersion}}"}"""));
    }

    /// <summary>Checks that the folder is an OCI layout this client reads.</summary>
    /// <exception cref="InvalidDataException">It is not one (the message says what is missing).</exception>
    public void CheckMarker()
    {
        if (!File.Exists(MarkerPath))
        {
            throw new InvalidDataException($"{Path} is not an OCI image layout: it has no oci-layout file.");
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(MarkerPath));
            var version = document.RootElement.TryGetProperty("imageLayoutVersion", out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            if (version is null || !version.StartsWith("1.", StringComparison.Ordinal))
            {
                throw new InvalidDataException($"{MarkerPath} gives the layout version '{version}'; this client reads 1.x.");
            }
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{MarkerPath} is not JSON: {ex.Message}", ex);
        }
    }

    /// <summary>The layout's <c>index.json</c>, or an empty index when there is none yet.</summary>
    public OciImageIndex ReadIndex()
    {
        if (!File.Exists(IndexPath))
        {
            return new OciImageIndex { SchemaVersion = 2, MediaType = ManifestMediaTypes.OciIndex, Manifests = [] };
        }

        try
        {
            return JsonSerializer.Deserialize(File.ReadAllBytes(IndexPath), RegistryJsonContext.Default.OciImageIndex)
                ?? throw new InvalidDataException($"{IndexPath} is null.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{IndexPath} is not an OCI image index: {ex.Message}", ex);
        }
    }

    /// <summary>Adds an image to <c>index.json</c>, replacing one of the same name (or, unnamed, of the same digest).</summary>
    public void AddToIndex(Descriptor descriptor)
    {
        var index = ReadIndex();
        var name = RefName(descriptor);
        index.Manifests = [.. (index.Manifests ?? []).Where(m => name is null ? m.Digest != descriptor.Digest : RefName(m) != name), descriptor];
        WriteAtomically(IndexPath, JsonSerializer.SerializeToUtf8Bytes(index, RegistryJsonContext.Default.OciImageIndex));
    }

    /// <summary>The image of the layout named <paramref name="refName"/>, or the only one when no name is given.</summary>
    /// <exception cref="ArgumentException">No image has that name, or several are there and none was named.</exception>
    public Descriptor Find(string? refName)
    {
        var images = ReadIndex().Manifests ?? [];
        var names = string.Join(", ", images.Select(m => RefName(m) ?? m.Digest));
        if (refName is not null)
        {
            return images.FirstOrDefault(m => RefName(m) == refName)
                ?? throw new ArgumentException($"The OCI layout {Path} has no image named '{refName}'; it has {(images.Count == 0 ? "none" : names)}.", nameof(refName));
        }

        return images.Count == 1
            ? images[0]
            : throw new ArgumentException($"The OCI layout {Path} holds {images.Count} images ({names}); name the one to use.", nameof(refName));
    }

    /// <summary>An entry's <c>org.opencontainers.image.ref.name</c>, if any.</summary>
    public static string? RefName(Descriptor descriptor)
        => descriptor.Annotations is { } annotations && annotations.TryGetValue(RefNameAnnotation, out var name) ? name : null;

    /// <summary>Writes a file whole or not at all (a temporary file moved into place).</summary>
    public static void WriteAtomically(string path, ReadOnlySpan<byte> bytes)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        var temporary = path + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
        using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
        {
            file.Write(bytes);
            file.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
