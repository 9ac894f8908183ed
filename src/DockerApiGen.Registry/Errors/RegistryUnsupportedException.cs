using System.Net;
using DockerApiGen.Registry.Http;

namespace DockerApiGen.Registry.Errors;

/// <summary>The registry does not allow the operation (405, or UNSUPPORTED): deletion disabled, deleting by tag refused.</summary>
public sealed class RegistryUnsupportedException : RegistryApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="method">The request method.</param>
    /// <param name="target">What the request addressed.</param>
    /// <param name="errors">The registry's errors.</param>
    /// <param name="bodyText">The body as text when it was not an error body.</param>
    public RegistryUnsupportedException(HttpStatusCode statusCode, string method, RegistryRequestTarget target, IReadOnlyList<RegistryError> errors, string? bodyText)
        : base(statusCode, method, target, errors, bodyText, "The registry does not allow this operation (deletion may be disabled in its configuration).")
    {
    }
}
