using DockerApiGen.Engine.V1_41;
using DockerApiGen.Runtime.Transport;
using DockerApiGen.Tests.Shared;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DockerApiGen.Extensions.DependencyInjection.Tests;

public sealed class DockerClientRegistrationTests
{
    [Fact]
    public async Task The_default_client_is_bound_from_configuration_and_logs_each_request()
    {
        var socket = TestDaemon.SocketOrSkip();
        var logs = new CollectingLoggerProvider();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Docker:Endpoint"] = "unix://" + socket,
            ["Docker:RequestTimeout"] = "00:00:30",
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging(l => l.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        services.AddDockerClient(o => new DockerClient(o)).BindConfiguration("Docker");
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<DockerClient>();
        var version = await client.System.GetVersionAsync(TestContext.Current.CancellationToken);

        Assert.Equal("1.41", version.ApiVersion);
        Assert.Same(client, provider.GetRequiredService<IDockerClientFactory<DockerClient>>().Get(""));
        var entry = Assert.Single(logs.Entries, e => e.Level == LogLevel.Information);
        Assert.Equal("DockerApiGen.DockerClient", entry.Category);
        Assert.Matches(@"^Docker GET /v1\.41/version answered 200 in \d+\.\d ms$", entry.Message);
    }

    [Fact]
    public async Task Named_clients_have_their_own_settings_and_one_instance_each()
    {
        var socket = TestDaemon.SocketOrSkip();
        var logs = new CollectingLoggerProvider();
        var services = new ServiceCollection().AddLogging(l => l.AddProvider(logs));
        services.AddDockerClient("local", o => new DockerClient(o)).Configure(s => s.Endpoint = "unix://" + socket);
        services.AddDockerClient("gone", o => new DockerClient(o)).Configure(s => s.Endpoint = "unix:///nonexistent/dockerapigen.sock");
        await using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<IDockerClientFactory<DockerClient>>();

        Assert.Same(factory.Get("local"), factory.Get("local"));
        Assert.NotSame(factory.Get("local"), factory.Get("gone"));
        await factory.Get("local").System.PingAsync(TestContext.Current.CancellationToken);
        var error = await Assert.ThrowsAsync<DockerConnectionException>(() => factory.Get("gone").System.PingAsync(TestContext.Current.CancellationToken));

        Assert.Contains("unix:///nonexistent/dockerapigen.sock", error.Message, StringComparison.Ordinal);
        Assert.Contains(logs.Entries, e => e.Category == "DockerApiGen.DockerClient.local" && e.Level == LogLevel.Information && e.Message.StartsWith("Docker GET /v1.41/_ping answered 200", StringComparison.Ordinal));
        Assert.Contains(logs.Entries, e => e.Category == "DockerApiGen.DockerClient.gone" && e.Level == LogLevel.Warning && e.Message.StartsWith("Docker GET /v1.41/_ping failed after", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Negotiation_binds_from_configuration_and_the_client_logs_drops_through_its_logger()
    {
        var socket = TestDaemon.SocketOrSkip();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Docker:Endpoint"] = "unix://" + socket,
            ["Docker:NegotiateApiVersion"] = "true",
            ["Docker:DropUnsupportedValues"] = "true",
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging();
        services.AddDockerClient(o => new DockerClient(o)).BindConfiguration("Docker");
        await using var provider = services.BuildServiceProvider();

        var settings = provider.GetRequiredService<IOptionsMonitor<DockerClientSettings>>().Get(Options.DefaultName);
        var client = provider.GetRequiredService<DockerClient>();

        Assert.True(settings.NegotiateApiVersion && settings.DropUnsupportedValues);
        Assert.True(client.Connection.NegotiatesApiVersion);
        // The daemon serves 1.41, this package's own version: negotiation keeps it.
        Assert.Equal("1.41", await client.Connection.GetApiVersionAsync(TestContext.Current.CancellationToken));
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger("x");
        var options = settings.ToClientOptions(logger: logger);
        Assert.Same(logger, options.Logger);
        Assert.True(options.NegotiateApiVersion && options.DropUnsupportedValues);
        Assert.False(new DockerClientSettings().ToClientOptions().NegotiateApiVersion);
    }

    [Fact]
    public void A_name_that_was_never_registered_says_how_to_register_it()
    {
        var services = new ServiceCollection();
        services.AddDockerClient("known", o => new DockerClient(o));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IDockerClientFactory<DockerClient>>().Get("unknown"));
        Assert.Equal("No Docker client of type DockerClient is registered under the name 'unknown'. Register it with services.AddDockerClient(\"unknown\", options => new DockerClient(options)).", error.Message);
    }

    [Fact]
    public void Tls_and_ssh_settings_bind_from_configuration()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Docker:Remote:Endpoint"] = "ssh://builder@docker.example",
            ["Docker:Remote:Ssh:IdentityFile"] = "/keys/id",
            ["Docker:Remote:Ssh:Options:0"] = "StrictHostKeyChecking=accept-new",
            ["Docker:Remote:Tls:CertificateDirectory"] = "/certs",
            ["Docker:Remote:Tls:DangerouslyAcceptAnyServerCertificate"] = "true",
            ["Docker:Remote:LogRequests"] = "false",
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddDockerClient("remote", o => new DockerClient(o)).BindConfiguration("Docker:Remote");
        using var provider = services.BuildServiceProvider();

        var settings = provider.GetRequiredService<IOptionsMonitor<DockerClientSettings>>().Get("remote");
        Assert.Equal("ssh://builder@docker.example", settings.Endpoint);
        Assert.Equal("/keys/id", settings.Ssh?.IdentityFile);
        Assert.Equal(["StrictHostKeyChecking=accept-new"], settings.Ssh?.Options);
        Assert.Equal("/certs", settings.Tls?.CertificateDirectory);
        Assert.True(settings.Tls?.DangerouslyAcceptAnyServerCertificate);
        Assert.False(settings.LogRequests);
        var transport = Assert.IsType<SshTransport>(DockerEndpoints.Resolve(settings.ToClientOptions()));
        Assert.Contains("/keys/id", transport.SshArguments);
    }

    [Fact]
    public async Task Added_handlers_see_every_request_inside_the_logging_handler()
    {
        var socket = TestDaemon.SocketOrSkip();
        var seen = new List<string>();
        var services = new ServiceCollection();
        services.AddDockerClient(o => new DockerClient(o))
            .Configure(s => s.Endpoint = "unix://" + socket)
            .AddHttpMessageHandler(_ => new RecordingHandler(seen));
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<DockerClient>().System.PingAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["GET /v1.41/_ping"], seen);
    }

    [Fact]
    public async Task Credential_headers_are_logged_as_stars()
    {
        var socket = TestDaemon.SocketOrSkip();
        var logs = new CollectingLoggerProvider();
        using var factory = LoggerFactory.Create(l => l.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        using var transport = new UnixSocketTransport(socket);
        using var http = new HttpClient(new DockerRequestLoggingHandler(factory.CreateLogger("test")) { InnerHandler = transport.CreateHandler() }) { BaseAddress = transport.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "_ping");
        request.Headers.TryAddWithoutValidation("X-Registry-Auth", "eyJwYXNzd29yZCI6Imh1bnRlcjIifQ");
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer hunter2");

        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        var debug = Assert.Single(logs.Entries, e => e.Level == LogLevel.Debug);
        Assert.Contains("X-Registry-Auth: ***", debug.Message, StringComparison.Ordinal);
        Assert.Contains("Authorization: ***", debug.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(logs.Entries, e => e.Message.Contains("hunter2", StringComparison.Ordinal) || e.Message.Contains("eyJwYXNz", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_http_client_factory_client_can_use_the_docker_transport()
    {
        var socket = TestDaemon.SocketOrSkip();
        var services = new ServiceCollection();
        services.Configure<DockerClientSettings>("daemon", s => s.Endpoint = "unix://" + socket);
        services.AddHttpClient("raw-docker").UseDockerTransport("daemon");
        await using var provider = services.BuildServiceProvider();

        var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient("raw-docker");
        Assert.Equal("OK", await http.GetStringAsync("_ping", TestContext.Current.CancellationToken));
    }

    private sealed class RecordingHandler(List<string> seen) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            seen.Add($"{request.Method} {request.RequestUri!.AbsolutePath}");
            return base.SendAsync(request, cancellationToken);
        }
    }
}
