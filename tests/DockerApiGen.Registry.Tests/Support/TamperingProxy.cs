using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace DockerApiGen.Registry.Tests.Support;

/// <summary>
/// A reverse proxy on loopback in front of a real registry that misbehaves on request: it flips a byte of blob or
/// manifest bodies (tampering), cuts a blob download off after some bytes (a broken connection), or drops an upload
/// chunk half-way (the connection breaks before the registry sees the chunk). Locations the registry gives are
/// rewritten to the proxy, so that a whole exchange goes through it. Every request is recorded.
/// </summary>
internal sealed class TamperingProxy : IAsyncDisposable
{
    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase) { "Connection", "Keep-Alive", "Transfer-Encoding", "Upgrade", "Host" };
    private readonly WebApplication _app;
    private readonly HttpClient _upstream;
    private readonly Uri _target;
    private int _cutDownloads;
    private int _droppedUploads;
    private int _brokenUploads;

    private TamperingProxy(WebApplication app, Uri target)
    {
        _app = app;
        _target = target;
        _upstream = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { Timeout = TimeSpan.FromMinutes(5) };
    }

    /// <summary>The proxy's address, <c>127.0.0.1:port</c>.</summary>
    public string Address { get; private set; } = "";

    /// <summary>Flip one byte in the middle of every blob body.</summary>
    public bool FlipBlobBytes { get; set; }

    /// <summary>Flip one byte in the middle of every manifest body.</summary>
    public bool FlipManifestBytes { get; set; }

    /// <summary>Cut off this many blob downloads after <see cref="CutAfterBytes"/> bytes each.</summary>
    public int CutDownloads { get => _cutDownloads; set => _cutDownloads = value; }

    /// <summary>Where a cut download stops.</summary>
    public long CutAfterBytes { get; set; } = 64 * 1024;

    /// <summary>Drop this many upload chunks (PATCH) half-way: the client's connection breaks, the registry sees nothing.</summary>
    public int DropUploads { get => _droppedUploads; set => _droppedUploads = value; }

    /// <summary>Break this many upload chunks (PATCH) half-way through, after the registry got their first half.</summary>
    public int BreakUploads { get => _brokenUploads; set => _brokenUploads = value; }

    /// <summary>Method, path and status of every request.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<(string Method, string Path, int Status)> Seen { get; } = new();

    public static async Task<TamperingProxy> StartAsync(Uri target)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options =>
        {
            options.Listen(IPAddress.Loopback, 0);
            options.Limits.MaxRequestBodySize = null;
        });
        var app = builder.Build();
        var proxy = new TamperingProxy(app, target);
        app.Run(proxy.HandleAsync);
        await app.StartAsync();
        proxy.Address = new Uri(app.Urls.First()).Authority;
        return proxy;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _upstream.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? "/";
        if (request.Method == "PATCH" && Interlocked.Decrement(ref _droppedUploads) >= 0)
        {
            // Read half of the chunk, then break the connection: the registry never sees it.
            var half = new byte[Math.Max(1, (request.ContentLength ?? 2) / 2)];
            await request.Body.ReadAtLeastAsync(half, half.Length, throwOnEndOfStream: false);
            Seen.Enqueue((request.Method, path, 0));
            context.Abort();
            return;
        }

        using var forward = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(_target, path + request.QueryString));
        var breaking = request.Method == "PATCH" && Interlocked.Decrement(ref _brokenUploads) >= 0;
        if (request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            forward.Content = new StreamContent(breaking ? new BreakingStream(request.Body, (request.ContentLength ?? 2) / 2) : request.Body);
        }

        foreach (var (name, values) in request.Headers)
        {
            if (!HopByHop.Contains(name) && !forward.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values))
            {
                forward.Content ??= new ByteArrayContent([]);
                forward.Content.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }

        HttpResponseMessage answer;
        try
        {
            answer = await _upstream.SendAsync(forward, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
        }
        catch (HttpRequestException) when (breaking)
        {
            Seen.Enqueue((request.Method, path, -1));
            context.Abort();
            return;
        }

        using var _ = answer;
        var response = context.Response;
        response.StatusCode = (int)answer.StatusCode;
        Seen.Enqueue((request.Method, path, response.StatusCode));
        foreach (var (name, values) in answer.Headers.Concat(answer.Content.Headers))
        {
            if (!HopByHop.Contains(name))
            {
                response.Headers[name] = name == "Location" ? values.Select(Rewrite).ToArray() : values.ToArray();
            }
        }

        if (request.Method == "HEAD")
        {
            return;
        }

        var isBlob = answer.IsSuccessStatusCode && request.Method == "GET" && path.Contains("/blobs/sha256:", StringComparison.Ordinal);
        var isManifest = answer.IsSuccessStatusCode && request.Method == "GET" && path.Contains("/manifests/", StringComparison.Ordinal);
        var cut = isBlob && Interlocked.Decrement(ref _cutDownloads) >= 0;
        var flip = (isBlob && FlipBlobBytes) || (isManifest && FlipManifestBytes);
        var length = answer.Content.Headers.ContentLength ?? 0;
        var flipAt = length / 2;
        await using var body = await answer.Content.ReadAsStreamAsync(context.RequestAborted);
        var buffer = new byte[16 * 1024];
        long sent = 0;
        int read;
        while ((read = await body.ReadAsync(buffer, context.RequestAborted)) > 0)
        {
            if (flip && flipAt >= sent && flipAt < sent + read)
            {
                buffer[flipAt - sent] ^= 0x01;
            }

            if (cut && sent + read > CutAfterBytes)
            {
                await response.Body.WriteAsync(buffer.AsMemory(0, (int)(CutAfterBytes - sent)), context.RequestAborted);
                await response.Body.FlushAsync(context.RequestAborted);
                context.Abort();
                return;
            }

            await response.Body.WriteAsync(buffer.AsMemory(0, read), context.RequestAborted);
            sent += read;
        }
    }

    private string Rewrite(string location)
        => Uri.TryCreate(location, UriKind.Absolute, out var absolute) && absolute.Authority == _target.Authority
            ? new UriBuilder(absolute) { Host = "127.0.0.1", Port = int.Parse(Address.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture) }.Uri.ToString()
            : location;

    /// <summary>Reads so many bytes of a body, then fails as a broken connection would.</summary>
    private sealed class BreakingStream(Stream inner, long breakAfter) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_read >= breakAfter)
            {
                throw new IOException("The test proxy breaks this upload half-way.");
            }

            var read = await inner.ReadAsync(buffer[..(int)Math.Min(buffer.Length, breakAfter - _read)], cancellationToken);
            _read += read;
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
