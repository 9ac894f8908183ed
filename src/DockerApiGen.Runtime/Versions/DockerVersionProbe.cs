using System.Net;
using System.Text;
using System.Text.Json;
using DockerApiGen.Runtime.Errors;
using DockerApiGen.Runtime.Transport;

namespace DockerApiGen.Runtime.Versions;

/// <summary>
/// Asks a daemon which API versions it serves — <c>GET /_ping</c> (header <c>API-Version</c>) and
/// <c>GET /version</c> (<c>ApiVersion</c>, <c>MinAPIVersion</c>), both on unversioned paths so that any daemon
/// answers — and keeps the answer: later calls return it without asking again. A failed probe is not kept, so
/// the next call asks again. Thread-safe. Independent of the generated packages.
/// </summary>
public sealed class DockerVersionProbe : IDisposable
{
    private readonly DockerTransport _transport;
    private readonly HttpClient _http;
    private readonly TimeSpan _timeout;
    private readonly Lock _gate = new();
    private Task<DaemonApiVersions>? _probe;

    /// <summary>Creates a probe that sends through the transport's own handler.</summary>
    /// <param name="transport">The daemon's transport (not disposed by the probe).</param>
    /// <param name="timeout">The time limit of one probe; default 30 s.</param>
    public DockerVersionProbe(DockerTransport transport, TimeSpan? timeout = null)
        : this(transport, transport?.CreateHandler() ?? throw new ArgumentNullException(nameof(transport)), timeout)
    {
    }

    /// <summary>Creates a probe that sends through the given handler (e.g. the client's, wrapped for logging).</summary>
    /// <param name="transport">The daemon's transport, for its base address and messages (not disposed by the probe).</param>
    /// <param name="handler">The handler requests go through.</param>
    /// <param name="timeout">The time limit of one probe; default 30 s.</param>
    /// <param name="disposeHandler">Whether the probe disposes <paramref name="handler"/> (false when a client shares its own).</param>
    public DockerVersionProbe(DockerTransport transport, HttpMessageHandler handler, TimeSpan? timeout = null, bool disposeHandler = true)
    {
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(handler);
        _transport = transport;
        _timeout = timeout ?? TimeSpan.FromSeconds(30);
        _http = new HttpClient(handler, disposeHandler) { BaseAddress = transport.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>The daemon's API versions: asked once, then kept.</summary>
    /// <param name="cancellationToken">Stops waiting (the probe itself runs on, bounded by its time limit, for other callers).</param>
    /// <exception cref="DockerConnectionException">The daemon cannot be reached or did not answer as a Docker daemon.</exception>
    public Task<DaemonApiVersions> GetAsync(CancellationToken cancellationToken = default)
    {
        Task<DaemonApiVersions> probe;
        lock (_gate)
        {
            if (_probe is null || _probe.IsFaulted || _probe.IsCanceled)
            {
                _probe = ProbeAsync();
            }

            probe = _probe;
        }

        return probe.WaitAsync(cancellationToken);
    }

    /// <summary>Whether the daemon serves <paramref name="apiVersion"/> (asks once, then uses the kept answer).</summary>
    /// <param name="apiVersion">A version written <c>MAJOR.MINOR</c>.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public async Task<bool> SupportsAsync(string apiVersion, CancellationToken cancellationToken = default)
        => (await GetAsync(cancellationToken).ConfigureAwait(false)).Supports(apiVersion);

    /// <summary>
    /// Checks, before use, that the daemon serves the API version a client is pinned to (asks once, then uses the
    /// kept answer). A mismatch throws the same exception the daemon's own refusal gives: with the daemon's range
    /// and the package to use instead.
    /// </summary>
    /// <param name="apiVersion">The pinned version, e.g. <c>1.41</c>.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <exception cref="DockerApiVersionException">The daemon does not serve <paramref name="apiVersion"/>.</exception>
    /// <exception cref="DockerConnectionException">The daemon cannot be reached.</exception>
    public async Task EnsureSupportedAsync(string apiVersion, CancellationToken cancellationToken = default)
    {
        var versions = await GetAsync(cancellationToken).ConfigureAwait(false);
        if (!versions.Supports(apiVersion))
        {
            throw new DockerApiVersionException(apiVersion, Format(versions.Maximum), versions.Minimum is null ? null : Format(versions.Minimum), daemonMessage: null, "GET", "/_ping");
        }
    }

    /// <summary>Forgets the kept answer (e.g. after the daemon was upgraded); the next call asks again.</summary>
    public void Invalidate()
    {
        lock (_gate)
        {
            _probe = null;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private async Task<DaemonApiVersions> ProbeAsync()
    {
        using var limit = new CancellationTokenSource(_timeout);
        try
        {
            using var ping = await SendAsync("_ping", limit.Token).ConfigureAwait(false);
            var pingVersion = ping.Headers.TryGetValues("API-Version", out var values) ? values.FirstOrDefault() : null;
            var osType = ping.Headers.TryGetValues("OSType", out var os) ? os.FirstOrDefault() : null;

            using var version = await SendAsync("version", limit.Token).ConfigureAwait(false);
            var body = await version.Content.ReadAsByteArrayAsync(limit.Token).ConfigureAwait(false);
            var reported = ReadVersion(body);
            var maximum = pingVersion ?? reported.ApiVersion
                ?? throw new DockerConnectionException(_transport.Endpoint, $"The daemon at {_transport.Endpoint} reported no API version in /_ping or /version; it may not be a Docker daemon.");
            return new DaemonApiVersions(
                DaemonApiVersions.Parse(maximum),
                reported.MinApiVersion is null ? null : DaemonApiVersions.Parse(reported.MinApiVersion),
                reported.EngineVersion,
                osType ?? reported.Os);
        }
        catch (OperationCanceledException ex) when (limit.IsCancellationRequested)
        {
            throw new DockerConnectionException(_transport.Endpoint, $"The daemon at {_transport.Endpoint} did not answer /_ping and /version within {_timeout.TotalSeconds:0.#} s. Check that it runs and is reachable.", ex);
        }
        catch (InvalidDataException ex)
        {
            throw new DockerConnectionException(_transport.Endpoint, $"The endpoint {_transport.Endpoint} did not answer as a Docker daemon: {ex.Message}", ex);
        }
        catch (FormatException ex)
        {
            throw new DockerConnectionException(_transport.Endpoint, $"The daemon at {_transport.Endpoint} reported an API version this client cannot read: {ex.Message}", ex);
        }
    }

    private async Task<HttpResponseMessage> SendAsync(string path, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await _http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex) when (DockerConnectionFailures.Explain(_transport, ex) is { } explained)
        {
            throw explained;
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw DockerConnectionFailures.ExplainAnswer(_transport, response.StatusCode, body)
                ?? new DockerConnectionException(_transport.Endpoint, $"The daemon at {_transport.Endpoint} answered GET /{path} with {(int)response.StatusCode} {response.StatusCode}: {Shorten(body)}. Check that the endpoint is a Docker daemon (not a proxy or another service).");
        }
    }

    private static string Format(Version version) => $"{version.Major}.{version.Minor}";

    private static string Shorten(string body)
    {
        var text = body.Trim();
        return text.Length <= 200 ? text : text[..200] + "…";
    }

    private static (string? ApiVersion, string? MinApiVersion, string? EngineVersion, string? Os) ReadVersion(byte[] body)
    {
        string? api = null, min = null, engine = null, os = null;
        try
        {
            var reader = new Utf8JsonReader(body);
            while (reader.Read())
            {
                // Only the top-level fields: Components[] repeats "Version" for each component.
                if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != 1)
                {
                    continue;
                }

                var name = reader.GetString();
                reader.Read();
                var value = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                switch (name)
                {
                    case "ApiVersion": api = value; break;
                    case "MinAPIVersion": min = value; break;
                    case "Version": engine = value; break;
                    case "Os": os = value; break;
                    default: reader.Skip(); break;
                }
            }
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"/version did not answer JSON: {Encoding.UTF8.GetString(body.AsSpan(0, Math.Min(body.Length, 200)))}", ex);
        }

        return (api, min, engine, os);
    }
}
