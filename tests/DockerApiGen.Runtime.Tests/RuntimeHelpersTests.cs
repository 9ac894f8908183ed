using System.Net;
using System.Text;
using DockerApiGen.Engine.V1_41;
using DockerApiGen.Runtime.Auth;
using DockerApiGen.Runtime.Errors;
using DockerApiGen.Runtime.Query;
using DockerApiGen.Runtime.Streams;

namespace DockerApiGen.Runtime.Tests;

public sealed class RuntimeHelpersTests
{
    [Fact]
    public void Errors_carry_the_daemons_message_and_a_subtype_per_meaningful_status()
    {
        var notFound = DockerApiException.From(HttpStatusCode.NotFound, "{\"message\":\"No such container: x\"}"u8, "GET", "/v1.41/containers/x/json");
        Assert.IsType<DockerNotFoundException>(notFound);
        Assert.Equal("No such container: x", notFound.DaemonMessage);
        Assert.Equal("Docker answered 404 NotFound to GET /v1.41/containers/x/json: No such container: x", notFound.Message);
        Assert.IsType<DockerConflictException>(DockerApiException.From(HttpStatusCode.Conflict, ""u8, "DELETE", "/x"));
        Assert.IsType<DockerNotModifiedException>(DockerApiException.From(HttpStatusCode.NotModified, ""u8, "POST", "/x"));
        Assert.Equal("<html>bad gateway</html>", DockerApiException.From(HttpStatusCode.BadGateway, "<html>bad gateway</html>\n"u8, "GET", "/x").DaemonMessage);
        Assert.Null(DockerApiException.From(HttpStatusCode.InternalServerError, ""u8, "GET", "/x").DaemonMessage);
    }

    [Fact]
    public void Registry_auth_is_base64url_json_and_never_shows_the_password()
    {
        // "??>" encodes to "Pz8+" in standard base64: the url alphabet must turn '+' into '-'.
        var credentials = new RegistryCredentials("user", "??>", "127.0.0.1:5000");
        var header = credentials.ToHeaderValue();

        Assert.DoesNotContain('+', header);
        Assert.DoesNotContain('/', header);
        var json = Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(header));
        Assert.Equal("{\"username\":\"user\",\"password\":\"??\\u003E\",\"serveraddress\":\"127.0.0.1:5000\"}", json);
        Assert.DoesNotContain("??>", credentials.ToString(), StringComparison.Ordinal);
        Assert.Contains("Password = ***", credentials.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Filters_are_json_maps_of_lists()
    {
        var filters = new DockerFilters().Add("status", "running").Add("label", "a=b").Add("label", "c");
        Assert.Equal("{\"label\":[\"a=b\",\"c\"],\"status\":[\"running\"]}", filters.ToJson());
        Assert.True(new DockerFilters().IsEmpty);
    }

    [Fact]
    public async Task A_json_stream_yields_each_value_as_it_arrives()
    {
        var lines = "{\"Type\":\"container\",\"Action\":\"create\"}\n{\"Type\":\"container\",\"Action\":\"start\"}\r\n\n{\"Type\":\"network\",\"Action\":\"connect\"}\n";
        var events = new List<string?>();
        await foreach (var message in JsonStream.ReadAsync(new TrickleStream(Encoding.UTF8.GetBytes(lines), 5), EngineJsonContext.Default.EventMessage, TestContext.Current.CancellationToken))
        {
            events.Add(message.Action);
        }

        Assert.Equal(["create", "start", "connect"], events);
    }
}
