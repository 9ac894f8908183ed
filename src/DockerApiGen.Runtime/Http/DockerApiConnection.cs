using System.Net;
using System.Net.Http.Headers;
using System.Net.Security;
using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DockerApiGen.Runtime.Errors;
using DockerApiGen.Runtime.Streams;
using DockerApiGen.Runtime.Transport;
using DockerApiGen.Runtime.Versions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DockerApiGen.Runtime.Http;

/// <summary>
/// The version-agnostic core every generated client calls: sends <see cref="DockerRequest"/>s below the
/// pinned version's prefix (<c>/v1.41/…</c>), or, when negotiating (<see cref="DockerClientOptions.NegotiateApiVersion"/>),
/// below the version agreed with the daemon after checking that the request needs nothing newer, through one
/// transport; turns error statuses into <see cref="DockerApiException"/>s, and reads each kind of answer (JSON,
/// JSON streams, progress streams, container output, tar streams, headers, hijacked connections, websockets).
/// Thread-safe; dispose it once.
/// </summary>
public sealed class DockerApiConnection : IDisposable
{
    private const int MaxErrorBodyBytes = 1024 * 1024;
    private readonly HttpClient _http;
    private readonly string _origin;
    private readonly string _versionPrefix;
    private readonly TimeSpan _requestTimeout;
    private readonly string _userAgent;
    private readonly HttpMessageHandler _handler;
    private readonly DockerApiVersion _clientVersion;
    private readonly DockerApiVersion _oldestVersion;
    private readonly bool _dropUnsupported;
    private readonly ILogger _logger;
    private DockerVersionProbe? _probe;
    private NegotiatedApiVersion? _negotiated;

    /// <summary>Creates the connection for a pinned API version.</summary>
    /// <param name="apiVersion">The version every path is prefixed with, e.g. <c>1.41</c>.</param>
    /// <param name="options">How to reach the daemon; null for the docker CLI's defaults.</param>
    public DockerApiConnection(string apiVersion, DockerClientOptions? options = null)
        : this(apiVersion, options, oldestApiVersion: null)
    {
    }

    /// <summary>Creates the connection for a package's API version.</summary>
    /// <param name="apiVersion">The package's version, e.g. <c>1.55</c>: every path is prefixed with it unless the connection negotiates an older one.</param>
    /// <param name="options">How to reach the daemon and whether to negotiate; null for the docker CLI's defaults, pinned.</param>
    /// <param name="oldestApiVersion">The oldest version the package knows the contents of (negotiation goes no lower); null for no limit.</param>
    /// <exception cref="FormatException">A version is not <c>MAJOR.MINOR</c>.</exception>
    public DockerApiConnection(string apiVersion, DockerClientOptions? options, string? oldestApiVersion)
    {
        ArgumentException.ThrowIfNullOrEmpty(apiVersion);
        options ??= new DockerClientOptions();
        ApiVersion = apiVersion;
        OldestApiVersion = oldestApiVersion;
        _clientVersion = DockerApiVersion.Parse(apiVersion);
        _oldestVersion = oldestApiVersion is null ? default : DockerApiVersion.Parse(oldestApiVersion);
        NegotiatesApiVersion = options.NegotiateApiVersion;
        _dropUnsupported = options.DropUnsupportedValues;
        _logger = options.Logger ?? NullLogger.Instance;
        Transport = DockerEndpoints.Resolve(options);
        _requestTimeout = options.RequestTimeout;
        _userAgent = $"DockerApiGen/{apiVersion}";
        var handler = Transport.CreateHandler();
        _handler = options.ConfigureHandler?.Invoke(handler) ?? handler;
        _http = new HttpClient(_handler, disposeHandler: true)
        {
            // Time limits are per request (none for streams), applied with cancellation below.
            Timeout = Timeout.InfiniteTimeSpan,
        };
        // No default User-Agent: HttpClient copies default headers into every request (200 B a call), and the
        // daemon does not need one. Hijacked requests, written by hand, do send it.
        _origin = Transport.BaseAddress.GetLeftPart(UriPartial.Authority);
        _versionPrefix = $"/v{apiVersion}";
    }

    /// <summary>The package's API version (the one requests use unless the connection negotiates an older one).</summary>
    public string ApiVersion { get; }

    /// <summary>The oldest version the package knows the contents of, if given: negotiation goes no lower.</summary>
    public string? OldestApiVersion { get; }

    /// <summary>Whether the connection negotiates its version with the daemon (<see cref="DockerClientOptions.NegotiateApiVersion"/>).</summary>
    public bool NegotiatesApiVersion { get; }

    /// <summary>
    /// The API version requests use: <see cref="ApiVersion"/> when pinned; when negotiating, the one agreed with the
    /// daemon (asked once per connection and remembered).
    /// </summary>
    /// <param name="cancellationToken">Cancels asking the daemon.</param>
    /// <exception cref="DockerApiVersionException">Negotiating, and the daemon serves no version this package can speak.</exception>
    public async Task<string> GetApiVersionAsync(CancellationToken cancellationToken = default)
        => NegotiatesApiVersion ? (await NegotiateAsync(cancellationToken).ConfigureAwait(false)).Version.ToString() : ApiVersion;

    /// <summary>
    /// Negotiating: the version agreed with the daemon, asked once per connection and remembered (the daemon's newest
    /// version when it is older than <see cref="ApiVersion"/>, else <see cref="ApiVersion"/>).
    /// </summary>
    /// <param name="cancellationToken">Cancels asking the daemon.</param>
    /// <exception cref="InvalidOperationException">The connection does not negotiate.</exception>
    /// <exception cref="DockerApiVersionException">The daemon serves no version this package can speak (its oldest is newer than <see cref="ApiVersion"/>, or its newest older than <see cref="OldestApiVersion"/>).</exception>
    public async Task<NegotiatedApiVersion> NegotiateAsync(CancellationToken cancellationToken = default)
    {
        if (!NegotiatesApiVersion)
        {
            throw new InvalidOperationException("This connection is pinned to its version; set DockerClientOptions.NegotiateApiVersion to negotiate.");
        }

        if (_negotiated is { } known)
        {
            return known;
        }

        var daemon = await Probe.GetAsync(cancellationToken).ConfigureAwait(false);
        var newest = DockerApiVersion.From(daemon.Maximum);
        var speak = newest >= _clientVersion ? _clientVersion : newest;
        if ((daemon.Minimum is { } minimum && speak < DockerApiVersion.From(minimum)) || (_oldestVersion.IsSpecified && speak < _oldestVersion))
        {
            throw new DockerApiVersionException(ApiVersion, newest.ToString(), daemon.Minimum is null ? null : DockerApiVersion.From(daemon.Minimum).ToString(), daemonMessage: null, "GET", "/_ping");
        }

        // Every caller computes the same answer from the one probe, so a race only repeats the arithmetic.
        return _negotiated = new NegotiatedApiVersion(speak, daemon, speak == _clientVersion);
    }

    /// <summary>The transport requests go through.</summary>
    public DockerTransport Transport { get; }

    /// <summary>The daemon's API range (from <c>/_ping</c> and <c>/version</c>, asked once and remembered).</summary>
    /// <param name="cancellationToken">Cancels the check.</param>
    public Task<DaemonApiVersions> GetDaemonVersionsAsync(CancellationToken cancellationToken = default) => Probe.GetAsync(cancellationToken);

    /// <summary>
    /// Checks before use that the daemon supports this connection's pinned version, or, when negotiating, that a
    /// version can be agreed (asked once and remembered); otherwise throws <see cref="DockerApiVersionException"/>
    /// with the daemon's range and the package to use.
    /// </summary>
    /// <param name="cancellationToken">Cancels the check.</param>
    public Task EnsureDaemonSupportsVersionAsync(CancellationToken cancellationToken = default)
        => NegotiatesApiVersion ? NegotiateAsync(cancellationToken) : Probe.EnsureSupportedAsync(ApiVersion, cancellationToken);

    // The probe sends through this connection's handler: the same pooled connections, and any logging handler.
    private DockerVersionProbe Probe => LazyInitializer.EnsureInitialized(ref _probe, () => new DockerVersionProbe(Transport, _handler, _requestTimeout == Timeout.InfiniteTimeSpan ? null : _requestTimeout, disposeHandler: false));

    /// <summary>Sends a request whose answer has no body.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels it.</param>
    public Task SendAsync(DockerRequest request, CancellationToken cancellationToken)
        => SendWithinLimitAsync<bool>(request, json: null, headers: null, mayBeEmpty: true, cancellationToken);

    /// <summary>Sends a request and reads its JSON answer.</summary>
    /// <typeparam name="T">The answer's type.</typeparam>
    /// <param name="request">The request.</param>
    /// <param name="typeInfo">Source-generated metadata for <typeparamref name="T"/>.</param>
    /// <param name="cancellationToken">Cancels it.</param>
    /// <exception cref="InvalidDataException">The daemon answered without a body.</exception>
    public Task<T> SendAsync<T>(DockerRequest request, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        return SendWithinLimitAsync(request, typeInfo, headers: null, mayBeEmpty: false, cancellationToken)!;
    }

    /// <summary>Sends a request whose answer may be JSON or empty (e.g. <c>204</c>).</summary>
    /// <typeparam name="T">The answer's type.</typeparam>
    /// <param name="request">The request.</param>
    /// <param name="typeInfo">Source-generated metadata for <typeparamref name="T"/>.</param>
    /// <param name="cancellationToken">Cancels it.</param>
    public Task<T?> SendForOptionalAsync<T>(DockerRequest request, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        return SendWithinLimitAsync(request, typeInfo, headers: null, mayBeEmpty: true, cancellationToken);
    }

    /// <summary>Sends a request and reads what its headers say (ping, archive stat).</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="request">The request.</param>
    /// <param name="read">Reads the result from the response headers.</param>
    /// <param name="cancellationToken">Cancels it.</param>
    public Task<T> SendForHeadersAsync<T>(DockerRequest request, Func<HttpResponseHeaders, T> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        return SendWithinLimitAsync(request, json: null, read, mayBeEmpty: false, cancellationToken)!;
    }

    /// <summary>
    /// Streams JSON values (events, stats) as they arrive. Cancelling <paramref name="cancellationToken"/> ends the
    /// enumeration cleanly (no exception) and closes the connection.
    /// </summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="request">The request.</param>
    /// <param name="typeInfo">Source-generated metadata for <typeparamref name="T"/>.</param>
    /// <param name="cancellationToken">Ends the stream.</param>
    public IAsyncEnumerable<T> StreamAsync<T>(DockerRequest request, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        return ReadValuesAsync(request, typeInfo, endQuietlyWhenCancelled: true, cancellationToken);
    }

    /// <summary>
    /// Streams progress messages (pull, push, build, load, import) until the operation ends. An error inside the
    /// stream throws <see cref="DockerProgressException"/>; cancelling throws (the operation is then unfinished).
    /// </summary>
    /// <typeparam name="T">The message type.</typeparam>
    /// <param name="request">The request.</param>
    /// <param name="typeInfo">Source-generated metadata for <typeparamref name="T"/>.</param>
    /// <param name="errorOf">Returns the error a message reports, or null.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    public async IAsyncEnumerable<T> StreamProgressAsync<T>(DockerRequest request, JsonTypeInfo<T> typeInfo, Func<T, ProgressError?> errorOf, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        ArgumentNullException.ThrowIfNull(errorOf);
        await foreach (var message in ReadValuesAsync(request, typeInfo, endQuietlyWhenCancelled: false, cancellationToken).ConfigureAwait(false))
        {
            if (errorOf(message) is { } error)
            {
                throw new DockerProgressException(request.OperationId, error.Message, error.Code);
            }

            yield return message;
        }
    }

    /// <summary>Sends a request whose answer is a byte stream (tar archives, exports); the caller disposes the stream.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the request (not later reads: pass a token to them).</param>
    public async Task<Stream> SendForStreamAsync(DockerRequest request, CancellationToken cancellationToken)
        => await OpenBodyAsync(request, cancellationToken).ConfigureAwait(false);

    /// <summary>Sends a request whose answer is container output (logs); the caller disposes it.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<ContainerOutput> SendForOutputAsync(DockerRequest request, CancellationToken cancellationToken)
    {
        var body = await OpenBodyAsync(request, cancellationToken).ConfigureAwait(false);
        return new ContainerOutput(body, ContainerOutput.MultiplexedFromContentType(body.ContentType));
    }

    /// <summary>Opens an attach or exec session on a new connection (<c>Upgrade: tcp</c>, or another protocol).</summary>
    /// <param name="request">The request.</param>
    /// <param name="protocol">The upgrade protocol: <c>tcp</c> for attach and exec, <c>h2c</c> for sessions.</param>
    /// <param name="cancellationToken">Cancels connecting and the handshake.</param>
    /// <exception cref="DockerConnectionException">The daemon did not upgrade the connection (a proxy may drop the upgrade), or the connection broke.</exception>
    public Task<HijackedConnection> HijackAsync(DockerRequest request, string protocol, CancellationToken cancellationToken)
        => HijackAsync(request, protocol, detached: false, cancellationToken);

    /// <summary>
    /// Opens an attach or exec session on a new connection (<c>Upgrade: tcp</c>, or another protocol); or, for a
    /// request that asks for no session (an exec start with <c>Detach</c>), returns as soon as the daemon has
    /// answered, with a finished session (<see cref="HijackedConnection.IsDetached"/>).
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="protocol">The upgrade protocol: <c>tcp</c> for attach and exec, <c>h2c</c> for sessions.</param>
    /// <param name="detached">The request asks the daemon to run without a session.</param>
    /// <param name="cancellationToken">Cancels connecting and the handshake.</param>
    /// <exception cref="DockerConnectionException">The daemon did not upgrade the connection (a proxy may drop the upgrade), or the connection broke.</exception>
    public async Task<HijackedConnection> HijackAsync(DockerRequest request, string protocol, bool detached, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var prefix = await PrefixForAsync(request, cancellationToken).ConfigureAwait(false);
        // Connects and, for TLS transports, completes the handshake (failures come explained).
        var connection = await Transport.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var (readStream, multiplexed) = await HijackHandshake.RunAsync(connection, Transport, request, Target(request, prefix), _userAgent, protocol, detached, cancellationToken).ConfigureAwait(false);
            if (readStream is null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
                return new HijackedConnection();
            }

            return new HijackedConnection(new ResponseStream(readStream, response: null, Transport.Endpoint, request), connection, multiplexed);
        }
        catch (Exception ex)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            if (ex is IOException && !cancellationToken.IsCancellationRequested)
            {
                throw DockerConnectionFailures.Interrupted(Transport.Endpoint, request, ex);
            }

            throw;
        }
    }

    /// <summary>Opens a websocket (attach over websocket) through the same transport.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the handshake.</param>
    public async Task<WebSocket> ConnectWebSocketAsync(DockerRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var prefix = await PrefixForAsync(request, cancellationToken).ConfigureAwait(false);
        var uri = new Uri(Target(request, prefix, origin: $"{(Transport.Tls is null ? "ws" : "wss")}://{Transport.BaseAddress.Authority}"));
        var socket = new ClientWebSocket();
        foreach (var (name, value) in request.Headers)
        {
            socket.Options.SetRequestHeader(name, value);
        }

        try
        {
            await socket.ConnectAsync(uri, _http, cancellationToken).ConfigureAwait(false);
            return socket;
        }
        catch (WebSocketException ex) when (socket.HttpStatusCode is not 0 and not HttpStatusCode.SwitchingProtocols)
        {
            socket.Dispose();
            throw new DockerApiException(socket.HttpStatusCode, ex.Message, request.Method.Method, request.Path);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _probe?.Dispose();
        _http.Dispose();
        Transport.Dispose();
    }

    /// <summary>
    /// Sends a request that is not a stream, within <see cref="DockerClientOptions.RequestTimeout"/> (unless it has
    /// <see cref="DockerRequest.NoTimeLimit"/>), and reads its answer: JSON when <paramref name="json"/> is given,
    /// else what <paramref name="headers"/> reads from the headers, else nothing.
    /// </summary>
    private async Task<T?> SendWithinLimitAsync<T>(DockerRequest request, JsonTypeInfo<T>? json, Func<HttpResponseHeaders, T>? headers, bool mayBeEmpty, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var limit = Limit(request, cancellationToken);
        try
        {
            // Answers without JSON are read whole before they are disposed, so the connection goes back to the pool.
            using var response = await SendCoreAsync(request, json is null ? HttpCompletionOption.ResponseContentRead : HttpCompletionOption.ResponseHeadersRead, limit.Token).ConfigureAwait(false);
            if (json is null)
            {
                return headers is null ? default : headers(response.Headers);
            }

            if (mayBeEmpty && (response.StatusCode == HttpStatusCode.NoContent || response.Content.Headers.ContentLength == 0))
            {
                return default;
            }

            var stream = await response.Content.ReadAsStreamAsync(limit.Token).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var value = await JsonSerializer.DeserializeAsync(stream, json, limit.Token).ConfigureAwait(false);
                return value is not null || mayBeEmpty
                    ? value
                    : throw new InvalidDataException($"The daemon answered {request.Method} {request.Path} with null; a {typeof(T).Name} was expected.");
            }
        }
        catch (OperationCanceledException ex) when (limit.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The Docker daemon at {Transport.Endpoint} did not answer {request.Method} {request.Path} within {_requestTimeout.TotalSeconds:0.###} s (DockerClientOptions.RequestTimeout).", ex);
        }
        catch (IOException ex) when (!limit.IsCancellationRequested)
        {
            throw DockerConnectionFailures.Interrupted(Transport.Endpoint, request, ex); // e.g. a wait cut by the daemon stopping
        }
    }

    /// <summary>The JSON values of a streamed answer, read as they arrive; with <paramref name="endQuietlyWhenCancelled"/>, cancelling ends them without an exception.</summary>
    private async IAsyncEnumerable<T> ReadValuesAsync<T>(DockerRequest request, JsonTypeInfo<T> typeInfo, bool endQuietlyWhenCancelled, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await SendCoreAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (endQuietlyWhenCancelled && cancellationToken.IsCancellationRequested)
        {
            yield break;
        }

        using (response)
        {
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var values = JsonStream.ReadAsync(stream, typeInfo, cancellationToken).GetAsyncEnumerator(cancellationToken);
                await using (values.ConfigureAwait(false))
                {
                    while (true)
                    {
                        bool more;
                        try
                        {
                            more = await values.MoveNextAsync().ConfigureAwait(false);
                        }
                        catch (Exception ex) when (endQuietlyWhenCancelled && cancellationToken.IsCancellationRequested && ex is OperationCanceledException or IOException)
                        {
                            yield break;
                        }
                        catch (IOException ex) when (!cancellationToken.IsCancellationRequested)
                        {
                            throw DockerConnectionFailures.Interrupted(Transport.Endpoint, request, ex);
                        }

                        if (!more)
                        {
                            yield break;
                        }

                        yield return values.Current;
                    }
                }
            }
        }
    }

    /// <summary>Sends a request and hands back its body, to be read later; disposing it disposes the response.</summary>
    private async Task<ResponseStream> OpenBodyAsync(DockerRequest request, CancellationToken cancellationToken)
    {
        var response = await SendCoreAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        try
        {
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            return new ResponseStream(stream, response, Transport.Endpoint, request);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>The request's URL: <paramref name="origin"/> (empty for an origin-form target), the version prefix, the path and the query.</summary>
    private static string Target(DockerRequest request, string prefix, string origin = "") => string.Concat(origin, prefix, request.Path, request.QueryString);

    /// <summary>
    /// The version prefix a request goes under. Pinned: the package's, at once. Negotiating: the agreed version's
    /// (asked once); below the package's version, the request is checked first, and refused, or stripped of what
    /// the version lacks, before anything is sent.
    /// </summary>
    private ValueTask<string> PrefixForAsync(DockerRequest request, CancellationToken cancellationToken)
    {
        if (!NegotiatesApiVersion)
        {
            return new ValueTask<string>(_versionPrefix);
        }

        return _negotiated is { } negotiated ? new ValueTask<string>(Check(request, negotiated)) : NegotiateThenCheckAsync(request, cancellationToken);
    }

    private async ValueTask<string> NegotiateThenCheckAsync(DockerRequest request, CancellationToken cancellationToken)
        => Check(request, await NegotiateAsync(cancellationToken).ConfigureAwait(false));

    private string Check(DockerRequest request, NegotiatedApiVersion negotiated)
    {
        if (negotiated.IsClientVersion)
        {
            return _versionPrefix;
        }

        NegotiatedRequestCheck.Apply(request, negotiated, ApiVersion, Transport.Endpoint, _dropUnsupported, _logger);
        return negotiated.PathPrefix;
    }

    private async Task<HttpResponseMessage> SendCoreAsync(DockerRequest request, HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var prefix = await PrefixForAsync(request, cancellationToken).ConfigureAwait(false);
        using var message = request.ToHttpRequestMessage(new Uri(Target(request, prefix, _origin), UriKind.RelativeOrAbsolute));

        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(message, completion, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex) when (DockerConnectionFailures.Explain(Transport, ex) is { } explained)
        {
            // The transport's own DockerConnectionException, or a TLS failure, a non-HTTP endpoint, a refused
            // connection: said in terms of what to change.
            throw explained;
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var body = await ResponseBodies.ReadBoundedAsync(response.Content, MaxErrorBodyBytes, cancellationToken).ConfigureAwait(false);
            if (DockerConnectionFailures.ExplainAnswer(Transport, response.StatusCode, System.Text.Encoding.UTF8.GetString(body)) is { } misconfigured)
            {
                throw misconfigured; // plain HTTP sent to a TLS daemon
            }

            throw DockerApiException.From(response.StatusCode, body, request.Method.Method, request.Path);
        }
    }

    private CancellationTokenSource Limit(DockerRequest request, CancellationToken cancellationToken)
    {
        var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (!request.NoTimeLimit && _requestTimeout != Timeout.InfiniteTimeSpan)
        {
            limit.CancelAfter(_requestTimeout);
        }

        return limit;
    }
}
