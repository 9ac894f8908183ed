using System.Net;
using System.Net.Http.Headers;
using System.Text;
using DockerApiGen.Contract.Tests.Server;
using DockerApiGen.Contract.Tests.Support;

namespace DockerApiGen.Contract.Tests.ServerTests;

/// <summary>The server's validation, driven by a plain HttpClient: good requests pass, and each kind of bad one is caught, alone.</summary>
public sealed class RequestValidationTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_good_request_has_no_violations()
    {
        var recorded = await SendAsync(HttpMethod.Get, """/v1.47/containers/json?all=true&limit=5&size=0&filters=%7B%22status%22%3A%5B%22running%22%5D%7D""");

        Assert.Equal("ContainerList", recorded.OperationId);
        Assert.Empty(recorded.Violations);
    }

    [Fact]
    public async Task A_query_value_of_the_wrong_type_is_a_violation()
    {
        var recorded = await SendAsync(HttpMethod.Get, "/v1.47/containers/json?limit=five&all=yes");

        Assert.Equal(["query 'all'", "query 'limit'"], recorded.Violations.Select(v => v.Subject).Order());
    }

    [Fact]
    public async Task An_undeclared_query_name_is_a_violation()
    {
        var recorded = await SendAsync(HttpMethod.Get, "/v1.47/containers/json?All=true");

        var violation = Assert.Single(recorded.Violations);
        Assert.Equal("query 'All'", violation.Subject);
    }

    [Fact]
    public async Task A_repeated_query_name_is_a_violation_unless_the_parameter_is_a_list()
    {
        var repeated = await SendAsync(HttpMethod.Get, "/v1.47/containers/json?limit=1&limit=2");
        var list = await SendAsync(HttpMethod.Get, "/v1.47/images/get?names=a&names=b%2Fc");

        Assert.Equal("query 'limit'", Assert.Single(repeated.Violations).Subject);
        Assert.Equal("ImageGetAll", list.OperationId);
        Assert.Empty(list.Violations);
    }

    [Fact]
    public async Task A_missing_required_query_parameter_and_a_value_outside_the_enum_are_violations()
    {
        var resize = await SendAsync(HttpMethod.Post, "/v1.47/containers/c1/resize?h=10");
        var wait = await SendAsync(HttpMethod.Post, "/v1.47/containers/c1/wait?condition=stopped");

        Assert.Equal("query 'w'", Assert.Single(resize.Violations).Subject);
        Assert.Contains("not one of", Assert.Single(wait.Violations).Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("filters=%7B%22status%22%3A%22running%22%7D")] // {"status":"running"}: values must be lists
    [InlineData("filters=status%3Drunning")] // not JSON at all
    public async Task A_JSON_encoded_parameter_of_the_wrong_shape_is_a_violation(string query)
    {
        var recorded = await SendAsync(HttpMethod.Get, "/v1.47/containers/json?" + query);

        Assert.Equal("query 'filters'", Assert.Single(recorded.Violations).Subject);
    }

    [Fact]
    public async Task Path_parameters_are_percent_decoded_and_may_hold_slashes()
    {
        var container = await SendAsync(HttpMethod.Get, "/v1.47/containers/a%2Fb%20c%3F%23%C3%BC/json");
        var image = await SendAsync(HttpMethod.Get, "/v1.47/images/127.0.0.1:5000/library/busybox:latest/json");
        var logs = await SendAsync(HttpMethod.Get, "/v1.47/services/s1/logs?stdout=true");

        Assert.Equal(("ContainerInspect", "a/b c?#ü"), (container.OperationId, container.PathValues["id"]));
        Assert.Equal(("ImageInspect", "127.0.0.1:5000/library/busybox:latest"), (image.OperationId, image.PathValues["name"]));
        Assert.Equal(("ServiceLogs", "s1"), (logs.OperationId, logs.PathValues["id"]));
        Assert.All([container, image, logs], r => Assert.Empty(r.Violations));
    }

    [Theory]
    [InlineData("GET", "/v1.46/containers/json", "path")] // another version's prefix
    [InlineData("GET", "/containers/json", "path")] // no prefix
    [InlineData("GET", "/v1.47/frobnicate", "path")]
    [InlineData("PUT", "/v1.47/containers/json", "method")]
    public async Task A_request_that_matches_no_operation_is_a_violation(string method, string target, string subject)
    {
        var recorded = await SendAsync(new HttpMethod(method), target);

        Assert.Null(recorded.OperationId);
        Assert.Equal(subject, Assert.Single(recorded.Violations).Subject);
    }

    [Fact]
    public async Task A_body_missing_a_required_property_is_a_violation()
    {
        var recorded = await SendAsync(HttpMethod.Post, "/v1.47/networks/create", Json("""{"Driver":"bridge"}"""));

        Assert.Equal("body /Name", Assert.Single(recorded.Violations).Subject);
    }

    [Fact]
    public async Task An_unknown_body_property_is_a_violation()
    {
        var recorded = await SendAsync(HttpMethod.Post, "/v1.47/networks/create", Json("""{"Name":"n1","Labels":{"a":"b"},"Drivr":"bridge"}"""));

        Assert.Equal("body /Drivr", Assert.Single(recorded.Violations).Subject);
    }

    [Theory]
    [InlineData("""{"Name":null}""", "body /Name")] // required and not x-nullable
    [InlineData("""{"Name":"n1","Internal":"yes"}""", "body /Internal")] // a string where a boolean goes
    [InlineData("""{"Name":"n1","Labels":{"a":1}}""", "body /Labels/a")] // a map's value of the wrong type
    public async Task Body_values_of_the_wrong_type_are_violations(string body, string subject)
    {
        var recorded = await SendAsync(HttpMethod.Post, "/v1.47/networks/create", Json(body));

        Assert.Equal(subject, Assert.Single(recorded.Violations).Subject);
    }

    [Fact]
    public async Task Nested_allOf_bodies_are_checked_through_every_part()
    {
        var good = await SendAsync(HttpMethod.Post, "/v1.47/containers/create?name=c1", Json("""{"Image":"busybox","HostConfig":{"Memory":1,"RestartPolicy":{"Name":"always"}},"NetworkingConfig":{"EndpointsConfig":{"none":{}}}}"""));
        var bad = await SendAsync(HttpMethod.Post, "/v1.47/containers/create", Json("""{"Image":"busybox","HostConfig":{"Memory":-1.5,"RestartPolicy":{"Name":"sometimes"}}}"""));

        Assert.Empty(good.Violations);
        Assert.Equal(["body /HostConfig/Memory", "body /HostConfig/RestartPolicy/Name"], bad.Violations.Select(v => v.Subject).Order());
    }

    [Fact]
    public async Task A_JSON_body_must_say_application_json()
    {
        var recorded = await SendAsync(HttpMethod.Post, "/v1.47/networks/create", new StringContent("""{"Name":"n1"}""", Encoding.UTF8, "text/plain"));

        Assert.Equal("header Content-Type", Assert.Single(recorded.Violations).Subject);
    }

    [Fact]
    public async Task A_body_where_the_spec_has_none_is_a_violation()
    {
        var recorded = await SendAsync(HttpMethod.Post, "/v1.47/containers/c1/start", Json("{}"));

        Assert.Equal("body", Assert.Single(recorded.Violations).Subject);
    }

    [Fact]
    public async Task A_chunked_tar_body_is_accepted_as_bytes()
    {
        await using var server = SpecServer.Start(await TestSpecs.GetAsync());
        using var client = ServerClients.Http(server);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1.47/build?t=sample%3Alatest&buildargs=%7B%22A%22%3A%221%22%7D")
        {
            Content = new StreamContent(new MemoryStream(new byte[10_000])) { Headers = { ContentType = new MediaTypeHeaderValue("application/x-tar") } },
            Headers = { TransferEncodingChunked = true },
        };

        using var response = await client.SendAsync(request, Token);
        var recorded = Assert.Single(server.Requests);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(BodyFraming.Chunked, recorded.Request.Framing);
        Assert.Equal(10_000, recorded.Request.Body.Length);
        Assert.Empty(recorded.Violations);
    }

    [Fact]
    public async Task A_binary_body_with_a_media_type_the_operation_does_not_consume_is_a_violation()
    {
        var recorded = await SendAsync(HttpMethod.Put, "/v1.47/containers/c1/archive?path=%2Ftmp", new ByteArrayContent([1, 2, 3]) { Headers = { ContentType = new("application/json") } });

        Assert.Equal("header Content-Type", Assert.Single(recorded.Violations).Subject);
    }

    [Theory]
    [InlineData("eyJ1c2VybmFtZSI6ImEifQ==", true)] // base64url of {"username":"a"}
    [InlineData("eyJ1c2VybmFtZSI6ImEifQ", false)] // the same without its padding, which the daemon rejects
    [InlineData("eyJwYXNzd29yZCI6Ij8_In0=", true)] // {"password":"??"}: base64url's '_'
    [InlineData("eyJwYXNzd29yZCI6Ij8/In0=", false)] // the same in standard base64: '/'
    [InlineData("not base64!", false)]
    [InlineData("WzEsMl0", false)] // [1,2]: JSON, but not an object
    public async Task X_Registry_Auth_must_be_base64url_of_a_JSON_object(string header, bool valid)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1.47/images/create?fromImage=busybox");
        request.Headers.TryAddWithoutValidation("X-Registry-Auth", header);

        var recorded = await SendAsync(request);

        if (valid)
        {
            Assert.Empty(recorded.Violations);
        }
        else
        {
            Assert.Equal("header X-Registry-Auth", Assert.Single(recorded.Violations).Subject);
        }
    }

    [Fact]
    public async Task A_required_header_that_is_missing_is_a_violation()
    {
        var recorded = await SendAsync(HttpMethod.Post, "/v1.47/images/busybox/push");

        Assert.Equal("header X-Registry-Auth", Assert.Single(recorded.Violations).Subject);
    }

    [Fact]
    public async Task A_control_character_in_a_header_and_a_broken_header_line_are_violations()
    {
        await using var server = SpecServer.Start(await TestSpecs.GetAsync());
        using (var socket = await ServerClients.ConnectRawAsync(server, Token))
        {
            await socket.SendAsync("GET /v1.47/_ping HTTP/1.1\r\nHost: docker\r\nX-Note: a\rb\r\n\r\n"u8.ToArray(), Token);
            Assert.StartsWith("HTTP/1.1 200", await ServerClients.ReadHeadAsync(socket, Token), StringComparison.Ordinal);
        }

        using (var socket = await ServerClients.ConnectRawAsync(server, Token))
        {
            // A line break injected into a value: the rest of it is a line without a name.
            await socket.SendAsync("GET /v1.47/_ping HTTP/1.1\r\nHost: docker\r\nX-Note: a\r\nsecond half\r\n\r\n"u8.ToArray(), Token);
            Assert.StartsWith("HTTP/1.1 400", await ServerClients.ReadHeadAsync(socket, Token), StringComparison.Ordinal);
        }

        var requests = server.Requests;
        Assert.Equal("header X-Note", Assert.Single(requests[0].Violations).Subject);
        Assert.Equal("request", Assert.Single(requests[1].Violations).Subject);
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static Task<RecordedRequest> SendAsync(HttpMethod method, string target, HttpContent? content = null)
        => SendAsync(new HttpRequestMessage(method, target) { Content = content });

    private static async Task<RecordedRequest> SendAsync(HttpRequestMessage request)
    {
        await using var server = SpecServer.Start(await TestSpecs.GetAsync());
        using var client = ServerClients.Http(server);
        using (request)
        using (var response = await client.SendAsync(request, Token))
        {
            await response.Content.ReadAsByteArrayAsync(Token);
        }

        Assert.Empty(server.Errors);
        return Assert.Single(server.Requests);
    }
}
