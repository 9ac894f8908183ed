namespace DockerApiGen.Registry.Http;

/// <summary>Whether a request can be sent again (after a 401 challenge or a 429): only when its body is held in memory.</summary>
internal static class ReplayableContent
{
    public static bool CanResend(HttpRequestMessage request)
        => request.Content is null or ByteArrayContent or ReadOnlyMemoryContent || request.Content.Headers.ContentLength == 0;
}
