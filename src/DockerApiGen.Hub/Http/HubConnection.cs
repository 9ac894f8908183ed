using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DockerApiGen.Hub.Auth;
using DockerApiGen.Hub.Errors;
using DockerApiGen.Hub.Paging;
using DockerApiGen.Hub.RateLimits;
using DockerApiGen.Runtime.Http;
using DockerApiGen.Runtime.Transport;

namespace DockerApiGen.Hub.Http;

/// <summary>
/// The core the generated Docker Hub client calls: sends <see cref="DockerRequest"/>s (paths from <c>/v2/</c>) to the
/// Hub through one handler chain (authentication → rate limits → the transport), turns error statuses into typed
/// <see cref="HubApiException"/>s naming the operation, reads JSON answers with source-generated metadata, and
/// follows paged lists. Thread-safe; dispose it once.
/// </summary>
/// <remarks>
/// The chain: <see cref="HubAuthenticationHandler"/> (bearer token, renewal, one retry on 401) →
/// <see cref="HubRateLimitHandler"/> (rate-limit headers of every answer, waits on 429) → a
/// <see cref="SocketsHttpHandler"/> (wrapped by <see cref="HubClientOptions.ConfigureHandler"/> when given).
/// </remarks>
public sealed class HubConnection : IDisposable
{
    private const int MaxErrorBodyBytes = 64 * 1024;
    private readonly HttpClient _http;
    private readonly HubRateLimitHandler _rateLimits;
    private readonly TimeSpan _requestTimeout;
    private readonly TimeProvider _time;
    private readonly ProductInfoHeaderValue[] _userAgent;

    /// <summary>Creates the connection.</summary>
    /// <param name="options">Address, credentials, rate-limit budget; null for anonymous calls to <c>https://hub.docker.com</c>.</param>
    /// <exception cref="ArgumentException">The options are invalid (the message says which).</exception>
    public HubConnection(HubClientOptions? options = null)
    {
        options ??= new HubClientOptions();
        options.Validate();
        BaseAddress = options.BaseAddress;
        _requestTimeout = options.RequestTimeout;
        _time = options.TimeProvider;
        _userAgent = DockerHeaderValues.ParseUserAgent(options.UserAgent, "HubClientOptions.UserAgent");
        var rateLimit = new RateLimitOptions
        {
            MaxRetries = options.RateLimit.MaxRetries,
            MaxTotalWait = options.RateLimit.MaxTotalWait,
            InitialBackoff = options.RateLimit.InitialBackoff,
            TimeProvider = options.TimeProvider,
        };
        var sockets = new SocketsHttpHandler
        {
            AllowAutoRedirect = false, // a redirect would carry the bearer token nowhere useful; the API does not redirect
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.All,
        };
        _rateLimits = new HubRateLimitHandler(rateLimit, options.RateLimitObserved) { InnerHandler = options.ConfigureHandler?.Invoke(sockets) ?? sockets };
        var authentication = new HubAuthenticationHandler(options) { InnerHandler = _rateLimits };
        Authentication = authentication.Authenticator;
        _http = new HttpClient(authentication, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>Where the Hub API is.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The token holder: sign in up front, answer a second factor, see when the token expires, sign out.</summary>
    public HubAuthenticator Authentication { get; }

    /// <summary>
    /// The rate-limit headers of the most recent answer that had any (<c>X-RateLimit-Limit</c>, <c>-Remaining</c>,
    /// <c>-Reset</c>, <c>X-Retry-After</c>), or null before the first. With concurrent calls it is the latest of them;
    /// <see cref="HubClientOptions.RateLimitObserved"/> sees each answer with its call, and every
    /// <see cref="HubApiException"/> carries its answer's.
    /// </summary>
    public HubRateLimit? LastRateLimit => _rateLimits.LastRateLimit;

    /// <summary>Sends a request whose answer has no body (or one the caller does not need).</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels it.</param>
    public async Task SendAsync(DockerRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var limit = Limit(cancellationToken);
        using var response = await SendCoreAsync(request, Target(request), HttpCompletionOption.ResponseContentRead, notFoundIsAnswer: false, limit, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends a request and reads its JSON answer.</summary>
    /// <typeparam name="T">The answer's type.</typeparam>
    /// <param name="request">The request.</param>
    /// <param name="typeInfo">Source-generated metadata for <typeparamref name="T"/>.</param>
    /// <param name="cancellationToken">Cancels it.</param>
    /// <exception cref="InvalidDataException">The Hub answered without a body, or with <c>null</c>.</exception>
    public async Task<T> SendAsync<T>(DockerRequest request, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(typeInfo);
        using var limit = Limit(cancellationToken);
        return await ReadJsonAsync(request, Target(request), typeInfo, mayBeEmpty: false, limit, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidDataException($"Docker Hub answered {request.OperationId} ({request.Method} {request.Path}) without a body; a {typeof(T).Name} was expected.");
    }

    /// <summary>Sends a request whose answer may be JSON or empty (e.g. <c>204</c>, or a <c>200</c> without a body).</summary>
    /// <typeparam name="T">The answer's type.</typeparam>
    /// <param name="request">The request.</param>
    /// <param name="typeInfo">Source-generated metadata for <typeparamref name="T"/>.</param>
    /// <param name="cancellationToken">Cancels it.</param>
    public async Task<T?> SendForOptionalAsync<T>(DockerRequest request, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(typeInfo);
        using var limit = Limit(cancellationToken);
        return await ReadJsonAsync(request, Target(request), typeInfo, mayBeEmpty: true, limit, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends a request that asks whether something exists (the Hub's <c>HEAD</c> operations): true on a success, false on 404; other errors throw.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels it.</param>
    public async Task<bool> SendForExistenceAsync(DockerRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var limit = Limit(cancellationToken);
        using var response = await SendCoreAsync(request, Target(request), HttpCompletionOption.ResponseContentRead, notFoundIsAnswer: true, limit, cancellationToken).ConfigureAwait(false);
        return response.StatusCode != HttpStatusCode.NotFound;
    }

    /// <summary>
    /// Sends a request whose answer is a download (the members' CSV export); the caller disposes the stream. The time
    /// limit applies until the headers arrive; a connection that breaks during the download throws <see cref="HubConnectionException"/>.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the request (not later reads: pass a token to them).</param>
    public async Task<Stream> SendForStreamAsync(DockerRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        HttpResponseMessage response;
        using (var limit = Limit(cancellationToken))
        {
            response = await SendCoreAsync(request, Target(request), HttpCompletionOption.ResponseHeadersRead, notFoundIsAnswer: false, limit, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            return new ResponseStream(body, response, ex => new HubConnectionException(BaseAddress, request.OperationId, ex));
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The pages of a paged list (<c>count</c>, <c>next</c>, <c>previous</c>, <c>results</c>), fetched as the caller reads:
    /// the first from <paramref name="firstPage"/> (with its <c>page</c> and <c>page_size</c>), then each <c>next</c>
    /// link until there is none or one leads back to a page already read (see <see cref="HubPaging"/>: links to
    /// another host are followed on <see cref="BaseAddress"/>, so the token never leaves it).
    /// Each page is one call within the time limit; cancelling stops between and during pages.
    /// </summary>
    /// <typeparam name="TPage">The page type.</typeparam>
    /// <param name="firstPage">The request of the first page.</param>
    /// <param name="typeInfo">Source-generated metadata for <typeparamref name="TPage"/>.</param>
    /// <param name="nextOf">The page's <c>next</c> link.</param>
    /// <param name="cancellationToken">Cancels fetching.</param>
    public IAsyncEnumerable<TPage> PagesAsync<TPage>(DockerRequest firstPage, JsonTypeInfo<TPage> typeInfo, Func<TPage, string?> nextOf, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(firstPage);
        ArgumentNullException.ThrowIfNull(typeInfo);
        ArgumentNullException.ThrowIfNull(nextOf);
        return HubPaging.FollowAsync(BaseAddress, Target(firstPage), FetchAsync, nextOf, firstPage.OperationId, cancellationToken);

        async Task<TPage?> FetchAsync(Uri page, CancellationToken token)
        {
            using var limit = Limit(token);
            return await ReadJsonAsync(firstPage, page, typeInfo, mayBeEmpty: true, limit, token).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Every entry of a paged list, fetching pages as the caller reads (see <see cref="PagesAsync"/>); it also stops
    /// after a page without entries, so a server that keeps linking empty pages cannot loop.
    /// </summary>
    /// <typeparam name="TPage">The page type.</typeparam>
    /// <typeparam name="TItem">The entry type.</typeparam>
    /// <param name="firstPage">The request of the first page.</param>
    /// <param name="typeInfo">Source-generated metadata for <typeparamref name="TPage"/>.</param>
    /// <param name="itemsOf">The page's <c>results</c>.</param>
    /// <param name="nextOf">The page's <c>next</c> link.</param>
    /// <param name="cancellationToken">Cancels fetching.</param>
    public async IAsyncEnumerable<TItem> ItemsAsync<TPage, TItem>(DockerRequest firstPage, JsonTypeInfo<TPage> typeInfo, Func<TPage, IEnumerable<TItem>?> itemsOf, Func<TPage, string?> nextOf, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(itemsOf);
        await foreach (var page in PagesAsync(firstPage, typeInfo, nextOf, cancellationToken).ConfigureAwait(false))
        {
            var any = false;
            foreach (var item in itemsOf(page) ?? [])
            {
                cancellationToken.ThrowIfCancellationRequested();
                any = true;
                yield return item;
            }

            if (!any)
            {
                yield break;
            }
        }
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private Uri Target(DockerRequest request) => HubAddress.Join(BaseAddress, request.Path + request.QueryString);

    private async Task<T?> ReadJsonAsync<T>(DockerRequest request, Uri uri, JsonTypeInfo<T> typeInfo, bool mayBeEmpty, CancellationTokenSource limit, CancellationToken cancellationToken)
    {
        using var response = await SendCoreAsync(request, uri, HttpCompletionOption.ResponseHeadersRead, notFoundIsAnswer: false, limit, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NoContent || response.Content.Headers.ContentLength == 0)
        {
            return mayBeEmpty ? default : throw new InvalidDataException($"Docker Hub answered {request.OperationId} ({request.Method} {uri.AbsolutePath}) with {(int)response.StatusCode} and no body; a {typeof(T).Name} was expected.");
        }

        try
        {
            var stream = await response.Content.ReadAsStreamAsync(limit.Token).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                return await JsonSerializer.DeserializeAsync(stream, typeInfo, limit.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException ex) when (limit.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw TimedOut(request, ex);
        }
        catch (HttpRequestException ex)
        {
            throw new HubConnectionException(BaseAddress, request.OperationId, ex);
        }
        catch (IOException ex)
        {
            throw new HubConnectionException(BaseAddress, request.OperationId, ex);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"Docker Hub's answer to {request.OperationId} ({request.Method} {uri.AbsolutePath}) is not the JSON of a {typeof(T).Name}: {ex.Message}", ex);
        }
    }

    private async Task<HttpResponseMessage> SendCoreAsync(DockerRequest request, Uri uri, HttpCompletionOption completion, bool notFoundIsAnswer, CancellationTokenSource limit, CancellationToken cancellationToken)
    {
        using var message = request.ToHttpRequestMessage(uri);
        message.Options.Set(HubRequestOptions.Operation, request.OperationId);
        foreach (var agent in _userAgent)
        {
            message.Headers.UserAgent.Add(agent);
        }

        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(message, completion, limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (limit.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw TimedOut(request, ex);
        }
        catch (HttpRequestException ex)
        {
            throw new HubConnectionException(BaseAddress, request.OperationId, ex);
        }
        finally
        {
            // The body belongs to the DockerRequest (and may be sent again for another page); the message must not dispose it.
            message.Content = null;
        }

        if (response.IsSuccessStatusCode || (notFoundIsAnswer && response.StatusCode == HttpStatusCode.NotFound))
        {
            return response;
        }

        using (response)
        {
            var body = await ResponseBodies.ReadBoundedAsync(response.Content, MaxErrorBodyBytes, limit.Token).ConfigureAwait(false);
            var rateLimit = HubRateLimit.Read(response.Headers, _time.GetUtcNow());
            throw HubApiException.FromResponse(response.StatusCode, request.OperationId, request.Method.Method, uri.AbsolutePath, body, rateLimit, Authentication.Secrets, AccessHint(response.StatusCode, uri));
        }
    }

    /// <summary>What to do about a 401 or 403, from what the client was configured with.</summary>
    private string? AccessHint(HttpStatusCode status, Uri uri)
    {
        if (status != HttpStatusCode.Unauthorized)
        {
            return null;
        }

        if (HubAddress.ApiPath(BaseAddress, uri)?.StartsWith("/v2/scim/", StringComparison.Ordinal) == true)
        {
            return "SCIM calls take the SCIM API token of the organization's SSO connection: set HubClientOptions.ScimToken.";
        }

        return Authentication.HasCredentials
            ? $"Docker Hub refused the token of {Authentication.CredentialKind} '{Authentication.Identifier}' even after renewing it: the credentials may have been revoked, or lack access to this resource."
            : "This call needs credentials: set HubClientOptions.Credentials (a personal access token is recommended).";
    }

    private TimeoutException TimedOut(DockerRequest request, Exception inner)
        => new($"Docker Hub at {BaseAddress.GetLeftPart(UriPartial.Authority)} did not answer {request.OperationId} ({request.Method} {request.Path}) within {_requestTimeout.TotalSeconds:0.###} s (HubClientOptions.RequestTimeout), rate-limit waits included.", inner);

    private CancellationTokenSource Limit(CancellationToken cancellationToken)
    {
        var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (_requestTimeout != Timeout.InfiniteTimeSpan)
        {
            limit.CancelAfter(_requestTimeout);
        }

        return limit;
    }
}
