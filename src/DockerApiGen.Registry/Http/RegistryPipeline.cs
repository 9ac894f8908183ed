using System.Collections.Concurrent;
using DockerApiGen.Registry.Auth;
using DockerApiGen.Runtime.Http;

namespace DockerApiGen.Registry.Http;

/// <summary>
/// What every registry connection of one client shares: one handler chain (authentication with its token cache →
/// 429 waits → TLS checks → pooled sockets) and the scheme each registry was found to speak. A
/// <see cref="RegistryClient"/> opens a connection per registry on it; a <see cref="RegistryConnection"/> made alone
/// has one of its own.
/// </summary>
internal sealed class RegistryPipeline : IDisposable
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(15);
    private readonly HttpMessageInvoker _probe;
    private readonly HttpMessageHandler _transport;
    private readonly ConcurrentDictionary<string, Lazy<Task<Uri>>> _bases = new(StringComparer.OrdinalIgnoreCase);

    public RegistryPipeline(RegistryClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        var rateLimit = new RateLimitOptions
        {
            MaxRetries = options.RateLimit.MaxRetries,
            MaxTotalWait = options.RateLimit.MaxTotalWait,
            InitialBackoff = options.RateLimit.InitialBackoff,
            TimeProvider = options.TimeProvider,
        };
        var authentication = new RegistryAuthenticationOptions
        {
            Credentials = options.Credentials ?? new DockerConfigCredentialProvider(),
            ClientId = options.ClientId,
            UseOAuthPasswordGrant = options.UseOAuthPasswordGrant,
            AllowCredentialsOverPlainHttp = options.InsecureRegistries,
            MaxRenewalMargin = options.MaxRenewalMargin,
            TimeProvider = options.TimeProvider,
        };
        _transport = RegistryHttpHandler.CreateTransport(options.Tls, options.ConfigureHandler);
        var chain = new RegistryAuthenticationHandler(authentication) { InnerHandler = new RateLimitHandler(rateLimit) { InnerHandler = _transport } };
        Http = new HttpClient(chain, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        _probe = new HttpMessageInvoker(_transport, disposeHandler: false);
    }

    public RegistryClientOptions Options { get; }

    public HttpClient Http { get; }

    /// <summary>
    /// The address a registry's API is reached at: the scheme given; else HTTPS, except that a loopback or insecure
    /// registry that does not answer HTTPS (one TLS attempt, remembered) is reached over plain HTTP, as the docker
    /// daemon does.
    /// </summary>
    public Task<Uri> BaseAddressAsync(RegistryAddress address, CancellationToken cancellationToken)
    {
        if (address.Scheme is { } scheme)
        {
            return Task.FromResult(new Uri($"{scheme}://{address.ApiHost}/"));
        }

        var insecure = address.IsLoopback || Options.InsecureRegistries.Contains(address.Registry, StringComparer.OrdinalIgnoreCase) || Options.InsecureRegistries.Contains(address.ApiHost, StringComparer.OrdinalIgnoreCase);
        if (!insecure)
        {
            return Task.FromResult(new Uri($"https://{address.ApiHost}/"));
        }

        var lookup = _bases.GetOrAdd(address.ApiHost, host => new Lazy<Task<Uri>>(() => ProbeAsync(host)));
        return WaitAsync(address.ApiHost, lookup, cancellationToken);
    }

    public void Dispose()
    {
        Http.Dispose();
        _probe.Dispose();
    }

    private async Task<Uri> WaitAsync(string host, Lazy<Task<Uri>> lookup, CancellationToken cancellationToken)
    {
        try
        {
            return await lookup.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            _bases.TryRemove(new KeyValuePair<string, Lazy<Task<Uri>>>(host, lookup));
            throw;
        }
    }

    private async Task<Uri> ProbeAsync(string host)
    {
        var https = new Uri($"https://{host}/");
        using var timeout = new CancellationTokenSource(ProbeTimeout);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(https, "/v2/"));
        try
        {
            // Any HTTP answer (200, 401, 404) means the registry speaks HTTPS; a certificate it presents is checked
            // (RegistryTlsException propagates: the registry speaks TLS, so plain HTTP is not the answer).
            using var response = await _probe.SendAsync(request, timeout.Token).ConfigureAwait(false);
            return https;
        }
        catch (HttpRequestException)
        {
            // No TLS there (a plain HTTP server answers a handshake with text), or nothing listening: plain HTTP,
            // whose own failure, if any, then names the address.
            return new Uri($"http://{host}/");
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return new Uri($"http://{host}/");
        }
    }
}
