using DockerApiGen.Runtime.Transport;
using DockerApiGen.Runtime.Versions;
using DockerApiGen.Runtime.Tests.Connect.Support;
using DockerApiGen.Tests.Shared;

namespace DockerApiGen.Runtime.Tests.Connect;

/// <summary>The version probe against the test daemon, and against endpoints that are not Docker daemons.</summary>
public sealed class VersionProbeTests
{
    [Fact]
    public async Task Asks_ping_and_version_once_and_keeps_the_answer_until_invalidated()
    {
        using var transport = new UnixSocketTransport(TestDaemon.SocketOrSkip());
        var counter = new CountingHandler(transport.CreateHandler());
        using var probe = new DockerVersionProbe(transport, counter);

        var first = await probe.GetAsync(TestContext.Current.CancellationToken);
        var second = await probe.GetAsync(TestContext.Current.CancellationToken);
        Assert.Same(first, second);
        Assert.Equal(["GET /_ping", "GET /version"], counter.Requests);

        probe.Invalidate();
        await probe.GetAsync(TestContext.Current.CancellationToken);
        Assert.Equal(4, counter.Requests.Count);
        Assert.Equal(new Version(1, 41), first.Maximum);
        Assert.Equal(new Version(1, 12), first.Minimum);
        Assert.Equal("linux", first.OsType);
        Assert.StartsWith("20.10", first.EngineVersion, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tells_which_generated_versions_the_daemon_serves()
    {
        using var transport = new UnixSocketTransport(TestDaemon.SocketOrSkip());
        using var probe = new DockerVersionProbe(transport);
        var versions = await probe.GetAsync(TestContext.Current.CancellationToken);
        string[] generated = ["1.40", "1.41", "1.42", "1.47", "1.55"];

        Assert.Equal(["1.40", "1.41"], versions.Supported(generated));
        Assert.Equal("1.41", versions.Newest(generated));
        Assert.True(await probe.SupportsAsync("1.24", TestContext.Current.CancellationToken));
        Assert.False(await probe.SupportsAsync("1.11", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_pinned_version_the_daemon_does_not_serve_gives_its_range_and_the_package_to_use()
    {
        using var transport = new UnixSocketTransport(TestDaemon.SocketOrSkip());
        using var probe = new DockerVersionProbe(transport);

        await probe.EnsureSupportedAsync("1.41", TestContext.Current.CancellationToken);
        var error = await Assert.ThrowsAsync<DockerApiGen.Runtime.Errors.DockerApiVersionException>(() => probe.EnsureSupportedAsync("1.55", TestContext.Current.CancellationToken));
        Assert.Equal("This client speaks Docker Engine API 1.55, but the daemon supports API 1.12 to 1.41. Use DockerApiGen.Engine.V1_41 (or an older package) with this daemon, or upgrade the daemon.", error.Message);
    }

    [Fact]
    public async Task A_failed_probe_is_not_kept()
    {
        using var transport = new UnixSocketTransport("/nonexistent/dockerapigen.sock");
        var counter = new CountingHandler(transport.CreateHandler());
        using var probe = new DockerVersionProbe(transport, counter);

        await Assert.ThrowsAsync<DockerConnectionException>(() => probe.GetAsync(TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<DockerConnectionException>(() => probe.GetAsync(TestContext.Current.CancellationToken));
        Assert.Equal(["GET /_ping", "GET /_ping"], counter.Requests);
    }

    [Fact]
    public async Task An_http_server_that_is_not_a_docker_daemon_is_named_as_such()
    {
        // The test registry is a real HTTP server on loopback that knows nothing of /_ping.
        TestDaemon.SocketOrSkip();
        var registry = Environment.GetEnvironmentVariable("DOCKERAPIGEN_TEST_REGISTRY");
        Components.RequireNoProblem(registry is null ? "DOCKERAPIGEN_TEST_REGISTRY is not set; source .test-daemon/env." : null);
        using var transport = DockerEndpoints.FromEndpoint("tcp://" + registry);
        var error = await Daemon.FailureAsync(transport);

        Assert.StartsWith($"The daemon at tcp://{registry} answered GET /_ping with 404 NotFound", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("Check that the endpoint is a Docker daemon (not a proxy or another service).", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1.9", "1.41", true)]
    [InlineData("1.41", "1.41", false)]
    [InlineData("v1.40", "1.41", true)]
    public void Api_versions_compare_as_numbers(string lower, string higher, bool less)
        => Assert.Equal(less, DaemonApiVersions.Parse(lower) < DaemonApiVersions.Parse(higher));

    [Theory]
    [InlineData("1")]
    [InlineData("1.41.2")]
    [InlineData("latest")]
    public void A_malformed_api_version_says_how_to_write_one(string text)
    {
        var error = Assert.Throws<FormatException>(() => DaemonApiVersions.Parse(text));
        Assert.Equal($"'{text}' is not an API version; write it MAJOR.MINOR, e.g. 1.41.", error.Message);
    }

    private sealed class CountingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        public List<string> Requests { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (Requests)
            {
                Requests.Add($"{request.Method} {request.RequestUri!.AbsolutePath}");
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
