using System.Net.Http.Headers;

namespace DockerApiGen.Registry.Http;

/// <summary>Reads <c>Retry-After</c>, in seconds or as an HTTP date.</summary>
internal static class RetryAfter
{
    /// <summary>How long to wait from <paramref name="now"/>, or null when the header is missing (never negative).</summary>
    public static TimeSpan? Read(HttpResponseHeaders headers, DateTimeOffset now)
    {
        var value = headers.RetryAfter;
        if (value?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (value?.Date is { } date)
        {
            var wait = date - now;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }
}
