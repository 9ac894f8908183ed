using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DockerApiGen.Registry.Errors;
using DockerApiGen.Runtime.Http;
using DockerApiGen.Runtime.Transport;

namespace DockerApiGen.Registry.Http;

/// <summary>
/// The core the generated <see cref="RegistryApiClient"/> calls: sends <see cref="DockerRequest"/>s to one registry
/// (paths from <c>/v2/</c>, or the URL an earlier answer's <c>Location</c> gave) through the shared handler chain
/// (authentication, 429 waits, TLS), turns error statuses into typed <see cref="RegistryApiException"/>s naming the
/// registry, repository and reference, surfaces <c>Warning</c> headers, and reads each kind of answer. Thread-safe;
/// dispose it once.
/// </summary>
public sealed class RegistryConnection : IDisposable
{
    private const int MaxErrorBodyBytes = 64 * 1024;
    private readonly RegistryPipeline _pipeline;
    private readonly bool _ownsPipeline;
    private readonly RegistryAddress _address;
    private readonly ProductInfoHeaderValue[] _userAgent;

    /// <summary>Creates a connection to the registry <see cref="RegistryClientOptions.Registry"/> names, with a handler chain of its own.</summary>
    /// <param name="options">Registry, credentials, TLS, budgets; null for Docker Hub with the docker configuration's logins.</param>
    /// <exception cref="ArgumentException">The options are invalid (the message says which).</exception>
    public RegistryConnection(RegistryClientOptions? options = null)
    {
        options ??= new RegistryClientOptions();
        _address = RegistryAddress.Parse(options.Registry);
        _pipeline = new RegistryPipeline(options);
        _ownsPipeline = true;
        _userAgent = DockerHeaderValues.ParseUserAgent(options.UserAgent, "RegistryClientOptions.UserAgent");
    }

    /// <summary>A connection to one registry on a client's shared handler chain, which the client owns.</summary>
    internal RegistryConnection(RegistryPipeline pipeline, RegistryAddress address)
    {
        _pipeline = pipeline;
        _address = address;
        _userAgent = DockerHeaderValues.ParseUserAgent(pipeline.Options.UserAgent, "RegistryClientOptions.UserAgent");
    }

    /// <summary>The registry as references name it (<c>docker.io</c>, <c>127.0.0.1:5000</c>).</summary>
    public string Registry => _address.Registry;

    /// <summary>
    /// Where the registry's API is: the scheme given, else HTTPS, or plain HTTP for a loopback or insecure registry
    /// that does not speak HTTPS (found with one TLS attempt and remembered).
    /// </summary>
    /// <param name="cancellationToken">Cancels the attempt.</param>
    public Task<Uri> GetBaseAddressAsync(CancellationToken cancellationToken = default) => _pipeline.BaseAddressAsync(_address, cancellationToken);

    /// <summary>Sends a request whose answer has no body the caller needs.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels it.</param>
    public async Task SendAsync(DockerRequest request, CancellationToken cancellationToken)
    {
        using var response = await SendCoreAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends a request and reads its JSON answer.</summary>
    /// <typeparam name="T">The answer's type.</typeparam>
    /// <param name="request">The request.</param>
    /// <param name="typeInfo">Source-generated metadata.</param>
    /// <param name="cancellationToken">Cancels it.</param>
    /// <exception cref="InvalidDataException">The answer is not the JSON of a <typeparamref name="T"/>.</exception>
    public async Task<T> SendAsync<T>(DockerRequest request, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        => (await SendWithHeadersAsync(request, typeInfo, cancellationToken).ConfigureAwait(false)).Value;

    /// <summary>Sends a request and reads its JSON answer with the answer's headers (the next page's link, warnings).</summary>
    /// <typeparam name="T">The answer's type.</typeparam>
    /// <param name="request">The request.</param>
    /// <param name="typeInfo">Source-generated metadata.</param>
    /// <param name="cancellationToken">Cancels it.</param>
    /// <exception cref="InvalidDataException">The answer is not the JSON of a <typeparamref name="T"/>.</exception>
    public async Task<RegistryResponse<T>> SendWithHeadersAsync<T>(DockerRequest request, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        using var response = await SendCoreAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        T? value;
        try
        {
            value = body.Length == 0 ? default : JsonSerializer.Deserialize(body, typeInfo);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"The registry {Registry} answered {request.OperationId} ({Describe(response)}) with something that is not the JSON of a {typeof(T).Name}: {ex.Message}", ex);
        }

        return new RegistryResponse<T>(value ?? throw new InvalidDataException($"The registry {Registry} answered {request.OperationId} ({Describe(response)}) without a body; a {typeof(T).Name} was expected."), response);
    }

    /// <summary>Sends a request whose answer is read from its headers.</summary>
    /// <typeparam name="T">What the headers say.</typeparam>
    /// <param name="request">The request.</param>
    /// <param name="read">Reads the headers.</param>
    /// <param name="cancellationToken">Cancels it.</param>
    public async Task<T> SendForHeadersAsync<T>(DockerRequest request, Func<HttpResponseHeaders, T> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        using var response = await SendCoreAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        return read(response.Headers);
    }

    /// <summary>
    /// Sends a request and hands back the answer itself, its body not yet read (a blob streams from it), for the
    /// caller to dispose. An error status throws instead. The time limit applies until the headers arrive, except for
    /// a request that streams a body (an upload), which runs until it is done or the token cancels it.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels it.</param>
    public Task<HttpResponseMessage> SendForResponseAsync(DockerRequest request, CancellationToken cancellationToken)
        => SendCoreAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);

    /// <summary>A stream over an answer's body whose broken connection throws <see cref="RegistryConnectionException"/>; disposing it disposes the answer.</summary>
    /// <param name="response">The answer.</param>
    /// <param name="operation">The operation, for the error.</param>
    /// <param name="cancellationToken">Cancels opening.</param>
    public async Task<Stream> OpenBodyAsync(HttpResponseMessage response, string operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var origin = response.RequestMessage?.RequestUri?.GetLeftPart(UriPartial.Authority) ?? Registry;
        return new ResponseStream(body, response, ex => new RegistryConnectionException(origin, operation, ex, duringAnswer: true));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsPipeline)
        {
            _pipeline.Dispose();
        }
    }

    /// <summary>The absolute URL of a request: its path below the base address, or its location resolved against it; the request's query appended.</summary>
    /// <param name="baseAddress">The registry's base address.</param>
    /// <param name="request">The request.</param>
    internal static Uri Target(Uri baseAddress, DockerRequest request)
    {
        var target = request.Location is { } location ? new Uri(baseAddress, location) : new Uri(baseAddress, request.Path);
        var query = request.QueryString;
        if (query.Length == 0)
        {
            return target;
        }

        var builder = new UriBuilder(target);
        builder.Query = builder.Query.Length > 1 ? builder.Query[1..] + "&" + query[1..] : query[1..];
        return builder.Uri;
    }

    private async Task<HttpResponseMessage> SendCoreAsync(DockerRequest request, HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var baseAddress = await GetBaseAddressAsync(cancellationToken).ConfigureAwait(false);
        var uri = Target(baseAddress, request);
        var streamsBody = request.Content is StreamContent;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var timeout = _pipeline.Options.RequestTimeout;
        if (timeout != Timeout.InfiniteTimeSpan && !streamsBody)
        {
            limit.CancelAfter(timeout);
        }

        using var message = request.ToHttpRequestMessage(uri);
        foreach (var agent in _userAgent)
        {
            message.Headers.UserAgent.Add(agent);
        }

        HttpResponseMessage response;
        try
        {
            response = await _pipeline.Http.SendAsync(message, completion, limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (limit.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The registry {Registry} did not answer {request.OperationId} ({request.Method} {RegistryRequestTarget.From(uri).Describe()}) within {timeout.TotalSeconds:0.###} s (RegistryClientOptions.RequestTimeout), 429 waits and token requests included.", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new RegistryConnectionException(baseAddress.GetLeftPart(UriPartial.Authority), request.OperationId, ex);
        }
        finally
        {
            // The body belongs to the caller's request (a stream it disposes); the message must not dispose it.
            message.Content = null;
        }

        foreach (var warning in RegistryWarning.Read(response))
        {
            _pipeline.Options.WarningReceived?.Invoke(warning);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var body = response.RequestMessage?.Method == HttpMethod.Head ? [] : await ResponseBodies.ReadBoundedAsync(response.Content, MaxErrorBodyBytes, cancellationToken).ConfigureAwait(false);
            var now = _pipeline.Options.TimeProvider.GetUtcNow();
            throw RegistryApiException.FromResponse(response.StatusCode, request.Method.Method, response.RequestMessage?.RequestUri ?? uri, body, RetryAfter.Read(response.Headers, now), now);
        }
    }

    private static string Describe(HttpResponseMessage response)
        => response.RequestMessage?.RequestUri is { } uri ? RegistryRequestTarget.From(uri).Describe() : "an answer";
}
