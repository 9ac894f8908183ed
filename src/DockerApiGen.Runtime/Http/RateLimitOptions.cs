namespace DockerApiGen.Runtime.Http;

/// <summary>
/// How a <see cref="RateLimitRetryHandler"/> (the registry's and Docker Hub's rate-limit handlers) waits on
/// 429 answers before giving up.
/// </summary>
public sealed class RateLimitOptions
{
    /// <summary>Retries of one request at most (default 3).</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>
    /// The total time one request may spend waiting (default 30 s). A wait the server asks for that would exceed it
    /// is not waited for: the request fails at once, saying when to retry.
    /// </summary>
    public TimeSpan MaxTotalWait { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The first wait when the answer does not say how long to wait (default 1 s); it doubles on each retry.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The clock and timers (a fake one in tests).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <inheritdoc />
    public override string ToString() => $"RateLimitOptions {{ MaxRetries = {MaxRetries}, MaxTotalWait = {MaxTotalWait}, InitialBackoff = {InitialBackoff} }}";
}
