using System.Net;
using System.Text;
using DockerApiGen.Hub.Auth;
using DockerApiGen.Hub.Errors;
using DockerApiGen.Hub.Http;
using DockerApiGen.Hub.Tests.Support;
using DockerApiGen.Runtime.Http;

namespace DockerApiGen.Hub.Tests.Errors;

/// <summary>Errors typed from the Hub's error bodies (every shape the two snapshots declare), with the operation and the status.</summary>
public sealed class HubErrorTests : HubTestBase
{
    private static HubError Parse(string json) => Assert.IsType<HubError>(HubError.Parse(Encoding.UTF8.GetBytes(json)));

    private HubConnection SignedIn() => Connect(HubCredentials.PersonalAccessToken(FakeHub.User, FakeHub.PersonalToken));

    [Theory]
    [InlineData("""{"detail":"Not found.","message":"object not found"}""", "Not found.; object not found")] // Error
    [InlineData("""{"detail":"Incorrect authentication credentials"}""", "Incorrect authentication credentials")] // ErrorDetail, login errors
    [InlineData("""{"detail":"Rate limit exceeded","error":false}""", "Rate limit exceeded")] // the 429 example
    [InlineData("""{"code":16,"message":"unauthenticated","details":[{"type_url":"x","value":"eA=="}]}""", "unauthenticated")] // rpcStatus
    [InlineData("""{"errors":[{"code":"DENIED","message":"requested access to the resource is denied"}]}""", "DENIED: requested access to the resource is denied")]
    [InlineData("""{"errors":["first","second"]}""", "first; second")]
    [InlineData("""{"message":"line one\nline two"}""", "line one line two")]
    public void The_summary_says_what_the_body_said(string json, string summary) => Assert.Equal(summary, Parse(json).Summary);

    [Fact]
    public void A_validation_error_names_its_fields()
    {
        var error = Parse("""{"fields":{"token_label":["This field may not be blank."],"scopes":"Invalid scope"},"text":"invalid request"}""");
        Assert.Equal(["This field may not be blank."], error.Fields["token_label"]);
        Assert.Equal(["Invalid scope"], error.Fields["scopes"]);
        Assert.Equal("invalid request; invalid fields: token_label: This field may not be blank.; scopes: Invalid scope", error.Summary);
    }

    [Fact]
    public void The_error_info_and_transaction_id_are_kept()
    {
        var error = Parse("""{"txnid":"0aa1-bb2","message":"Deletion not possible","errinfo":{"api_call_name":"DeleteImages","type":"validation","details":{"errors":[{"repository":"app","digest":"sha256:00","error":"not_found"}]}}}""");
        Assert.Equal("0aa1-bb2", error.TransactionId);
        Assert.Equal("validation", error.ErrorInfo!.Value.GetProperty("type").GetString());
        Assert.Equal("not_found", error.ErrorInfo.Value.GetProperty("details").GetProperty("errors")[0].GetProperty("error").GetString());
    }

    [Fact]
    public void A_scim_error_is_recognised()
    {
        var error = Parse("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"status":"409","scimType":"uniqueness","detail":"user already exists"}""");
        Assert.True(error.IsScim);
        Assert.Equal("uniqueness", error.ScimType);
        Assert.Equal("user already exists", error.Summary);
    }

    [Theory]
    [InlineData("")]
    [InlineData("<html><body>Bad gateway</body></html>")]
    [InlineData("[1,2]")]
    [InlineData("""{"other":1}""")]
    [InlineData("""{"detail":""")]
    public void Bodies_that_are_not_error_bodies_give_none(string body) => Assert.Null(HubError.Parse(Encoding.UTF8.GetBytes(body)));

    [Fact]
    public async Task Each_status_has_its_exception_naming_operation_method_path_and_status()
    {
        var hub = SignedIn();
        Hub.ApiScript.Enqueue(new FakeHub.Scripted(404, """{"detail":"Not found.","message":"object not found"}"""));
        var notFound = await Assert.ThrowsAsync<HubNotFoundException>(() => GetTagsAsync(hub, "team", "gone"));
        Assert.Equal("Docker Hub answered 404 NotFound to ListRepositoryTags (GET /v2/namespaces/team/repositories/gone/tags): Not found.; object not found.", notFound.Message);
        Assert.Equal(("ListRepositoryTags", "GET", "/v2/namespaces/team/repositories/gone/tags", HttpStatusCode.NotFound), (notFound.Operation, notFound.Method, notFound.Path, notFound.StatusCode));

        Hub.ApiScript.Enqueue(new FakeHub.Scripted(400, """{"fields":{"token_label":["This field is required."]},"text":"invalid"}"""));
        var badRequest = await Assert.ThrowsAsync<HubBadRequestException>(() => GetTagsAsync(hub));
        Assert.Equal(["This field is required."], badRequest.Error!.Fields["token_label"]);

        Hub.ApiScript.Enqueue(new FakeHub.Scripted(403, """{"detail":"You do not have permission to perform this action.","message":"forbidden"}"""));
        var forbidden = await Assert.ThrowsAsync<HubAccessDeniedException>(() => GetTagsAsync(hub));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Contains("lacks the right: check the token's scopes", forbidden.Message, StringComparison.Ordinal);

        Hub.ApiScript.Enqueue(new FakeHub.Scripted(409, """{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"status":"409","detail":"user already exists"}""", "application/scim+json"));
        var conflict = await Assert.ThrowsAsync<HubConflictException>(() => GetTagsAsync(hub));
        Assert.True(conflict.Error!.IsScim);

        Hub.ApiScript.Enqueue(new FakeHub.Scripted(502, "<html>\n<h1>Bad gateway</h1>\n</html>", "text/html"));
        var gateway = await Assert.ThrowsAsync<HubApiException>(() => GetTagsAsync(hub));
        Assert.Equal(HttpStatusCode.BadGateway, gateway.StatusCode);
        Assert.Null(gateway.Error);
        Assert.Equal("<html> <h1>Bad gateway</h1> </html>", gateway.BodyText);

        Hub.ApiScript.Enqueue(new FakeHub.Scripted(500, """{"txnid":"t-123","message":"internal error"}"""));
        var internalError = await Assert.ThrowsAsync<HubApiException>(() => GetTagsAsync(hub));
        Assert.EndsWith("internal error (txnid t-123).", internalError.Message, StringComparison.Ordinal);
        Assert.NotNull(internalError.RateLimit);
    }

    [Fact]
    public async Task Existence_checks_answer_true_or_false()
    {
        var hub = SignedIn();
        Assert.True(await hub.SendForExistenceAsync(new DockerRequest(HttpMethod.Head, $"/v2/namespaces/{"team"}/repositories/{"app"}/tags/{"v3"}", "CheckRepositoryTag"), Cancel));
        Assert.False(await hub.SendForExistenceAsync(new DockerRequest(HttpMethod.Head, $"/v2/namespaces/{"team"}/repositories/{"app"}/tags/{"v999"}", "CheckRepositoryTag"), Cancel));
        Hub.ApiScript.Enqueue(new FakeHub.Scripted(403, null));
        await Assert.ThrowsAsync<HubAccessDeniedException>(() => hub.SendForExistenceAsync(new DockerRequest(HttpMethod.Head, "/v2/namespaces/team/repositories/app/tags", "CheckRepositoryTags"), Cancel));
    }

    [Fact]
    public async Task Empty_and_unexpected_answers_say_so()
    {
        var hub = SignedIn();
        Hub.ApiScript.Enqueue(new FakeHub.Scripted(204, null));
        var empty = await Assert.ThrowsAsync<InvalidDataException>(() => GetTagsAsync(hub));
        Assert.Contains("answered ListRepositoryTags (GET /v2/namespaces/team/repositories/app/tags) with 204 and no body; a TagPage was expected", empty.Message, StringComparison.Ordinal);

        Hub.ApiScript.Enqueue(new FakeHub.Scripted(204, null));
        Assert.Null(await hub.SendForOptionalAsync(ListTags("team", "app"), TestJsonContext.Default.TagPage, Cancel));

        Hub.ApiScript.Enqueue(new FakeHub.Scripted(200, "[]"));
        var wrong = await Assert.ThrowsAsync<InvalidDataException>(() => GetTagsAsync(hub));
        Assert.Contains("is not the JSON of a TagPage", wrong.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hub_that_cannot_be_reached_fails_naming_the_address_and_operation()
    {
        using var hub = new HubConnection(new HubClientOptions { BaseAddress = new Uri("http://127.0.0.1:1/") });
        var error = await Assert.ThrowsAsync<HubConnectionException>(() => GetTagsAsync(hub, "library", "busybox"));
        Assert.StartsWith("Docker Hub at http://127.0.0.1:1 could not be reached for ListRepositoryTags (", error.Message, StringComparison.Ordinal);
        Assert.IsType<HttpRequestException>(error.InnerException);
    }

    [Fact]
    public async Task A_download_is_streamed_and_owns_its_answer()
    {
        var hub = SignedIn();
        Hub.ApiScript.Enqueue(new FakeHub.Scripted(200, "Name,Username\nAlice,alice\n", "text/csv"));
        await using var csv = await hub.SendForStreamAsync(new DockerRequest(HttpMethod.Get, "/v2/orgs/acme/members/export", "ExportOrgMembers"), Cancel);
        using var reader = new StreamReader(csv);
        Assert.Equal("Name,Username\nAlice,alice\n", await reader.ReadToEndAsync(Cancel));
    }

    [Fact]
    public void Bad_options_are_refused_with_what_to_fix()
    {
        var relative = Assert.Throws<ArgumentException>(() => new HubConnection(new HubClientOptions { BaseAddress = new Uri("/hub", UriKind.Relative) }));
        Assert.Contains("must be an absolute http or https URL", relative.Message, StringComparison.Ordinal);
        var query = Assert.Throws<ArgumentException>(() => new HubConnection(new HubClientOptions { BaseAddress = new Uri("https://hub.test/?x=1") }));
        Assert.Contains("must not hold a user name, password, query or fragment", query.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new HubConnection(new HubClientOptions { ScimToken = "a\r\nX-Injected: 1" }));
        Assert.Throws<ArgumentException>(() => new HubConnection(new HubClientOptions { RequestTimeout = TimeSpan.Zero }));
    }
}
