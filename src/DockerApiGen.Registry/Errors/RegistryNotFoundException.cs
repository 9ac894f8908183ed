using System.Net;
using DockerApiGen.Registry.Http;

namespace DockerApiGen.Registry.Errors;

/// <summary>
/// The repository, manifest, blob or upload session does not exist (404, or MANIFEST_UNKNOWN, BLOB_UNKNOWN,
/// NAME_UNKNOWN, BLOB_UPLOAD_UNKNOWN). A 404 without an error body can also mean that the registry lacks the
/// endpoint (the referrers API on older registries).
/// </summary>
public sealed class RegistryNotFoundException : RegistryApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="method">The request method.</param>
    /// <param name="target">What the request addressed.</param>
    /// <param name="errors">The registry's errors.</param>
    /// <param name="bodyText">The body as text when it was not an error body.</param>
    public RegistryNotFoundException(HttpStatusCode statusCode, string method, RegistryRequestTarget target, IReadOnlyList<RegistryError> errors, string? bodyText)
        : base(statusCode, method, target, errors, bodyText, null)
    {
    }
}
