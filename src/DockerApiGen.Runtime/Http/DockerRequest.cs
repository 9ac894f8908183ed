using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DockerApiGen.Runtime.Auth;
using DockerApiGen.Runtime.Query;
using DockerApiGen.Runtime.Transport;
using DockerApiGen.Runtime.Versions;

namespace DockerApiGen.Runtime.Http;

/// <summary>
/// One request to the daemon, built by generated code: method, path (parameters escaped), query,
/// headers and body. Query values are formatted the way the daemon parses them; values that carry
/// structure (filters, maps, platforms) are JSON-encoded. Null values are left out.
/// </summary>
public sealed class DockerRequest
{
    // Made on the first query parameter: most requests have none, and this is on every call's path.
    private StringBuilder? _query;
    private List<KeyValuePair<string, string>>? _headers;
    private List<VersionRequirement>? _requirements;
    private byte[]? _jsonBody;

    /// <summary>
    /// Starts a request whose path is a plain string, sent as given. An interpolated path takes the other
    /// constructor, which escapes every hole itself: do not escape values you interpolate.
    /// </summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The path below the version prefix, starting with <c>/</c>, parameters already escaped with <see cref="Escape"/>.</param>
    /// <param name="operationId">The spec's operation id, for errors and logs.</param>
    public DockerRequest(HttpMethod method, string path, string operationId)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentException.ThrowIfNullOrEmpty(path);
        Method = method;
        Path = path;
        OperationId = operationId;
    }

    /// <summary>Starts a request whose path holds parameters, each escaped whole: <c>new DockerRequest(HttpMethod.Get, $"/containers/{id}/json", "ContainerInspect")</c>.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The path below the version prefix, starting with <c>/</c>; every hole is a path parameter.</param>
    /// <param name="operationId">The spec's operation id, for errors and logs.</param>
    /// <exception cref="ArgumentException">A string parameter is null or empty.</exception>
    public DockerRequest(HttpMethod method, ref EscapedPathHandler path, string operationId)
        : this(method, path.ToStringAndClear(), operationId)
    {
    }

    /// <summary>
    /// Starts a request to a URL an earlier answer gave (an upload session's <c>Location</c>, a paging <c>Link</c>):
    /// absolute, or relative to the server. It is used as given, its query included; query parameters added to the
    /// request are appended to it. Only connections that follow such URLs (the registry's) take these requests.
    /// </summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="location">The URL.</param>
    /// <param name="operationId">The spec's operation id, for errors and logs.</param>
    public DockerRequest(HttpMethod method, Uri location, string operationId)
        : this(method, PathOf(location), operationId)
    {
        Location = location;
    }

    /// <summary>The HTTP method.</summary>
    public HttpMethod Method { get; }

    /// <summary>The URL the request goes to instead of <see cref="Path"/>, when it was made from one (an earlier answer's <c>Location</c>); else null.</summary>
    public Uri? Location { get; }

    /// <summary>The path below the version prefix.</summary>
    public string Path { get; }

    /// <summary>The spec's operation id.</summary>
    public string OperationId { get; }

    /// <summary>The body, if any.</summary>
    public HttpContent? Content { get; private set; }

    /// <summary>
    /// Whether the request runs without <see cref="DockerClientOptions.RequestTimeout"/>: streams (events, logs,
    /// pulls, tar, sessions) and calls that wait for as long as it takes (<c>ContainerWait</c>).
    /// </summary>
    public bool NoTimeLimit { get; set; }

    /// <summary>
    /// The API version that introduced the operation (<c>default</c> when it is as old as the package's oldest known
    /// version). A connection that negotiated an older version refuses the request before sending it.
    /// </summary>
    public DockerApiVersion Since { get; init; }

    /// <summary>The values set on this request that need a version newer than the package's oldest known one (see <see cref="RequireVersion"/>).</summary>
    public IReadOnlyList<VersionRequirement> VersionRequirements => (IReadOnlyList<VersionRequirement>?)_requirements ?? [];

    /// <summary>The versioned shape of the JSON body, when one was given with it.</summary>
    public JsonShape? BodyShape { get; private set; }

    /// <summary>The JSON body's bytes, when the body is JSON.</summary>
    public ReadOnlyMemory<byte> JsonBodyBytes => _jsonBody;

    /// <summary>The query string including <c>?</c>, or empty.</summary>
    public string QueryString => _query?.ToString() ?? string.Empty;

    /// <summary>Headers to send (never logged with their values when they carry credentials).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers => (IReadOnlyList<KeyValuePair<string, string>>?)_headers ?? [];

    /// <summary>Escapes a path parameter: every reserved character, <c>/</c> included, is percent-encoded.</summary>
    /// <param name="value">The parameter.</param>
    /// <param name="name">The parameter's name, for the error when it is empty.</param>
    /// <exception cref="ArgumentException">The value is null or empty (the path would change meaning).</exception>
    public static string Escape(string? value, string name)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw new ArgumentException($"The path parameter '{name}' must not be empty.", name);
        }

        return Uri.EscapeDataString(value);
    }

    /// <summary>Adds a query parameter.</summary>
    /// <param name="name">The name.</param>
    /// <param name="value">The value; null leaves it out.</param>
    public DockerRequest Query(string name, string? value)
    {
        if (value is not null)
        {
            _query ??= new StringBuilder();
            _query.Append(_query.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
        }

        return this;
    }

    /// <summary>Adds a boolean query parameter (<c>true</c>/<c>false</c>).</summary>
    /// <param name="name">The name.</param>
    /// <param name="value">The value; null leaves it out.</param>
    public DockerRequest Query(string name, bool? value) => value is { } v ? Query(name, v ? "true" : "false") : this;

    /// <summary>Adds an integer query parameter.</summary>
    /// <param name="name">The name.</param>
    /// <param name="value">The value; null leaves it out.</param>
    public DockerRequest Query(string name, long? value) => value is { } v ? Query(name, v.ToString(CultureInfo.InvariantCulture)) : this;

    /// <summary>Adds an unsigned integer query parameter.</summary>
    /// <param name="name">The name.</param>
    /// <param name="value">The value; null leaves it out.</param>
    public DockerRequest Query(string name, ulong? value) => value is { } v ? Query(name, v.ToString(CultureInfo.InvariantCulture)) : this;

    /// <summary>Adds a number query parameter.</summary>
    /// <param name="name">The name.</param>
    /// <param name="value">The value; null leaves it out.</param>
    public DockerRequest Query(string name, double? value) => value is { } v ? Query(name, v.ToString("R", CultureInfo.InvariantCulture)) : this;

    /// <summary>Adds a date and time query parameter as RFC 3339 text in UTC (<c>2024-01-02T03:04:05Z</c>, fractions of a second when there are any).</summary>
    /// <param name="name">The name.</param>
    /// <param name="value">The value; null leaves it out.</param>
    public DockerRequest Query(string name, DateTimeOffset? value)
        => value is { } v ? Query(name, v.UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFF'Z'", CultureInfo.InvariantCulture)) : this;

    /// <summary>Adds a list query parameter as repeated names (<c>a=1&amp;a=2</c>).</summary>
    /// <param name="name">The name.</param>
    /// <param name="values">The values; null leaves it out.</param>
    public DockerRequest Query(string name, IEnumerable<string>? values)
    {
        if (values is not null)
        {
            foreach (var value in values)
            {
                Query(name, value);
            }
        }

        return this;
    }

    /// <summary>Adds <c>filters</c> as JSON; empty filters are left out.</summary>
    /// <param name="name">The name.</param>
    /// <param name="filters">The filters.</param>
    public DockerRequest Query(string name, DockerFilters? filters) => filters is { IsEmpty: false } ? Query(name, filters.ToJson()) : this;

    /// <summary>Adds a JSON-encoded query parameter (string maps, string lists, platforms).</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="name">The name.</param>
    /// <param name="value">The value; null leaves it out.</param>
    /// <param name="typeInfo">Source-generated metadata.</param>
    public DockerRequest QueryJson<T>(string name, T? value, JsonTypeInfo<T> typeInfo)
        => value is null ? this : Query(name, JsonSerializer.Serialize(value, typeInfo));

    /// <summary>Adds a list of JSON-encoded values as repeated names.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="name">The name.</param>
    /// <param name="values">The values; null leaves it out.</param>
    /// <param name="typeInfo">Source-generated metadata for an item.</param>
    public DockerRequest QueryJsonEach<T>(string name, IEnumerable<T>? values, JsonTypeInfo<T> typeInfo)
    {
        if (values is not null)
        {
            foreach (var value in values)
            {
                QueryJson(name, value, typeInfo);
            }
        }

        return this;
    }

    /// <summary>Adds a header.</summary>
    /// <param name="name">The name.</param>
    /// <param name="value">The value; null leaves it out.</param>
    /// <exception cref="ArgumentException">The value holds a line break (it would inject headers).</exception>
    public DockerRequest Header(string name, string? value)
    {
        if (value is null)
        {
            return this;
        }

        // Refused here, where the request is built, so hijacked requests (written by hand) are covered too.
        DockerHeaderValues.ThrowIfUnsafe(name, value);
        (_headers ??= []).Add(new(name, value));
        return this;
    }

    /// <summary>Adds <c>X-Registry-Auth</c>: the credentials as base64url JSON.</summary>
    /// <param name="name">The header name.</param>
    /// <param name="credentials">The credentials; null leaves it out.</param>
    public DockerRequest Header(string name, RegistryCredentials? credentials) => credentials is null ? this : Header(name, credentials.ToHeaderValue());

    /// <summary>Adds <c>X-Registry-Config</c>: a map of registry to credentials as base64url JSON.</summary>
    /// <param name="name">The header name.</param>
    /// <param name="registries">Registry address → credentials; null leaves it out.</param>
    public DockerRequest Header(string name, IReadOnlyDictionary<string, RegistryCredentials>? registries)
        => registries is null ? this : Header(name, RegistryCredentials.ToConfigHeaderValue(registries));

    /// <summary>Sets a JSON body.</summary>
    /// <typeparam name="T">The body type.</typeparam>
    /// <param name="value">The body.</param>
    /// <param name="typeInfo">Source-generated metadata.</param>
    public DockerRequest JsonBody<T>(T? value, JsonTypeInfo<T> typeInfo) => JsonBody(value, typeInfo, shape: null);

    /// <summary>Sets a JSON body with its versioned shape, which a negotiating connection checks before sending.</summary>
    /// <typeparam name="T">The body type.</typeparam>
    /// <param name="value">The body.</param>
    /// <param name="typeInfo">Source-generated metadata.</param>
    /// <param name="shape">Which of its properties are newer than the package's oldest known version; null for none.</param>
    public DockerRequest JsonBody<T>(T? value, JsonTypeInfo<T> typeInfo, JsonShape? shape)
    {
        if (value is null)
        {
            return this;
        }

        // Serialized up front so the request has a Content-Length (the daemon and proxies prefer it to chunking).
        SetJsonBody(JsonSerializer.SerializeToUtf8Bytes(value, typeInfo));
        BodyShape = shape;
        return this;
    }

    /// <summary>
    /// Records that a value set on this request needs API <paramref name="since"/> (generated code calls it for each
    /// set option or body that is newer than the package's oldest known version). A negotiating connection that
    /// speaks an older version refuses the request, or drops the value when told to.
    /// </summary>
    /// <param name="since">The version that introduced the value's parameter.</param>
    /// <param name="part">Where the value travels.</param>
    /// <param name="name">Its wire name (the query parameter or header; the body parameter's name).</param>
    public DockerRequest RequireVersion(DockerApiVersion since, DockerRequestPart part, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        (_requirements ??= []).Add(new VersionRequirement(since, part, name));
        return this;
    }

    /// <summary>Sets a streamed body (tar archives, image tarballs): sent as it is read from its current position, never buffered whole, and left open for the caller to dispose.</summary>
    /// <param name="body">The body; null sends none.</param>
    /// <param name="contentType">Its content type.</param>
    public DockerRequest StreamBody(Stream? body, string contentType)
    {
        if (body is null)
        {
            return this;
        }

        var content = new StreamContent(new LeaveOpenStream(body), 81920);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (body.CanSeek)
        {
            content.Headers.ContentLength = body.Length - body.Position;
        }

        Content = content;
        return this;
    }

    /// <summary>Overrides the body's content type (an operation's <c>Content-Type</c> header parameter).</summary>
    /// <param name="contentType">The content type; null keeps the default.</param>
    public DockerRequest ContentType(string? contentType)
    {
        if (contentType is not null && Content is not null)
        {
            Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        return this;
    }

    /// <summary>Sets the body's length (an operation's <c>Content-Length</c> header parameter), for a body whose stream cannot say it.</summary>
    /// <param name="length">The length in bytes; null keeps what the body says (a seekable stream's remaining length, else chunked).</param>
    /// <exception cref="ArgumentOutOfRangeException">The length is negative.</exception>
    public DockerRequest ContentLength(long? length)
    {
        if (length is { } value)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value, nameof(length));
            if (Content is not null)
            {
                Content.Headers.ContentLength = value;
            }
        }

        return this;
    }

    /// <summary>Removes every value of a query parameter (a value the negotiated version lacks, dropped as asked).</summary>
    /// <param name="name">The parameter's name.</param>
    internal void RemoveQuery(string name)
    {
        if (_query is null)
        {
            return;
        }

        var kept = _query.ToString(1, _query.Length - 1).Split('&').Where(pair => pair.Split('=')[0] != name).ToList();
        _query = kept.Count == 0 ? null : new StringBuilder("?").AppendJoin('&', kept);
    }

    /// <summary>Removes a header (a value the negotiated version lacks, dropped as asked).</summary>
    /// <param name="name">The header's name.</param>
    internal void RemoveHeader(string name) => _headers?.RemoveAll(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The HTTP message for this request at <paramref name="target"/>: its method, body and headers (a header that
    /// belongs to the body, such as <c>Content-Range</c>, goes on the body). The message owns the body: dispose it after
    /// sending.
    /// </summary>
    /// <param name="target">The URI the request goes to (version prefix, path and query already joined; relative to the client's base address, or absolute).</param>
    /// <returns>A new message, not yet sent.</returns>
    public HttpRequestMessage ToHttpRequestMessage(Uri target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var message = new HttpRequestMessage(Method, target) { Content = Content };
        foreach (var (name, value) in Headers)
        {
            if (!message.Headers.TryAddWithoutValidation(name, value) && message.Content is not null)
            {
                message.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return message;
    }

    /// <summary>Removes the body (a body the negotiated version lacks, dropped as asked).</summary>
    internal void RemoveBody()
    {
        Content = null;
        _jsonBody = null;
        BodyShape = null;
    }

    /// <summary>Replaces the JSON body's bytes (its newer properties removed), keeping its content type.</summary>
    /// <param name="json">The new body.</param>
    internal void ReplaceJsonBody(byte[] json)
    {
        var contentType = Content?.Headers.ContentType;
        SetJsonBody(json);
        if (contentType is not null)
        {
            Content!.Headers.ContentType = contentType;
        }
    }

    private void SetJsonBody(byte[] json)
    {
        _jsonBody = json;
        var content = new ByteArrayContent(json);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        Content = content;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Method} {Path}{QueryString}";

    // For messages and logs: the path without the server's query (an upload's state is long and means nothing to a reader).
    private static string PathOf(Uri location)
    {
        ArgumentNullException.ThrowIfNull(location);
        var text = location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?', 2)[0];
        return text.Length == 0 ? "/" : text;
    }
}
