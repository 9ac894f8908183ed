using System.Net.Http.Headers;

namespace DockerApiGen.Runtime.Http;

/// <summary>Reads the standard <c>Retry-After</c> header, in seconds or as an HTTP date.</summary>
public static class RetryAfter
{
    /// <summary>How long to wait from <paramref name="now"/>, or null when the header is missing (never negative).</summary>
    /// <param name="headers">The answer's headers.</param>
    /// <param name="now">The current time, for a header that names a date.</param>
    public static TimeSpan? Read(HttpResponseHeaders headers, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(headers);
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
