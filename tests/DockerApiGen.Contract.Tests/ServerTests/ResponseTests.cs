using System.Buffers.Binary;
using System.Formats.Tar;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DockerApiGen.Contract.Tests.Responses;
using DockerApiGen.Contract.Tests.Server;
using DockerApiGen.Contract.Tests.Support;

namespace DockerApiGen.Contract.Tests.ServerTests;

/// <summary>What the server answers: samples of the spec's schemas, and the wire forms the spec cannot express.</summary>
public sealed class ResponseTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_JSON_operation_answers_its_success_status_with_a_sample_of_its_schema()
    {
        await using var server = SpecServer.Start(await TestSpecs.GetAsync());
        using var client = ServerClients.Http(server);

        using var inspect = await client.GetAsync("/v1.47/containers/c1/json", Token);
        using var volume = await client.GetAsync("/v1.47/volumes/v1", Token);
        using var create = await client.PostAsync("/v1.47/networks/create", new StringContent("""{"Name":"n1"}""", Encoding.UTF8, "application/json"), Token);
        using var start = await client.PostAsync("/v1.47/containers/c1/start", null, Token);
        var container = JsonNode.Parse(await inspect.Content.ReadAsStringAsync(Token))!;

        Assert.Equal((HttpStatusCode.OK, "application/json"), (inspect.StatusCode, inspect.Content.Headers.ContentType?.MediaType));
        Assert.Equal("sample", (string?)container["Id"]);
        Assert.Equal(SampleJson.DateTime, (string?)JsonNode.Parse(await volume.Content.ReadAsStringAsync(Token))!["CreatedAt"]); // format dateTime
        Assert.True((bool?)container["State"]?["Running"]);
        Assert.Equal("created", (string?)container["State"]?["Status"]); // an enum's first value
        Assert.Equal(HttpStatusCode.Created, create.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, start.StatusCode);
        Assert.Empty(server.Errors);
    }

    [Fact]
    public async Task Ping_answers_OK_with_the_daemon_headers_for_GET_and_HEAD()
    {
        await using var server = SpecServer.Start(await TestSpecs.GetAsync());
        using var client = ServerClients.Http(server);

        using var get = await client.GetAsync("/v1.47/_ping", Token);
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/v1.47/_ping"), Token);

        Assert.Equal("OK", await get.Content.ReadAsStringAsync(Token));
        foreach (var response in new[] { get, head })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("1.47", response.Headers.GetValues("API-Version").Single());
            Assert.Equal("linux", response.Headers.GetValues("OSType").Single());
            Assert.Equal("false", response.Headers.GetValues("Docker-Experimental").Single());
            Assert.Equal("2", response.Headers.GetValues("Builder-Version").Single());
        }

        Assert.Equal(["SystemPing", "SystemPingHead"], server.Requests.Select(r => r.OperationId));
    }

    [Fact]
    public async Task Archive_HEAD_answers_the_path_stat_in_a_base64_header()
    {
        await using var server = SpecServer.Start(await TestSpecs.GetAsync());
        using var client = ServerClients.Http(server);

        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/v1.47/containers/c1/archive?path=%2Fetc%2Fhostname"), Token);
        var stat = JsonNode.Parse(Convert.FromBase64String(response.Headers.GetValues("X-Docker-Container-Path-Stat").Single()))!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["linkTarget", "mode", "mtime", "name", "size"], stat.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Empty(Assert.Single(server.Requests).Violations);
    }

    [Theory]
    [InlineData("/v1.47/containers/c1/export")]
    [InlineData("/v1.47/containers/c1/archive?path=%2Fetc")]
    [InlineData("/v1.47/images/busybox/get")]
    [InlineData("/v1.47/images/get?names=busybox")]
    public async Task Tar_operations_answer_a_valid_tar(string target)
    {
        await using var server = SpecServer.Start(await TestSpecs.GetAsync());
        using var client = ServerClients.Http(server);

        using var response = await client.GetAsync(target, Token);
        using var tar = new TarReader(await response.Content.ReadAsStreamAsync(Token));
        var entry = await tar.GetNextEntryAsync(copyData: true, Token);

        Assert.Equal("application/x-tar", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TarResponse.FileName, entry?.Name);
        Assert.Equal(TarResponse.FileContent, await new StreamReader(entry!.DataStream!).ReadToEndAsync(Token));
        Assert.Null(await tar.GetNextEntryAsync(cancellationToken: Token));
        Assert.Empty(Assert.Single(server.Requests).Violations);
    }

    [Fact]
    public async Task Logs_answer_multiplexed_frames_on_stdout_and_stderr()
    {
        await using var server = SpecServer.Start(await TestSpecs.GetAsync());
        using var client = ServerClients.Http(server);

        using var response = await client.GetAsync("/v1.47/containers/c1/logs?stdout=true&stderr=true&follow=true&tail=all", Token);
        var bytes = await response.Content.ReadAsByteArrayAsync(Token);

        Assert.Equal("application/vnd.docker.multiplexed-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal([(1, MultiplexedOutputResponse.StdoutText), (2, MultiplexedOutputResponse.StderrText)], Frames(bytes));
    }

    [Theory]
    [InlineData("/v1.47/containers/c1/stats", 3)]
    [InlineData("/v1.47/containers/c1/stats?stream=false", 1)]
    [InlineData("/v1.47/containers/c1/stats?stream=0&one-shot=true", 1)]
    [InlineData("/v1.47/events?since=1", 3)]
    public async Task Streams_answer_JSON_objects_one_per_line_then_end(string target, int count)
    {
        await using var server = SpecServer.Start(await TestSpecs.GetAsync());
        using var client = ServerClients.Http(server);

        using var response = await client.GetAsync(target, Token);
        var lines = (await response.Content.ReadAsStringAsync(Token)).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(count, lines.Length);
        Assert.All(lines, line => Assert.IsType<JsonObject>(JsonNode.Parse(line)));
    }

    [Fact]
    public async Task Progress_streams_answer_JSON_lines_without_an_error_object()
    {
        await using var server = SpecServer.Start(await TestSpecs.GetAsync());
        using var client = ServerClients.Http(server);

        using var response = await client.PostAsync("/v1.47/images/create?fromImage=busybox&tag=latest", null, Token);
        var lines = (await response.Content.ReadAsStringAsync(Token)).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, lines.Length);
        Assert.All(lines, line => Assert.Null(JsonNode.Parse(line)!["error"]));
    }

    private static List<(int Stream, string Text)> Frames(byte[] bytes)
    {
        var frames = new List<(int, string)>();
        for (var offset = 0; offset < bytes.Length;)
        {
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(offset + 4));
            frames.Add((bytes[offset], Encoding.UTF8.GetString(bytes, offset + 8, length)));
            offset += 8 + length;
        }

        return frames;
    }
}
