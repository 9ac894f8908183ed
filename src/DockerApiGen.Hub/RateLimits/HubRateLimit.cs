using System.Globalization;
using System.Net.Http.Headers;
using DockerApiGen.Runtime.Http;

namespace DockerApiGen.Hub.RateLimits;

/// <summary>
/// What an answer's rate-limit headers said. The Hub documents <c>X-RateLimit-Limit</c> (requests per window),
/// <c>X-RateLimit-Remaining</c>, <c>X-RateLimit-Reset</c> (a Unix time) and, on 429, <c>X-Retry-After</c> (a Unix time);
/// the standard <c>Retry-After</c> (seconds or a date) and the IETF draft's <c>RateLimit-Limit</c>,
/// <c>RateLimit-Remaining</c> and <c>RateLimit-Reset</c> (seconds) are read too, as is a window written
/// <c>100;w=21600</c>. A time below 10⁹ is taken as seconds from now rather than a Unix time.
/// </summary>
public sealed record HubRateLimit
{
    private const double SmallestUnixTime = 1_000_000_000;

    /// <summary>Requests allowed per window, if the answer said.</summary>
    public int? Limit { get; init; }

    /// <summary>Requests left in the current window, if the answer said.</summary>
    public int? Remaining { get; init; }

    /// <summary>When the window resets, if the answer said.</summary>
    public DateTimeOffset? ResetAt { get; init; }

    /// <summary>The window's length, when the limit was written with <c>;w=</c>.</summary>
    public TimeSpan? Window { get; init; }

    /// <summary>When the Hub asks to be called again (<c>Retry-After</c>, <c>X-Retry-After</c>), sent with 429 answers.</summary>
    public DateTimeOffset? RetryAt { get; init; }

    /// <summary>When the answer was read.</summary>
    public DateTimeOffset ObservedAt { get; init; }

    /// <summary>Reads the rate-limit headers of an answer; null when it has none.</summary>
    /// <param name="headers">The answer's headers.</param>
    /// <param name="now">When the answer arrived, for times written as seconds from now.</param>
    public static HubRateLimit? Read(HttpResponseHeaders headers, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var (limit, window) = ReadCount(headers, "X-RateLimit-Limit", "RateLimit-Limit");
        var (remaining, _) = ReadCount(headers, "X-RateLimit-Remaining", "RateLimit-Remaining");
        var reset = ReadMoment(First(headers, "X-RateLimit-Reset") ?? First(headers, "RateLimit-Reset"), now);
        var retryAt = RetryAfter.Read(headers, now) is { } wait ? now + wait : ReadMoment(First(headers, "X-Retry-After"), now);
        if (limit is null && remaining is null && reset is null && retryAt is null)
        {
            return null;
        }

        return new HubRateLimit { Limit = limit, Remaining = remaining, ResetAt = reset, Window = window, RetryAt = retryAt, ObservedAt = now };
    }

    /// <summary>How long a 429 answer asks to wait: <c>Retry-After</c>, else <c>X-Retry-After</c>, else until <c>X-RateLimit-Reset</c>; null when it does not say.</summary>
    /// <param name="headers">The answer's headers.</param>
    /// <param name="now">The current time.</param>
    public static TimeSpan? RequestedWait(HttpResponseHeaders headers, DateTimeOffset now)
    {
        var rateLimit = Read(headers, now);
        return (rateLimit?.RetryAt ?? rateLimit?.ResetAt) is { } at ? (at > now ? at - now : TimeSpan.Zero) : null;
    }

    /// <summary>The limit, what is left and when it resets.</summary>
    public override string ToString()
        => $"HubRateLimit {{ Remaining = {Show(Remaining)} of {Show(Limit)}{(Window is { } w ? $" per {w.TotalSeconds:0} s" : "")}, ResetAt = {Show(ResetAt)}, RetryAt = {Show(RetryAt)} }}";

    private static string Show<T>(T? value)
        where T : struct, IFormattable
        => value is { } v ? v.ToString(v is DateTimeOffset ? "O" : null, CultureInfo.InvariantCulture) : "?";

    private static string? First(HttpResponseHeaders headers, string name)
        => headers.TryGetValues(name, out var values) ? values.FirstOrDefault()?.Trim() : null;

    /// <summary>A count such as <c>180</c> or <c>100;w=21600</c> (the window in seconds), from the first header present.</summary>
    private static (int? Count, TimeSpan? Window) ReadCount(HttpResponseHeaders headers, string name, string fallback)
    {
        var text = First(headers, name) ?? First(headers, fallback);
        if (text is null)
        {
            return (null, null);
        }

        var parts = text.Split(';', StringSplitOptions.TrimEntries);
        int? count = int.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
        TimeSpan? window = null;
        foreach (var part in parts.Skip(1))
        {
            if (part.StartsWith("w=", StringComparison.OrdinalIgnoreCase) && int.TryParse(part[2..], NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) && seconds > 0)
            {
                window = TimeSpan.FromSeconds(seconds);
            }
        }

        return (count, window);
    }

    /// <summary>A moment written as a Unix time, as seconds from now (below 10⁹), or as an HTTP date.</summary>
    private static DateTimeOffset? ReadMoment(string? text, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number >= 0 && number < 253402300800)
        {
            return number >= SmallestUnixTime ? DateTimeOffset.FromUnixTimeMilliseconds((long)(number * 1000)) : now + TimeSpan.FromSeconds(number);
        }

        return DateTimeOffset.TryParseExact(text, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? date : null;
    }
}
