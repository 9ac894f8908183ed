using System.Collections.Concurrent;

namespace DockerApiGen.Contract.Tests.Server;

/// <summary>A refusal the server answers instead of the operation's answer.</summary>
/// <param name="Status">401 (the token was refused) or 429 (the rate limit is reached).</param>
/// <param name="RetryAfterSeconds">For 429: the <c>Retry-After</c> the answer carries.</param>
public sealed record ServerFault(int Status, int RetryAfterSeconds = 0);

/// <summary>
/// One-shot refusals a test queues to exercise a client's recovery: a 429 with <c>Retry-After</c> for the next
/// requests, or a 401 that revokes the token of the next authenticated request (as when a token is revoked early).
/// The refused request is still validated and recorded; only the answer changes.
/// </summary>
public sealed class ServerFaults
{
    private readonly ConcurrentQueue<ServerFault> _throttles = new();
    private int _refuseTokens;

    /// <summary>Answers the next <paramref name="count"/> requests with 429 and <c>Retry-After</c>.</summary>
    /// <param name="count">How many.</param>
    /// <param name="retryAfterSeconds">The seconds the answers ask the client to wait.</param>
    public void Throttle(int count, int retryAfterSeconds)
    {
        for (var i = 0; i < count; i++)
        {
            _throttles.Enqueue(new ServerFault(429, retryAfterSeconds));
        }
    }

    /// <summary>Refuses (401) and revokes the token of the next request that carries an accepted token.</summary>
    public void RefuseNextToken() => Interlocked.Increment(ref _refuseTokens);

    /// <summary>The 429 to answer, if one is queued.</summary>
    public ServerFault? TakeThrottle() => _throttles.TryDequeue(out var fault) ? fault : null;

    /// <summary>Whether to refuse this authenticated request's token.</summary>
    public bool TakeTokenRefusal()
    {
        while (Volatile.Read(ref _refuseTokens) is var pending and > 0)
        {
            if (Interlocked.CompareExchange(ref _refuseTokens, pending - 1, pending) == pending)
            {
                return true;
            }
        }

        return false;
    }
}
