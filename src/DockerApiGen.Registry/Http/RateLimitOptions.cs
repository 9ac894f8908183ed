namespace DockerApiGen.Registry.Http;

/// <summary>How long <see cref="RateLimitHandler"/> waits on 429 answers before giving up.</summary>
public sealed class RateLimitOptions
{
    /// <summary>Retries of one request at most (default 3).</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>
    /// The total time one request may spend waiting (default 30 s). A <c>Retry-After</c> that asks for more is not
    /// waited for: the request fails at once, saying when to retry.
    /// </summary>
    public TimeSpan MaxTotalWait { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The first wait when the answer has no <c>Retry-After</c> (default 1 s); it doubles on each retry.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The clock and timers (a fake one in tests).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
