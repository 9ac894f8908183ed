namespace DockerApiGen.Contract.Tests.Server;

/// <summary>What a <see cref="SpecServer"/> does beyond answering from the spec (the Hub's authentication and rate limits).</summary>
public sealed class SpecServerOptions
{
    /// <summary>Checks bearer tokens against the operations' declared security and issues them at the token endpoints; null: credentials are not checked (the Engine declares none).</summary>
    public TokenAuthority? Tokens { get; init; }

    /// <summary>Announces a per-minute rate limit in every answer's <c>X-RateLimit-*</c> headers, as the Hub does; null: no such headers.</summary>
    public int? RateLimitPerMinute { get; init; }

    /// <summary>The clock of the rate-limit headers (<c>X-RateLimit-Reset</c>, <c>X-Retry-After</c>).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
