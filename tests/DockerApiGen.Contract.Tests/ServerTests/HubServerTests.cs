using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using DockerApiGen.Contract.Tests.Responses;
using DockerApiGen.Contract.Tests.Server;
using DockerApiGen.Contract.Tests.Spec;
using DockerApiGen.Contract.Tests.Support;
using DockerApiGen.Generator.Specs;

namespace DockerApiGen.Contract.Tests.ServerTests;

/// <summary>
/// The server on an OpenAPI 3 document (the Hub's 2025-03 snapshot): each kind of bad request is caught alone —
/// media types, bearer tokens, declared security, dates, required body properties — and answers carry the declared
/// media types, headers and links.
/// </summary>
public sealed class HubServerTests
{
    private const string Scim = "scim-token";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_routes_have_no_version_prefix_and_operations_without_ids_get_the_generators()
    {
        var spec = await March();
        Assert.Equal(string.Empty, spec.PathPrefix);
        Assert.Equal(("GET", "/v2/namespaces/{namespace}/repositories/{repository}/tags"), (spec.Operation("RepositoryListTags").Method, spec.Operation("RepositoryListTags").PathTemplate));
        Assert.Equal(["org_name", "search", "page", "page_size", "invites", "type", "role"], spec.Operation("OrgListMembers").Parameters.Select(p => p.Name)); // path-level components
        Assert.Equal(["application/scim+json"], spec.Operation("ScimCreateUser").Consumes);
    }

    [Fact]
    public async Task A_valid_call_with_an_issued_token_has_no_violation()
    {
        var (recorded, status) = await SendAsync((tokens, request) => Task.FromResult(request(HttpMethod.Get, "/v2/orgs/team/members?search=jon&page=1&type=member", tokens.Issue())));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(recorded.Violations);
    }

    [Fact]
    public async Task A_call_without_the_required_bearer_token_is_answered_401_and_is_a_violation()
    {
        var (recorded, status) = await SendAsync((_, request) => Task.FromResult(request(HttpMethod.Get, "/v2/access-tokens", null)));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        var violation = Assert.Single(recorded.Violations);
        Assert.Equal("header Authorization", violation.Subject);
        Assert.Contains("requires bearerAuth", violation.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not-issued", "is not a token this server issued")]
    [InlineData(Scim, "is another scheme's token")]
    public async Task A_token_the_server_did_not_issue_for_the_scheme_is_refused(string bearer, string problem)
    {
        var (recorded, status) = await SendAsync((_, request) => Task.FromResult(request(HttpMethod.Get, "/v2/access-tokens", bearer)));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Contains(problem, Assert.Single(recorded.Violations).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Credentials_sent_to_an_endpoint_declared_without_security_are_a_violation()
    {
        var (recorded, _) = await SendAsync((tokens, request) =>
        {
            var message = request(HttpMethod.Post, "/v2/auth/token", tokens.Issue());
            message.Content = new StringContent("""{"identifier":"user","secret":"pat"}""", Encoding.UTF8, "application/json");
            return Task.FromResult(message);
        });

        Assert.Contains("declares no security", Assert.Single(recorded.Violations).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_scim_body_sent_as_plain_json_is_a_violation_naming_the_declared_media_type()
    {
        var (recorded, _) = await SendAsync((_, request) =>
        {
            var message = request(HttpMethod.Post, "/v2/scim/2.0/Users", Scim);
            message.Content = new StringContent("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"jon@example.com"}""", Encoding.UTF8, "application/json");
            return Task.FromResult(message);
        });

        var violation = Assert.Single(recorded.Violations);
        Assert.Equal("header Content-Type", violation.Subject);
        Assert.Contains("takes application/scim+json", violation.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_without_a_required_property_is_a_violation()
    {
        var (recorded, _) = await SendAsync((tokens, request) =>
        {
            var message = request(HttpMethod.Post, "/v2/invites/bulk", tokens.Issue());
            message.Content = new StringContent("""{"org":"team"}""", Encoding.UTF8, "application/json");
            return Task.FromResult(message);
        });

        Assert.Equal("body /invitees", Assert.Single(recorded.Violations).Subject);
    }

    [Theory]
    [InlineData("2024-01-02T03:04:05Z", true)]
    [InlineData("2024-01-02T03:04:05.123+02:00", true)]
    [InlineData("2024-01-02", false)]
    [InlineData("01/02/2024 03:04:05", false)]
    public async Task A_date_time_query_value_must_be_rfc_3339(string value, bool valid)
    {
        var (recorded, _) = await SendAsync((tokens, request) => Task.FromResult(request(HttpMethod.Get, $"/v2/auditlogs/team?from={Uri.EscapeDataString(value)}", tokens.Issue())));

        Assert.Equal(valid ? [] : ["query 'from'"], recorded.Violations.Select(v => v.Subject));
    }

    [Fact]
    public async Task A_page_links_the_next_and_previous_pages_on_the_hubs_address_with_the_query_kept()
    {
        var spec = await March();
        await using var server = SpecServer.Start(spec);
        using var client = ServerClients.Http(server);

        var page = JsonNode.Parse(await client.GetStringAsync("/v2/namespaces/team/repositories/app/tags?page_size=1&page=2", Token))!;

        Assert.Equal(PagedResponse.Pages, (int)page["count"]!);
        Assert.Equal("https://hub.docker.com/v2/namespaces/team/repositories/app/tags?page_size=1&page=3", (string?)page["next"]);
        Assert.Equal("https://hub.docker.com/v2/namespaces/team/repositories/app/tags?page_size=1&page=1", (string?)page["previous"]);
        Assert.Single(page["results"]!.AsArray());
        var last = JsonNode.Parse(await client.GetStringAsync("/v2/namespaces/team/repositories/app/tags?page=3", Token))!;
        Assert.Null(last["next"]);
    }

    [Fact]
    public async Task Answers_carry_their_declared_media_types_and_headers()
    {
        var spec = await March();
        await using var server = SpecServer.Start(spec);
        using var client = ServerClients.Http(server);

        using var csv = await client.GetAsync("/v2/orgs/team/members/export", Token);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", csv.Content.Headers.ContentDisposition?.DispositionType); // the declared header, with the spec's example
        var rows = (await csv.Content.ReadAsStringAsync(Token)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Name,Username,Email,Type,Permission,Teams,Date Joined", rows[0]);

        using var scim = await client.GetAsync("/v2/scim/2.0/Users/u1", Token);
        Assert.Equal("application/scim+json", scim.Content.Headers.ContentType?.MediaType);

        using var head = new HttpRequestMessage(HttpMethod.Head, "/v2/namespaces/team/repositories/app/tags/latest");
        using var exists = await client.SendAsync(head, Token);
        Assert.Equal(HttpStatusCode.OK, exists.StatusCode);
        Assert.Empty(server.Errors);
    }

    private static Task<ContractSpec> March() => ContractSpecs.Hub.GetAsync(ApiVersion.Parse("2025-03", VersionScheme.Date));

    /// <summary>Sends one request (made with the server's token authority) and returns what the server recorded and answered.</summary>
    private static async Task<(RecordedRequest Recorded, HttpStatusCode Status)> SendAsync(Func<TokenAuthority, Func<HttpMethod, string, string?, HttpRequestMessage>, Task<HttpRequestMessage>> make)
    {
        var tokens = new TokenAuthority("user", "pat", TimeProvider.System);
        tokens.FixedTokens["bearerSCIMAuth"] = Scim;
        await using var server = SpecServer.Start(await March(), new SpecServerOptions { Tokens = tokens });
        using var client = ServerClients.Http(server);
        using var request = await make(tokens, static (method, target, bearer) => new HttpRequestMessage(method, target)
        {
            Headers = { Authorization = bearer is null ? null : new AuthenticationHeaderValue("Bearer", bearer) },
        });
        using var response = await client.SendAsync(request, Token);
        await response.Content.ReadAsByteArrayAsync(Token);
        Assert.Empty(server.Errors);
        return (Assert.Single(server.Requests), response.StatusCode);
    }
}
