namespace DockerApiGen.Runtime.Http;

/// <summary>
/// Whether a request can be sent again by a handler (after a 401, a renewed token, or a 429): only when its body is
/// held in memory. A streamed body has been read by the first attempt.
/// </summary>
public static class ReplayableContent
{
    /// <summary>True when the request has no body, an empty one, or one held in memory.</summary>
    /// <param name="request">The request.</param>
    public static bool CanResend(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Content is null or ByteArrayContent or ReadOnlyMemoryContent || request.Content.Headers.ContentLength == 0;
    }
}
