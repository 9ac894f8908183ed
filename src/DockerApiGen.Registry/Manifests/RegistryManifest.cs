using System.Text.Json;
using DockerApiGen.Registry.Content;
using DockerApiGen.Registry.Models;

namespace DockerApiGen.Registry.Manifests;

/// <summary>
/// A manifest exactly as stored (its bytes, which its digest is the hash of), its media type, and, for the four image
/// manifest types, the model it was read into. Anything else (an artifact, a schema 1 manifest) is bytes with its
/// media type and digest only. Pushing one sends <see cref="Bytes"/> unchanged, so its digest stays the same.
/// </summary>
public sealed class RegistryManifest
{
    private static readonly string[] GenericContentTypes = ["application/json", "text/plain", "application/octet-stream"];

    private RegistryManifest(ReadOnlyMemory<byte> bytes, string mediaType, Digest digest, bool verified, ManifestKind kind, object? model)
    {
        Bytes = bytes;
        MediaType = mediaType;
        Digest = digest;
        Verified = verified;
        Kind = kind;
        OciManifest = model as OciImageManifest;
        OciIndex = model as OciImageIndex;
        DockerManifest = model as DockerManifest;
        DockerManifestList = model as DockerManifestList;
    }

    /// <summary>The manifest's bytes, exactly as the registry stores them.</summary>
    public ReadOnlyMemory<byte> Bytes { get; }

    /// <summary>Its media type (the answer's <c>Content-Type</c>, or the manifest's own <c>mediaType</c> when the registry sent a generic one).</summary>
    public string MediaType { get; }

    /// <summary>Its digest: the hash of <see cref="Bytes"/>.</summary>
    public Digest Digest { get; }

    /// <summary>Its size in bytes.</summary>
    public long Size => Bytes.Length;

    /// <summary>
    /// True when the bytes were checked against a digest known beforehand (asked for by digest, or announced by the
    /// registry's <c>Docker-Content-Digest</c>); false when neither was there and <see cref="Digest"/> is only what the
    /// bytes hash to (a tag fetched from a registry that does not say).
    /// </summary>
    public bool Verified { get; }

    /// <summary>Which model it was read into.</summary>
    public ManifestKind Kind { get; }

    /// <summary>The OCI image manifest, when it is one.</summary>
    public OciImageManifest? OciManifest { get; }

    /// <summary>The OCI image index, when it is one.</summary>
    public OciImageIndex? OciIndex { get; }

    /// <summary>The Docker image manifest (schema 2), when it is one.</summary>
    public DockerManifest? DockerManifest { get; }

    /// <summary>The Docker manifest list, when it is one.</summary>
    public DockerManifestList? DockerManifestList { get; }

    /// <summary>True for an index or a manifest list: a manifest of manifests (one per platform, say).</summary>
    public bool IsIndex => Kind is ManifestKind.OciIndex or ManifestKind.DockerManifestList;

    /// <summary>The image's configuration blob, for an image manifest.</summary>
    public Descriptor? Config => OciManifest?.Config ?? DockerManifest?.Config;

    /// <summary>The layers, base first, for an image manifest; empty otherwise.</summary>
    public IReadOnlyList<Descriptor> Layers => [.. OciManifest?.Layers ?? DockerManifest?.Layers ?? []];

    /// <summary>The manifests an index or manifest list lists; empty otherwise.</summary>
    public IReadOnlyList<Descriptor> Manifests => [.. OciIndex?.Manifests ?? DockerManifestList?.Manifests ?? []];

    /// <summary>The manifest this one refers to as its subject (an OCI manifest or index that is an attachment: a signature, an SBOM), if any.</summary>
    public Descriptor? Subject => OciManifest?.Subject ?? OciIndex?.Subject;

    /// <summary>The artifact type an OCI manifest or index declares, if any.</summary>
    public string? ArtifactType => OciManifest?.ArtifactType ?? OciIndex?.ArtifactType;

    /// <summary>The OCI annotations, if any.</summary>
    public IDictionary<string, string>? Annotations => OciManifest?.Annotations ?? OciIndex?.Annotations;

    /// <summary>A descriptor of this manifest (media type, digest, size), as an index or a referrers list holds it.</summary>
    /// <param name="annotations">Annotations to give the descriptor (e.g. <c>org.opencontainers.image.ref.name</c>); null for none.</param>
    /// <param name="platform">The platform, for an entry of an index.</param>
    public Descriptor ToDescriptor(IDictionary<string, string>? annotations = null, Platform? platform = null)
        => new() { MediaType = MediaType, Digest = Digest.ToString(), Size = Size, Annotations = annotations, Platform = platform, ArtifactType = ArtifactType };

    /// <summary>Reads manifest bytes (from a file, an OCI layout, another tool), checking them against a digest when one is given.</summary>
    /// <param name="bytes">The manifest's bytes.</param>
    /// <param name="mediaType">Its media type, when known (a descriptor's); null to take the manifest's own <c>mediaType</c>.</param>
    /// <param name="expected">The digest it must have; null to compute it.</param>
    /// <exception cref="DigestMismatchException">The bytes do not hash to <paramref name="expected"/>.</exception>
    /// <exception cref="InvalidDataException">The bytes are not the manifest their media type says (the message says why).</exception>
    public static RegistryManifest Parse(ReadOnlyMemory<byte> bytes, string? mediaType, Digest? expected = null)
    {
        if (expected is { } digest)
        {
            var actual = Digest.Compute(bytes.Span, digest.Algorithm);
            if (actual != digest)
            {
                throw new DigestMismatchException(digest, actual, null, bytes.Length, "manifest");
            }
        }

        return Read(bytes, mediaType, expected ?? Digest.Compute(bytes.Span), verified: expected is not null, "manifest");
    }

    /// <summary>An OCI image manifest to push: serialized once (schema version 2 and its media type set), so that its bytes and digest are fixed.</summary>
    /// <param name="manifest">The manifest.</param>
    public static RegistryManifest From(OciImageManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        manifest.SchemaVersion = 2;
        manifest.MediaType ??= ManifestMediaTypes.OciManifest;
        return Serialized(JsonSerializer.SerializeToUtf8Bytes(manifest, RegistryJsonContext.Default.OciImageManifest), manifest.MediaType);
    }

    /// <summary>An OCI image index to push (see <see cref="From(OciImageManifest)"/>).</summary>
    /// <param name="index">The index.</param>
    public static RegistryManifest From(OciImageIndex index)
    {
        ArgumentNullException.ThrowIfNull(index);
        index.SchemaVersion = 2;
        index.MediaType ??= ManifestMediaTypes.OciIndex;
        index.Manifests ??= [];
        return Serialized(JsonSerializer.SerializeToUtf8Bytes(index, RegistryJsonContext.Default.OciImageIndex), index.MediaType);
    }

    /// <summary>A Docker image manifest to push (see <see cref="From(OciImageManifest)"/>).</summary>
    /// <param name="manifest">The manifest.</param>
    public static RegistryManifest From(DockerManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        manifest.SchemaVersion = 2;
        manifest.MediaType = ManifestMediaTypes.DockerManifest;
        return Serialized(JsonSerializer.SerializeToUtf8Bytes(manifest, RegistryJsonContext.Default.DockerManifest), manifest.MediaType);
    }

    /// <summary>A Docker manifest list to push (see <see cref="From(OciImageManifest)"/>).</summary>
    /// <param name="list">The manifest list.</param>
    public static RegistryManifest From(DockerManifestList list)
    {
        ArgumentNullException.ThrowIfNull(list);
        list.SchemaVersion = 2;
        list.MediaType = ManifestMediaTypes.DockerManifestList;
        list.Manifests ??= [];
        return Serialized(JsonSerializer.SerializeToUtf8Bytes(list, RegistryJsonContext.Default.DockerManifestList), list.MediaType);
    }

    /// <inheritdoc />
    public override string ToString() => $"{MediaType} {Digest} ({Size} bytes)";

    /// <summary>Reads a downloaded manifest: the media type from the answer's <c>Content-Type</c>, which the manifest's own <c>mediaType</c> must agree with.</summary>
    internal static RegistryManifest Read(VerifiedContent content, string source)
        => Read(content.Bytes, content.MediaType, content.Digest, content.Verified, source);

    private static RegistryManifest Serialized(byte[] bytes, string mediaType) => Read(bytes, mediaType, Digest.Compute(bytes), verified: true, "manifest");

    private static RegistryManifest Read(ReadOnlyMemory<byte> bytes, string? contentType, Digest digest, bool verified, string source)
    {
        var declared = DeclaredMediaType(bytes, contentType);
        var sent = contentType is null || GenericContentTypes.Contains(contentType, StringComparer.OrdinalIgnoreCase) ? null : contentType;
        if (sent is not null && declared is not null && ManifestMediaTypes.IsKnownManifest(sent) && !string.Equals(sent, declared, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"The {source} came as {sent} but says it is {declared} (its mediaType field); a manifest must be served with its own media type. The registry or whoever pushed it is at fault.");
        }

        var mediaType = sent ?? declared ?? contentType ?? "application/octet-stream";
        var kind = mediaType switch
        {
            ManifestMediaTypes.OciManifest => ManifestKind.OciManifest,
            ManifestMediaTypes.OciIndex => ManifestKind.OciIndex,
            ManifestMediaTypes.DockerManifest => ManifestKind.DockerManifest,
            ManifestMediaTypes.DockerManifestList => ManifestKind.DockerManifestList,
            _ => ManifestKind.Other,
        };
        object? model;
        try
        {
            model = kind switch
            {
                ManifestKind.OciManifest => JsonSerializer.Deserialize(bytes.Span, RegistryJsonContext.Default.OciImageManifest),
                ManifestKind.OciIndex => JsonSerializer.Deserialize(bytes.Span, RegistryJsonContext.Default.OciImageIndex),
                ManifestKind.DockerManifest => JsonSerializer.Deserialize(bytes.Span, RegistryJsonContext.Default.DockerManifest),
                ManifestKind.DockerManifestList => JsonSerializer.Deserialize(bytes.Span, RegistryJsonContext.Default.DockerManifestList),
                _ => null,
            };
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"The {source} ({mediaType}, {digest}) is not a valid {mediaType} manifest: {ex.Message}", ex);
        }

        if (kind != ManifestKind.Other && model is null)
        {
            throw new InvalidDataException($"The {source} ({mediaType}, {digest}) is empty or null; a {mediaType} manifest was expected.");
        }

        return new RegistryManifest(bytes, mediaType, digest, verified, kind, model);
    }

    /// <summary>The manifest's own <c>mediaType</c> field, when it is a JSON object that has one.</summary>
    private static string? DeclaredMediaType(ReadOnlyMemory<byte> bytes, string? contentType)
    {
        try
        {
            var reader = new Utf8JsonReader(bytes.Span);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isMediaType = reader.ValueTextEquals("mediaType"u8);
                reader.Read();
                if (isMediaType && reader.TokenType == JsonTokenType.String)
                {
                    return reader.GetString();
                }

                reader.Skip();
            }
        }
        catch (JsonException) when (contentType is null || !ManifestMediaTypes.IsKnownManifest(contentType))
        {
            // Not JSON, and not claimed to be: an artifact's bytes.
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"The manifest served as {contentType} is not JSON: {ex.Message}", ex);
        }

        return null;
    }
}
