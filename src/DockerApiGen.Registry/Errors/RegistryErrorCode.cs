using System.Text.Json.Serialization;
using DockerApiGen.Runtime.Json;

namespace DockerApiGen.Registry.Errors;

/// <summary>
/// The <c>code</c> of a registry error: those of the OCI distribution specification and the ones Docker's registry
/// still sends. Open: a code not listed here is kept as sent (<see cref="IsKnown"/> is false).
/// </summary>
[JsonConverter(typeof(OpenStringEnumConverter<RegistryErrorCode>))]
public readonly record struct RegistryErrorCode : IOpenStringEnum<RegistryErrorCode>
{
    private static readonly HashSet<string> Known =
    [
        "BLOB_UNKNOWN", "BLOB_UPLOAD_INVALID", "BLOB_UPLOAD_UNKNOWN", "DIGEST_INVALID", "MANIFEST_BLOB_UNKNOWN",
        "MANIFEST_INVALID", "MANIFEST_UNKNOWN", "NAME_INVALID", "NAME_UNKNOWN", "SIZE_INVALID", "UNAUTHORIZED", "DENIED",
        "UNSUPPORTED", "TOOMANYREQUESTS", "TAG_INVALID", "MANIFEST_UNVERIFIED", "PAGINATION_NUMBER_INVALID", "RANGE_INVALID", "UNKNOWN",
    ];

    private RegistryErrorCode(string value) => Value = value;

    /// <summary>The blob is unknown to the registry (or this repository).</summary>
    public static RegistryErrorCode BlobUnknown { get; } = new("BLOB_UNKNOWN");

    /// <summary>The upload is invalid (e.g. a stale or missing upload state).</summary>
    public static RegistryErrorCode BlobUploadInvalid { get; } = new("BLOB_UPLOAD_INVALID");

    /// <summary>The upload session is unknown (expired or cancelled).</summary>
    public static RegistryErrorCode BlobUploadUnknown { get; } = new("BLOB_UPLOAD_UNKNOWN");

    /// <summary>The digest does not match the uploaded content, or is malformed.</summary>
    public static RegistryErrorCode DigestInvalid { get; } = new("DIGEST_INVALID");

    /// <summary>The manifest refers to a blob or manifest the registry does not have.</summary>
    public static RegistryErrorCode ManifestBlobUnknown { get; } = new("MANIFEST_BLOB_UNKNOWN");

    /// <summary>The manifest is invalid.</summary>
    public static RegistryErrorCode ManifestInvalid { get; } = new("MANIFEST_INVALID");

    /// <summary>The manifest is unknown.</summary>
    public static RegistryErrorCode ManifestUnknown { get; } = new("MANIFEST_UNKNOWN");

    /// <summary>The repository name is invalid.</summary>
    public static RegistryErrorCode NameInvalid { get; } = new("NAME_INVALID");

    /// <summary>The repository is unknown.</summary>
    public static RegistryErrorCode NameUnknown { get; } = new("NAME_UNKNOWN");

    /// <summary>The content's length does not match.</summary>
    public static RegistryErrorCode SizeInvalid { get; } = new("SIZE_INVALID");

    /// <summary>Authentication is required, or the credentials or token do not grant the request.</summary>
    public static RegistryErrorCode Unauthorized { get; } = new("UNAUTHORIZED");

    /// <summary>Access to the resource is denied.</summary>
    public static RegistryErrorCode Denied { get; } = new("DENIED");

    /// <summary>The operation is not supported (e.g. deletion is disabled).</summary>
    public static RegistryErrorCode Unsupported { get; } = new("UNSUPPORTED");

    /// <summary>Too many requests.</summary>
    public static RegistryErrorCode TooManyRequests { get; } = new("TOOMANYREQUESTS");

    /// <summary>The tag is invalid (Docker's registry, schema 1).</summary>
    public static RegistryErrorCode TagInvalid { get; } = new("TAG_INVALID");

    /// <summary>A page size is out of range (Docker's registry: <c>n</c> above 1000).</summary>
    public static RegistryErrorCode PaginationNumberInvalid { get; } = new("PAGINATION_NUMBER_INVALID");

    /// <summary>The wire value.</summary>
    public string Value { get; } = "";

    /// <summary>True for the codes listed here.</summary>
    public bool IsKnown => Known.Contains(Value);

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The code.</param>
    public static RegistryErrorCode FromValue(string value) => new(value ?? "");

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The code.</param>
    public static implicit operator RegistryErrorCode(string value) => FromValue(value);

    /// <summary>The wire value.</summary>
    public override string ToString() => Value;
}
