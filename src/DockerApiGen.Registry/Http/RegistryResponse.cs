using System.Net;
using System.Net.Http.Headers;

namespace DockerApiGen.Registry.Http;

/// <summary>A registry's JSON answer with what its headers say: the next page of a listing, warnings, the rest.</summary>
/// <typeparam name="T">The answer's type.</typeparam>
public sealed class RegistryResponse<T>
{
    /// <summary>Wraps a read answer.</summary>
    /// <param name="value">The answer's JSON.</param>
    /// <param name="response">The answer (its body already read).</param>
    public RegistryResponse(T value, HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        Value = value;
        StatusCode = response.StatusCode;
        Headers = response.Headers;
        RequestUri = response.RequestMessage?.RequestUri;
        NextPage = LinkHeader.FindNext(response);
        Warnings = RegistryWarning.Read(response);
    }

    /// <summary>The answer's JSON.</summary>
    public T Value { get; }

    /// <summary>The HTTP status.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The answer's headers.</summary>
    public HttpResponseHeaders Headers { get; }

    /// <summary>The URL the answer came from (after redirects).</summary>
    public Uri? RequestUri { get; }

    /// <summary>The absolute URL of the next page from the <c>Link</c> header (<c>rel="next"</c>), or null.</summary>
    public Uri? NextPage { get; }

    /// <summary>The registry's <c>299</c> warnings.</summary>
    public IReadOnlyList<RegistryWarning> Warnings { get; }
}
