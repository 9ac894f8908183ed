using System.Net.Http;
using DockerApiGen.Runtime.Errors;
using DockerApiGen.Runtime.Http;
using DockerApiGen.Runtime.Versions;
using Microsoft.Extensions.Logging;

namespace DockerApiGen.Runtime.Tests.Versions;

/// <summary>
/// A connection of a v1.55 package against a scripted daemon that serves up to 1.44: pinned by default, and, when
/// told to negotiate, asking the daemon once and speaking 1.44, refusing or dropping what 1.44 lacks before sending.
/// </summary>
public sealed class NegotiationTests
{
    private static readonly JsonShape Volume = JsonShape.Object([new("Subpath", new(1, 45))]);
    private static readonly JsonShape Body = JsonShape.Object([new("GwPriority", new(1, 48)), new("Opts", default, Volume), new("Init", new(1, 37))]);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static ScriptedDaemon Daemon(string maximum = "1.44", string minimum = "1.24") => new(async (request, connection) =>
    {
        var path = request.RequestLine.Split(' ')[1];
        var answer = path switch
        {
            "/_ping" => $"HTTP/1.1 200 OK\r\nAPI-Version: {maximum}\r\nOSType: linux\r\nContent-Length: 2\r\nConnection: close\r\n\r\nOK",
            "/version" => Json($$"""{"Version":"26.1.0","ApiVersion":"{{maximum}}","MinAPIVersion":"{{minimum}}","Os":"linux"}"""),
            _ => Json("""{"Id":"x"}"""),
        };
        await ScriptedDaemon.WriteAsync(connection, answer);
    });

    private static string Json(string body) => $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {System.Text.Encoding.UTF8.GetByteCount(body)}\r\nConnection: close\r\n\r\n{body}";

    private static DockerApiConnection Connect(ScriptedDaemon daemon, bool negotiate, bool drop = false, ILogger? logger = null)
        => new("1.55", new DockerClientOptions { Endpoint = daemon.Endpoint, NegotiateApiVersion = negotiate, DropUnsupportedValues = drop, Logger = logger }, "1.25");

    private static DockerRequest Create(bool withNewOption = false, string body = """{"Image":"busybox"}""")
    {
        var request = new DockerRequest(HttpMethod.Post, "/containers/create", "ContainerCreate");
        request.Query("name", "web");
        if (withNewOption)
        {
            request.Query("platform", "linux/amd64");
            request.RequireVersion(new(1, 46), DockerRequestPart.Query, "platform");
        }

        // A body as bytes, as the serializer would have written it.
        request.JsonBody(System.Text.Json.JsonDocument.Parse(body).RootElement, RawJsonContext.Default.JsonElement, Body);
        return request;
    }

    private static string[] Lines(ScriptedDaemon daemon) => [.. daemon.Requests.Select(r => r.RequestLine.Split(' ')[0] + " " + r.RequestLine.Split(' ')[1])];

    [Fact]
    public async Task Pinned_by_default_every_request_goes_to_the_packages_version_without_asking()
    {
        await using var daemon = Daemon();
        using var connection = Connect(daemon, negotiate: false);

        await connection.SendAsync(Create(withNewOption: true, body: """{"GwPriority":5}"""), Token);

        Assert.Equal(["POST /v1.55/containers/create?name=web&platform=linux%2Famd64"], Lines(daemon));
        Assert.Equal("1.55", await connection.GetApiVersionAsync(Token));
    }

    [Fact]
    public async Task Negotiating_asks_the_daemon_once_and_speaks_its_newest_version()
    {
        await using var daemon = Daemon();
        using var connection = Connect(daemon, negotiate: true);

        await connection.SendAsync(Create(), Token);
        await connection.SendAsync(Create(), Token);

        Assert.Equal(["GET /_ping", "GET /version", "POST /v1.44/containers/create?name=web", "POST /v1.44/containers/create?name=web"], Lines(daemon));
        var negotiated = await connection.NegotiateAsync(Token);
        Assert.Equal((new DockerApiVersion(1, 44), false), (negotiated.Version, negotiated.IsClientVersion));
        Assert.Equal("1.44", await connection.GetApiVersionAsync(Token));
        Assert.Equal(4, daemon.Requests.Count);
    }

    [Fact]
    public async Task A_daemon_as_new_as_the_package_gets_the_packages_version_and_no_checks()
    {
        await using var daemon = Daemon(maximum: "1.56");
        using var connection = Connect(daemon, negotiate: true);

        await connection.SendAsync(new DockerRequest(HttpMethod.Get, "/images/x/attestations", "ImageAttestations") { Since = new(1, 55) }, Token);

        Assert.Equal(["GET /_ping", "GET /version", "GET /v1.55/images/x/attestations"], Lines(daemon));
    }

    [Fact]
    public async Task An_operation_the_negotiated_version_lacks_is_refused_before_sending_with_what_to_do()
    {
        await using var daemon = Daemon();
        using var connection = Connect(daemon, negotiate: true);

        var error = await Assert.ThrowsAsync<DockerUnsupportedFeatureException>(() => connection.SendAsync(new DockerRequest(HttpMethod.Get, "/images/busybox/attestations", "ImageAttestations") { Since = new(1, 55) }, Token));

        Assert.Equal(["GET /_ping", "GET /version"], Lines(daemon));
        Assert.True(error.IsOperation);
        Assert.Equal(("ImageAttestations", "1.44", "1.55", "DockerApiGen.Engine.V1_44"), (error.OperationId, error.NegotiatedVersion, error.ClientVersion, error.MatchingPackage));
        Assert.Equal(
            $"ImageAttestations (GET /images/busybox/attestations) was added in Docker Engine API 1.55, but the daemon at {daemon.Endpoint} speaks Docker Engine API 1.44 at most (engine 26.1.0), so this DockerApiGen.Engine.V1_55 client negotiated 1.44 and sent nothing. Upgrade the daemon to one that serves API 1.55, or check DockerApiConnection.GetApiVersionAsync() before calling it; DockerApiGen.Engine.V1_44 is the package that matches this daemon.",
            error.Message);
    }

    [Fact]
    public async Task Options_and_body_properties_the_version_lacks_are_all_refused_at_once_by_name_never_by_value()
    {
        await using var daemon = Daemon();
        using var connection = Connect(daemon, negotiate: true);

        var error = await Assert.ThrowsAsync<DockerUnsupportedFeatureException>(() => connection.SendAsync(Create(withNewOption: true, body: """{"GwPriority":"s3cr3t","Opts":{"Subpath":"p"},"Init":true}"""), Token));

        Assert.Equal(["GET /_ping", "GET /version"], Lines(daemon));
        Assert.False(error.IsOperation);
        Assert.Equal(["query parameter 'platform' (API 1.46)", "body property 'GwPriority' (API 1.48)", "body property 'Opts.Subpath' (API 1.45)"], error.Features.Select(f => f.ToString()));
        Assert.StartsWith("ContainerCreate (POST /containers/create) sets values that Docker Engine API 1.44 lacks: query parameter 'platform' (API 1.46); body property 'GwPriority' (API 1.48); body property 'Opts.Subpath' (API 1.45). The daemon at ", error.Message, StringComparison.Ordinal);
        Assert.Contains("set DockerClientOptions.DropUnsupportedValues", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("linux/amd64", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_asked_they_are_dropped_and_each_is_logged()
    {
        await using var daemon = Daemon();
        var logger = new ListLogger();
        using var connection = Connect(daemon, negotiate: true, drop: true, logger: logger);

        await connection.SendAsync(Create(withNewOption: true, body: """{"Image":"busybox","GwPriority":5,"Opts":{"Subpath":"p","Other":1},"Init":true}"""), Token);

        var sent = daemon.Requests[^1];
        Assert.Equal("POST /v1.44/containers/create?name=web HTTP/1.1", sent.RequestLine);
        Assert.Equal("""{"Image":"busybox","Opts":{"Other":1},"Init":true}""", sent.Body);
        Assert.Equal(
            [
                $"Warning: Docker ContainerCreate: dropped the query parameter 'platform', added in API 1.46, because the daemon at {daemon.Endpoint} speaks API 1.44 (DockerClientOptions.DropUnsupportedValues)",
                $"Warning: Docker ContainerCreate: dropped the body property 'GwPriority', added in API 1.48, because the daemon at {daemon.Endpoint} speaks API 1.44 (DockerClientOptions.DropUnsupportedValues)",
                $"Warning: Docker ContainerCreate: dropped the body property 'Opts.Subpath', added in API 1.45, because the daemon at {daemon.Endpoint} speaks API 1.44 (DockerClientOptions.DropUnsupportedValues)",
            ],
            logger.Lines);
    }

    [Fact]
    public async Task Dropping_never_drops_an_operation()
    {
        await using var daemon = Daemon();
        using var connection = Connect(daemon, negotiate: true, drop: true, logger: new ListLogger());

        await Assert.ThrowsAsync<DockerUnsupportedFeatureException>(() => connection.SendAsync(new DockerRequest(HttpMethod.Get, "/x", "ImageAttestations") { Since = new(1, 55) }, Token));
    }

    [Theory]
    [InlineData("1.60", "1.56", "1.56 and later")] // the package is older than the daemon's oldest
    [InlineData("1.24", "1.12", "up to 1.24")]      // the daemon is older than the package's oldest known version
    public async Task A_daemon_without_a_version_the_package_can_speak_fails_as_a_pinned_client_does(string maximum, string minimum, string range)
    {
        await using var daemon = Daemon(maximum, minimum);
        using var connection = Connect(daemon, negotiate: true);

        var error = await Assert.ThrowsAsync<DockerApiVersionException>(() => connection.SendAsync(Create(), Token));
        Assert.Equal("1.55", error.RequestedVersion);
        Assert.Contains(range == "up to 1.24" ? "the daemon supports API 1.12 to 1.24" : "the daemon supports API 1.56 to 1.60", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<DockerApiVersionException>(() => connection.EnsureDaemonSupportsVersionAsync(Token));
        Assert.Equal(["GET /_ping", "GET /version"], Lines(daemon));
    }

    [Fact]
    public async Task A_pinned_connection_cannot_be_asked_to_negotiate()
    {
        await using var daemon = Daemon();
        using var connection = Connect(daemon, negotiate: false);
        await Assert.ThrowsAsync<InvalidOperationException>(() => connection.NegotiateAsync(Token));
        Assert.Contains("NegotiateApiVersion = False", new DockerClientOptions().ToString(), StringComparison.Ordinal);
    }

    private sealed class ListLogger : ILogger
    {
        public List<string> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (Lines)
            {
                Lines.Add($"{logLevel}: {formatter(state, exception)}");
            }
        }
    }
}

/// <summary>Source-generated metadata for a raw JSON body.</summary>
[System.Text.Json.Serialization.JsonSerializable(typeof(System.Text.Json.JsonElement))]
internal sealed partial class RawJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
