using System.Text;
using DockerApiGen.Runtime.Auth;
using DockerApiGen.Runtime.Errors;
using DockerApiGen.Runtime.Http;
using DockerApiGen.Runtime.Query;
using DockerApiGen.Runtime.Responses;
using DockerApiGen.Runtime.Streams;

namespace DockerApiGen.Runtime.Tests;

/// <summary>Request building, version errors, output recognition and header-borne results.</summary>
public sealed class HttpCoreTests
{
    [Theory]
    [InlineData("a/b", "a%2Fb")]
    [InlineData("..", "..")]
    [InlineData("x?y#z", "x%3Fy%23z")]
    [InlineData("with space", "with%20space")]
    [InlineData("ünï", "%C3%BCn%C3%AF")]
    public void Path_parameters_are_escaped_whole(string value, string escaped)
        => Assert.Equal(escaped, DockerRequest.Escape(value, "id"));

    [Fact]
    public void An_empty_path_parameter_is_refused()
        => Assert.Contains("'id' must not be empty", Assert.Throws<ArgumentException>(() => DockerRequest.Escape("", "id")).Message, StringComparison.Ordinal);

    [Fact]
    public void Query_values_are_formatted_as_the_daemon_parses_them_and_nulls_are_left_out()
    {
        var request = new DockerRequest(HttpMethod.Get, "/containers/json", "ContainerList")
            .Query("all", true).Query("limit", (long?)5).Query("since", (string?)null)
            .Query("filters", new DockerFilters().Add("label", "a=b"))
            .Query("names", ["x y", "z&w"]);
        Assert.Equal("?all=true&limit=5&filters=%7B%22label%22%3A%5B%22a%3Db%22%5D%7D&names=x%20y&names=z%26w", request.QueryString);
    }

    [Fact]
    public void Dates_are_sent_as_rfc_3339_in_utc_with_fractions_only_when_there_are_any()
    {
        var request = new DockerRequest(HttpMethod.Get, "/v2/auditlogs/x", "AuditLogs_ListAuditLogs")
            .Query("from", new DateTimeOffset(2024, 1, 2, 5, 4, 5, TimeSpan.FromHours(2)))
            .Query("to", new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero).AddTicks(1_230_000))
            .Query("none", (DateTimeOffset?)null);
        Assert.Equal("?from=2024-01-02T03%3A04%3A05Z&to=2024-01-02T03%3A04%3A05.123Z", request.QueryString);
    }

    [Theory]
    [InlineData("value\r\nX-Injected: 1")]
    [InlineData("value\nX-Injected: 1")]
    [InlineData("nul\0")]
    public void Header_values_cannot_inject_lines(string value)
        => Assert.Throws<ArgumentException>(() => new DockerRequest(HttpMethod.Get, "/x", "X").Header("X-Registry-Auth", value));

    [Fact]
    public void Registry_config_header_is_base64url_json_of_each_registry_and_hides_passwords_from_ToString()
    {
        var credentials = new RegistryCredentials("user", "p+ss/word?", "127.0.0.1:5000");
        var request = new DockerRequest(HttpMethod.Post, "/build", "ImageBuild")
            .Header("X-Registry-Config", new Dictionary<string, RegistryCredentials> { ["127.0.0.1:5000"] = credentials });
        var value = Assert.Single(request.Headers).Value;
        Assert.DoesNotContain('+', value);
        Assert.DoesNotContain('/', value);
        var json = Encoding.UTF8.GetString(Convert.FromBase64String(value.Replace('-', '+').Replace('_', '/')));
        using var document = System.Text.Json.JsonDocument.Parse(json);
        var registry = document.RootElement.GetProperty("127.0.0.1:5000");
        Assert.Equal("user", registry.GetProperty("username").GetString());
        Assert.Equal("p+ss/word?", registry.GetProperty("password").GetString());
        Assert.Equal("127.0.0.1:5000", registry.GetProperty("serveraddress").GetString());
        Assert.DoesNotContain("p+ss", credentials.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("p+ss", request.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_daemons_version_messages_become_version_exceptions_naming_the_package()
    {
        var tooNew = DockerApiException.From(System.Net.HttpStatusCode.BadRequest, "{\"message\":\"client version 1.55 is too new. Maximum supported API version is 1.41\"}"u8, "GET", "/_ping");
        var version = Assert.IsType<DockerApiVersionException>(tooNew);
        Assert.Equal(("1.55", "1.41"), (version.RequestedVersion, version.MaximumVersion));
        Assert.Contains("Use DockerApiGen.Engine.V1_41", version.Message, StringComparison.Ordinal);

        var tooOld = Assert.IsType<DockerApiVersionException>(DockerApiException.From(System.Net.HttpStatusCode.BadRequest, "{\"message\":\"client version 1.20 is too old. Minimum supported API version is 1.24, please upgrade your client to a newer version\"}"u8, "GET", "/x"));
        Assert.Equal("1.24", tooOld.MinimumVersion);

        Assert.IsNotType<DockerApiVersionException>(DockerApiException.From(System.Net.HttpStatusCode.BadRequest, "{\"message\":\"invalid filter\"}"u8, "GET", "/x"));
    }

    [Fact]
    public async Task Output_without_a_content_type_is_recognised_as_frames_or_raw_from_its_first_bytes()
    {
        var framed = new MemoryStream([1, 0, 0, 0, 0, 0, 0, 3, (byte)'o', (byte)'u', (byte)'t', 2, 0, 0, 0, 0, 0, 0, 3, (byte)'e', (byte)'r', (byte)'r']);
        await using (var output = new ContainerOutput(framed, isMultiplexed: null))
        {
            Assert.Equal(("out", "err"), await output.ReadToEndAsync(TestContext.Current.CancellationToken));
            Assert.True(output.IsMultiplexed);
        }

        await using (var raw = new ContainerOutput(new MemoryStream("hello\r\nworld"u8.ToArray()), isMultiplexed: null))
        {
            var lines = new List<string>();
            await foreach (var line in raw.ReadLinesAsync(TestContext.Current.CancellationToken))
            {
                lines.Add(line.Text);
            }

            Assert.Equal(["hello", "world"], lines);
            Assert.False(raw.IsMultiplexed);
        }

        // A TTY stream that happens to start with byte 1 is raw when the next bytes are not zeros.
        await using var tricky = new ContainerOutput(new MemoryStream([1, (byte)'a', (byte)'b', (byte)'c', (byte)'d']), isMultiplexed: null);
        Assert.Equal("\u0001abcd", (await tricky.ReadToEndAsync(TestContext.Current.CancellationToken)).StandardOutput);
    }

    [Fact]
    public void The_path_stat_header_is_decoded()
    {
        var json = "{\"name\":\"etc\",\"size\":4096,\"mode\":2147484141,\"mtime\":\"2026-11-29T01:02:03.5Z\",\"linkTarget\":\"\"}";
        var stat = ContainerPathStat.Parse(Convert.ToBase64String(Encoding.UTF8.GetBytes(json)));
        Assert.Equal("etc", stat.Name);
        Assert.True(stat.IsDirectory);
        Assert.Equal(0b111_101_101u, stat.Permissions);
        Assert.Throws<InvalidDataException>(() => ContainerPathStat.Parse("not base64!"));
    }
}
