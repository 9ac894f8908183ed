using System.Net;
using System.Text.Json;
using DockerApiGen.Registry.Http;
using DockerApiGen.Registry.Json;
using DockerApiGen.Runtime.Errors;
using DockerApiGen.Runtime.Http;

namespace DockerApiGen.Registry.Errors;

/// <summary>
/// A registry answered with an error. <see cref="Errors"/> holds its error body; the message names the registry,
/// the repository and the reference (tag, digest or upload). Subtypes mark the errors that call for a different
/// reaction: <see cref="RegistryNotFoundException"/>, <see cref="RegistryAccessDeniedException"/>,
/// <see cref="RegistryTooManyRequestsException"/> and <see cref="RegistryUnsupportedException"/>.
/// </summary>
public class RegistryApiException : Exception
{
    private const int MaxBodyBytes = 64 * 1024;

    /// <summary>Creates the exception.</summary>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="method">The request method.</param>
    /// <param name="target">What the request addressed.</param>
    /// <param name="errors">The registry's errors (empty when the body had none).</param>
    /// <param name="bodyText">The body as text when it was not an error body (trimmed, shortened), else null.</param>
    public RegistryApiException(HttpStatusCode statusCode, string method, RegistryRequestTarget target, IReadOnlyList<RegistryError> errors, string? bodyText)
        : this(statusCode, method, target, errors, bodyText, null)
    {
    }

    /// <summary>Creates the exception with a hint of the subtype's own appended to the message.</summary>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="method">The request method.</param>
    /// <param name="target">What the request addressed.</param>
    /// <param name="errors">The registry's errors.</param>
    /// <param name="bodyText">The body as text when it was not an error body, else null.</param>
    /// <param name="hint">What to do, appended to the message.</param>
    protected RegistryApiException(HttpStatusCode statusCode, string method, RegistryRequestTarget target, IReadOnlyList<RegistryError> errors, string? bodyText, string? hint)
        : base(Describe(statusCode, method, target, errors, bodyText, hint))
    {
        ArgumentNullException.ThrowIfNull(target);
        StatusCode = statusCode;
        Method = method;
        Target = target;
        Errors = errors;
        BodyText = bodyText;
    }

    /// <summary>The HTTP status.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The request method.</summary>
    public string Method { get; }

    /// <summary>What the request addressed.</summary>
    public RegistryRequestTarget Target { get; }

    /// <summary>The registry, <c>host[:port]</c>.</summary>
    public string Registry => Target.Registry;

    /// <summary>The repository, when the request had one.</summary>
    public string? Repository => Target.Repository;

    /// <summary>The tag, digest or upload session, when the request had one.</summary>
    public string? Reference => Target.Reference;

    /// <summary>The registry's errors; empty when the body was not an error body.</summary>
    public IReadOnlyList<RegistryError> Errors { get; }

    /// <summary>The first error's code, or null.</summary>
    public RegistryErrorCode? Code => Errors.Count > 0 ? Errors[0].Code : (RegistryErrorCode?)null;

    /// <summary>The body as text when it was not a JSON error body (e.g. <c>404 page not found</c>), else null.</summary>
    public string? BodyText { get; }

    /// <summary>Reads an error answer (its body, at most 64 KiB) and builds the exception that fits it.</summary>
    /// <param name="response">The answer; its content is read, not disposed.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    public static async Task<RegistryApiException> FromResponseAsync(HttpResponseMessage response, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        var request = response.RequestMessage ?? throw new ArgumentException("The response has no request message; the URL is needed to name the registry.", nameof(response));
        var body = await ReadBoundedAsync(response.Content, cancellationToken).ConfigureAwait(false);
        var retryAfter = RetryAfter.Read(response.Headers, DateTimeOffset.UtcNow);
        return FromResponse(response.StatusCode, request.Method.Method, request.RequestUri!, body, retryAfter, DateTimeOffset.UtcNow);
    }

    /// <summary>Builds the exception that fits a status and an error body.</summary>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="method">The request method.</param>
    /// <param name="requestUri">The request URL.</param>
    /// <param name="body">The body (possibly empty, JSON or not).</param>
    /// <param name="retryAfter">How long <c>Retry-After</c> asked to wait, if it was sent.</param>
    /// <param name="now">The current time, to turn <paramref name="retryAfter"/> into a moment.</param>
    public static RegistryApiException FromResponse(HttpStatusCode statusCode, string method, Uri requestUri, ReadOnlySpan<byte> body, TimeSpan? retryAfter = null, DateTimeOffset? now = null)
    {
        ArgumentNullException.ThrowIfNull(requestUri);
        var target = RegistryRequestTarget.From(requestUri);
        var errors = ReadErrors(body);
        var text = errors.Count == 0 ? ErrorText.FromBody(body) : null;
        bool Has(RegistryErrorCode code) => errors.Any(e => e.Code == code);

        if (statusCode == HttpStatusCode.TooManyRequests || Has(RegistryErrorCode.TooManyRequests))
        {
            return new RegistryTooManyRequestsException(statusCode, method, target, errors, text, retryAfter is { } wait ? (now ?? DateTimeOffset.UtcNow) + wait : null);
        }

        if (statusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden || Has(RegistryErrorCode.Unauthorized) || Has(RegistryErrorCode.Denied))
        {
            return new RegistryAccessDeniedException(statusCode, method, target, errors, text, challengeError: null, requiredScope: null);
        }

        if (statusCode == HttpStatusCode.NotFound || Has(RegistryErrorCode.ManifestUnknown) || Has(RegistryErrorCode.BlobUnknown) || Has(RegistryErrorCode.NameUnknown) || Has(RegistryErrorCode.BlobUploadUnknown))
        {
            return new RegistryNotFoundException(statusCode, method, target, errors, text);
        }

        if (statusCode == HttpStatusCode.MethodNotAllowed || Has(RegistryErrorCode.Unsupported))
        {
            return new RegistryUnsupportedException(statusCode, method, target, errors, text);
        }

        return new RegistryApiException(statusCode, method, target, errors, text);
    }

    /// <summary>The entries of a <c>{"errors":[…]}</c> body; empty when the body is not one.</summary>
    /// <param name="body">The body.</param>
    public static IReadOnlyList<RegistryError> ReadErrors(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return [];
        }

        try
        {
            var parsed = JsonSerializer.Deserialize(body, RegistryJsonContext.Default.ErrorBody);
            return parsed?.Errors?.Where(e => !string.IsNullOrEmpty(e.Code)).Select(e => new RegistryError(e.Code!, e.Message, e.Detail)).ToList() ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    internal static Task<byte[]> ReadBoundedAsync(HttpContent? content, CancellationToken cancellationToken)
        => ResponseBodies.ReadBoundedAsync(content, MaxBodyBytes, cancellationToken);

    private static string Describe(HttpStatusCode statusCode, string method, RegistryRequestTarget target, IReadOnlyList<RegistryError> errors, string? bodyText, string? hint)
    {
        var what = errors.Count > 0 ? string.Join("; ", errors.Select(e => e.ToString())) : bodyText ?? "no error body";
        var message = $"The registry {target.Registry} refused {method} of {target.Describe()}: {(int)statusCode} {statusCode}, {what}.";
        return hint is null ? message : message + " " + hint;
    }
}
