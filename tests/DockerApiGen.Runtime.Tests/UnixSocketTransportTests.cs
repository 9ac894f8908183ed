using System.Net.Http.Json;
using DockerApiGen.Engine.V1_41;
using DockerApiGen.Runtime.Errors;
using DockerApiGen.Runtime.Transport;
using DockerApiGen.Tests.Shared;

namespace DockerApiGen.Runtime.Tests;

public sealed class UnixSocketTransportTests
{
    [Fact]
    public async Task Talks_http_to_the_daemon_over_its_socket()
    {
        using var client = new HttpClient(UnixSocketHandler.Create(TestDaemon.SocketOrSkip())) { BaseAddress = new Uri("http://docker/") };
        var version = await client.GetFromJsonAsync("v1.41/version", EngineJsonContext.Default.SystemVersion, TestContext.Current.CancellationToken);
        Assert.Equal("1.41", version!.ApiVersion);
    }

    [Fact]
    public async Task A_404_from_the_daemon_becomes_a_not_found_exception_with_its_message()
    {
        using var client = new HttpClient(UnixSocketHandler.Create(TestDaemon.SocketOrSkip())) { BaseAddress = new Uri("http://docker/") };
        using var response = await client.GetAsync("v1.41/containers/no-such-container-dockerapigen/json", TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        var error = DockerApiException.From(response.StatusCode, body, "GET", "/v1.41/containers/no-such-container-dockerapigen/json");
        Assert.IsType<DockerNotFoundException>(error);
        Assert.Contains("no-such-container-dockerapigen", error.DaemonMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_socket_says_where_it_looked()
    {
        using var client = new HttpClient(UnixSocketHandler.Create("/nonexistent/docker.sock")) { BaseAddress = new Uri("http://docker/") };
        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync("_ping", TestContext.Current.CancellationToken));
        Assert.Contains("unix:///nonexistent/docker.sock", ex.Message, StringComparison.Ordinal);
    }
}
