using DockerApiGen.Hub.Auth;
using DockerApiGen.Hub.RateLimits;
using DockerApiGen.Runtime.Http;

namespace DockerApiGen.Hub.Http;

/// <summary>
/// How a Docker Hub client connects and signs in. Every property is optional: unset, the client talks to
/// <c>https://hub.docker.com</c> anonymously (public repositories and tags only).
/// </summary>
public sealed class HubClientOptions
{
    /// <summary>The Hub's documented address.</summary>
    public static readonly Uri DefaultBaseAddress = new("https://hub.docker.com/");

    /// <summary>
    /// Where the Hub API is (default <c>https://hub.docker.com/</c>): another address for a proxy or a test server. An
    /// absolute http or https URL, possibly with a path prefix; credentials go only over https or to loopback.
    /// </summary>
    public Uri BaseAddress { get; init; } = DefaultBaseAddress;

    /// <summary>What to sign in with (a password, a personal or an organization access token); null for anonymous calls.</summary>
    public HubCredentials? Credentials { get; init; }

    /// <summary>Where credentials are exchanged for a token (default <see cref="HubLoginEndpoint.AccessToken"/>, <c>POST /v2/auth/token</c>).</summary>
    public HubLoginEndpoint LoginEndpoint { get; init; } = HubLoginEndpoint.AccessToken;

    /// <summary>
    /// Answers the Hub's request for a second factor (with <see cref="HubLoginEndpoint.UsersLogin"/> and an account with
    /// two-factor authentication): returns the current one-time code, or null to give up (the call then throws
    /// <see cref="HubTwoFactorRequiredException"/>). Null: that exception is thrown, for the caller to answer through
    /// <see cref="HubAuthenticator.CompleteTwoFactorAsync"/>. A token from a two-factor sign-in is renewed by signing in
    /// again, which asks for a new code.
    /// </summary>
    public Func<HubTwoFactorChallenge, CancellationToken, ValueTask<string?>>? TwoFactorCodeProvider { get; init; }

    /// <summary>
    /// The SCIM API token of the organization's SSO connection, sent as the bearer of SCIM calls (<c>/v2/scim/2.0/…</c>)
    /// instead of the signed-in token; null when the client makes no SCIM calls. Never shown in <see cref="ToString"/>.
    /// </summary>
    public string? ScimToken { get; init; }

    /// <summary>
    /// The 429 budget: how often and how long one call waits for the Hub's rate limit (default 3 retries, 60 s in
    /// all, since the Hub's limits are per minute). Its <see cref="RateLimitOptions.TimeProvider"/> is replaced by
    /// <see cref="TimeProvider"/>.
    /// </summary>
    public RateLimitOptions RateLimit { get; init; } = new() { MaxTotalWait = TimeSpan.FromSeconds(60) };

    /// <summary>Called with the rate-limit headers of every answer that has them, with the call they came with (it must not throw); null for none. <see cref="HubConnection.LastRateLimit"/> holds the latest either way.</summary>
    public Action<HubRateLimitObservation>? RateLimitObserved { get; init; }

    /// <summary>
    /// The time limit of one call, rate-limit waits and signing in included (default 100 s; a paged list applies it
    /// per page, a download only until its headers arrive); <see cref="Timeout.InfiniteTimeSpan"/> for none.
    /// </summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(100);

    /// <summary>The longest margin before expiry at which the token is renewed (default 30 s; a tenth of the token's lifetime when that is less).</summary>
    public TimeSpan MaxRenewalMargin { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The <c>User-Agent</c> of every request (default <c>DockerApiGen.Hub</c>).</summary>
    public string UserAgent { get; init; } = "DockerApiGen.Hub";

    /// <summary>
    /// Wraps the transport's handler, e.g. with a logging <see cref="DelegatingHandler"/> or a proxy's settings, or
    /// returns an <c>IHttpClientFactory</c> handler. It sits below authentication and rate limits, so it sees every
    /// attempt, the token requests and their bodies included, and the <c>Authorization</c> header: a logging handler
    /// there must leave bodies and that header out.
    /// </summary>
    public Func<SocketsHttpHandler, HttpMessageHandler>? ConfigureHandler { get; init; }

    /// <summary>The clock of token expiry and rate-limit waits (a fake one in tests).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <inheritdoc />
    public override string ToString()
        => $"HubClientOptions {{ BaseAddress = {Redacted(BaseAddress)}, Credentials = {Credentials?.ToString() ?? "none"}, LoginEndpoint = {LoginEndpoint}, "
            + $"TwoFactorCodeProvider = {(TwoFactorCodeProvider is null ? "none" : "set")}, ScimToken = {(ScimToken is null ? "none" : "***")}, RateLimit = {RateLimit}, RequestTimeout = {RequestTimeout} }}";

    private static string Redacted(Uri? address)
        => address is { IsAbsoluteUri: true, UserInfo.Length: > 0 } ? new UriBuilder(address) { UserName = "***", Password = "" }.Uri.ToString() : address?.ToString() ?? "null";

    /// <summary>Checks the options before a connection uses them.</summary>
    /// <exception cref="ArgumentException">The base address is not an absolute http or https URL without user info, query or fragment, or a value is out of range.</exception>
    internal void Validate()
    {
        if (BaseAddress is not { IsAbsoluteUri: true } address || address.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"HubClientOptions.BaseAddress must be an absolute http or https URL, such as {DefaultBaseAddress}; it is {(BaseAddress is null ? "null" : BaseAddress.IsAbsoluteUri ? $"a {BaseAddress.Scheme} URL" : "a relative URL")}.", nameof(BaseAddress));
        }

        if (address.UserInfo.Length > 0 || address.Query.Length > 0 || address.Fragment.Length > 0)
        {
            throw new ArgumentException("HubClientOptions.BaseAddress must not hold a user name, password, query or fragment: credentials go in HubClientOptions.Credentials.", nameof(BaseAddress));
        }

        if (RequestTimeout <= TimeSpan.Zero && RequestTimeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentException("HubClientOptions.RequestTimeout must be positive, or Timeout.InfiniteTimeSpan.", nameof(RequestTimeout));
        }

        if (MaxRenewalMargin < TimeSpan.Zero)
        {
            throw new ArgumentException("HubClientOptions.MaxRenewalMargin cannot be negative.", nameof(MaxRenewalMargin));
        }

        if (ScimToken is { } scim && (scim.Length == 0 || scim.AsSpan().IndexOfAny('\r', '\n') >= 0))
        {
            throw new ArgumentException("HubClientOptions.ScimToken must be a non-empty token on one line.", nameof(ScimToken));
        }

        ArgumentNullException.ThrowIfNull(RateLimit);
        ArgumentNullException.ThrowIfNull(TimeProvider);
        ArgumentException.ThrowIfNullOrWhiteSpace(UserAgent);
    }
}
