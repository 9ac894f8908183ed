using System.Net;

namespace DockerApiGen.Hub.RateLimits;

/// <summary>One answer's rate-limit headers and the call they came with, as <see cref="Http.HubClientOptions.RateLimitObserved"/> receives them.</summary>
/// <param name="Operation">The operation (the spec's operation id or the client's method name).</param>
/// <param name="Method">The request method.</param>
/// <param name="Path">The request path, without the query.</param>
/// <param name="StatusCode">The answer's status.</param>
/// <param name="RateLimit">What the headers said.</param>
public sealed record HubRateLimitObservation(string Operation, string Method, string Path, HttpStatusCode StatusCode, HubRateLimit RateLimit);
