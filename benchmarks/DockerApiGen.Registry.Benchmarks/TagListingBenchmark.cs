using System.Net;
using System.Text;
using DockerApiGen.Registry.Auth;
using DockerApiGen.Registry.Manifests;
using DockerApiGen.Registry.Models;
using DockerApiGen.Registry.References;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DockerApiGen.Registry.Benchmarks;

/// <summary>
/// Listing 10,000 tags: from the test registry (Docker's registry 2.8 ignores <c>n</c> for tags and answers all of them
/// at once), and from a paging server on loopback that answers 100 at a time with <c>Link</c>, as Docker Hub and the OCI
/// specification page them (100 requests).
/// </summary>
internal static class TagListingBenchmark
{
    public const int Count = 10_000;

    public static async Task<(double RegistryMs, int RegistryPages, double PagedMs, int PagedPages, long PagedAllocated, TimeSpan Setup)> RunAsync(BenchRegistry registry, int rounds)
    {
        using var client = registry.Client();
        var repository = ImageReference.Parse($"{registry.Address}/dockerapigen-bench/tags10k");
        var setup = await Measure.TimeAsync(() => EnsureTagsAsync(client, repository)).ConfigureAwait(false);
        var registryTimes = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            var time = await Measure.TimeAsync(async () => Check(await client.ListTagsAsync(repository, pageSize: 100).CountAsync().ConfigureAwait(false))).ConfigureAwait(false);
            registryTimes.Add(time.TotalMilliseconds);
        }

        await using var server = await PagingServer.StartAsync().ConfigureAwait(false);
        using var anonymous = new RegistryClient(new RegistryClientOptions { Credentials = StaticCredentialProvider.Anonymous });
        var paged = ImageReference.Parse($"{server.Address}/bench/tags");
        Check(await anonymous.ListTagsAsync(paged, pageSize: 100).CountAsync().ConfigureAwait(false)); // warm-up
        var pagedTimes = new List<double>();
        var allocated = 0L;
        for (var round = 0; round < rounds; round++)
        {
            server.Pages = 0;
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var time = await Measure.TimeAsync(async () => Check(await anonymous.ListTagsAsync(paged, pageSize: 100).CountAsync().ConfigureAwait(false))).ConfigureAwait(false);
            allocated = GC.GetTotalAllocatedBytes(precise: true) - before; // the server's share included: it runs in this process
            pagedTimes.Add(time.TotalMilliseconds);
        }

        return (Measure.Median(registryTimes), 1, Measure.Median(pagedTimes), server.Pages, allocated, setup);
    }

    private static void Check(int count)
    {
        if (count != Count)
        {
            throw new InvalidOperationException($"The listing gave {count} tags, not {Count}.");
        }
    }

    /// <summary>One small image under 10,000 tags, made once and kept (the repository is reused by later runs).</summary>
    private static async Task EnsureTagsAsync(RegistryClient client, ImageReference repository)
    {
        HashSet<string> have;
        try
        {
            have = [.. await client.ListTagsAsync(repository).ToListAsync().ConfigureAwait(false)];
        }
        catch (Errors.RegistryNotFoundException)
        {
            have = [];
        }

        if (have.Count >= Count)
        {
            return;
        }

        var config = await client.PushBlobAsync(repository, new MemoryStream("""{"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":[]}}"""u8.ToArray())).ConfigureAwait(false);
        var manifest = RegistryManifest.From(new OciImageManifest { Config = config.ToDescriptor(ManifestMediaTypes.OciConfig), Layers = [] });
        var missing = Enumerable.Range(0, Count).Select(i => $"t{i:00000}").Where(t => !have.Contains(t));
        await Parallel.ForEachAsync(missing, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (tag, token) =>
            await client.PutManifestAsync(repository.WithTag(tag), manifest, token).ConfigureAwait(false)).ConfigureAwait(false);
    }

    /// <summary>Answers <c>/v2/bench/tags/tags/list</c> a page of <c>n</c> at a time after <c>last</c>, with a relative <c>Link</c> to the next.</summary>
    private sealed class PagingServer : IAsyncDisposable
    {
        private static readonly string[] Tags = [.. Enumerable.Range(0, Count).Select(i => $"t{i:00000}")];
        private readonly WebApplication _app;
        private int _pages;

        private PagingServer(WebApplication app) => _app = app;

        public string Address { get; private set; } = "";

        public int Pages { get => _pages; set => _pages = value; }

        public static async Task<PagingServer> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
            var app = builder.Build();
            var server = new PagingServer(app);
            app.Run(server.AnswerAsync);
            await app.StartAsync().ConfigureAwait(false);
            server.Address = new Uri(app.Urls.First()).Authority;
            return server;
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync().ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
        }

        private async Task AnswerAsync(HttpContext context)
        {
            if (context.Request.Path == "/v2/")
            {
                return;
            }

            Interlocked.Increment(ref _pages);
            var n = int.TryParse(context.Request.Query["n"], out var size) ? size : 100;
            var last = context.Request.Query["last"].ToString();
            var start = last.Length == 0 ? 0 : Array.BinarySearch(Tags, last) + 1;
            var page = Tags.AsSpan(start, Math.Min(n, Tags.Length - start));
            var json = new StringBuilder("{\"name\":\"bench/tags\",\"tags\":[");
            for (var i = 0; i < page.Length; i++)
            {
                json.Append(i == 0 ? "\"" : ",\"").Append(page[i]).Append('"');
            }

            json.Append("]}");
            if (start + page.Length < Tags.Length)
            {
                context.Response.Headers["Link"] = $"</v2/bench/tags/tags/list?n={n}&last={page[^1]}>; rel=\"next\"";
            }

            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(json.ToString()).ConfigureAwait(false);
        }
    }
}
