using DockerApiGen.Generator.Diagnostics;
using DockerApiGen.Generator.Naming;
using DockerApiGen.Generator.Tests.Support;

namespace DockerApiGen.Generator.Tests.Naming;

/// <summary>Operation names from method and path: a pure function, overridable per path in a family's operations.yaml.</summary>
public sealed class OperationNamingTests
{
    [Theory]
    [InlineData("GET", "/v2/namespaces/{namespace}/repositories/{repository}/tags", "Repositories", "ListTags")]
    [InlineData("GET", "/v2/namespaces/{namespace}/repositories/{repository}/tags/{tag}", "Repositories", "GetTag")]
    [InlineData("HEAD", "/v2/namespaces/{namespace}/repositories/{repository}/tags", "Repositories", "CheckTags")]
    [InlineData("HEAD", "/v2/namespaces/{namespace}/repositories/{repository}/tags/{tag}", "Repositories", "CheckTag")]
    [InlineData("POST", "/v2/access-tokens", "AccessTokens", "Create")]
    [InlineData("GET", "/v2/access-tokens", "AccessTokens", "List")]
    [InlineData("get", "/v2/access-tokens/{uuid}", "AccessTokens", "Get")]
    [InlineData("PATCH", "/v2/access-tokens/{uuid}", "AccessTokens", "Update")]
    [InlineData("DELETE", "/v2/access-tokens/{uuid}", "AccessTokens", "Delete")]
    [InlineData("PUT", "/v2/orgs/{org_name}/groups/{group_name}", "Orgs", "ReplaceGroup")]
    [InlineData("POST", "/v2/orgs/{org_name}/groups", "Orgs", "CreateGroup")]
    [InlineData("GET", "/v2/orgs/{org_name}/groups/{group_name}/members", "Groups", "ListMembers")]
    [InlineData("GET", "/v2/orgs/{org_name}/members/export", "Orgs", "ListMembersExport")]
    [InlineData("GET", "/v2/scim/2.0/ResourceTypes/{name}", "Scim", "GetResourceType")]
    [InlineData("GET", "/v2/scim/2.0/Users", "Scim", "ListUsers")]
    [InlineData("POST", "/v2/invites/bulk", "Invites", "CreateBulk")]
    [InlineData("POST", "/v2/users/2fa-login", "Users", "Create2faLogin")]
    [InlineData("GET", "/v2/{name}/manifests/{reference}", "Manifests", "Get")]
    [InlineData("GET", "/v2/", "Root", "List")]
    [InlineData("GET", "/_ping", "Ping", "List")]
    public void Derives_area_and_name_from_method_and_path(string method, string path, string area, string name)
        => Assert.Equal(new OperationName(area, name), OperationNaming.FromPath(method, path));

    [Fact]
    public void The_id_is_the_singular_area_then_the_name()
    {
        Assert.Equal("RepositoryListTags", OperationNaming.FromPath("GET", "/v2/namespaces/{namespace}/repositories/{repository}/tags").OperationId);
        Assert.Equal("AccessTokenCreate", OperationNaming.FromPath("POST", "/v2/access-tokens").OperationId);
    }

    [Theory]
    [InlineData("Repositories", "Repository")]
    [InlineData("AccessTokens", "AccessToken")]
    [InlineData("Statuses", "Status")]
    [InlineData("Addresses", "Address")]
    [InlineData("Matches", "Match")]
    [InlineData("Status", "Status")]
    [InlineData("Scim", "Scim")]
    [InlineData("Access", "Access")]
    [InlineData("Analysis", "Analysis")]
    [InlineData("Images", "Image")]
    public void Singular_changes_only_plural_endings(string plural, string singular)
        => Assert.Equal(singular, OperationNaming.Singular(plural));

    [Fact]
    public void Overrides_replace_area_name_or_both_for_one_method_and_path()
    {
        using var temp = new TempFolder();
        var overrides = OperationNameOverrides.Load(temp.Write("operations.yaml", """
            operationNames:
              "PATCH /v2/invites/{id}/resend": { name: Resend }
              "GET /v2/auditlogs/{account}": { area: AuditLogs, name: ListLogs }
            """));

        Assert.Equal(new OperationName("Invites", "Resend"), overrides.NameOf("patch", "/v2/invites/{id}/resend"));
        Assert.Equal(new OperationName("AuditLogs", "ListLogs"), overrides.NameOf("GET", "/v2/auditlogs/{account}"));
        Assert.Equal(new OperationName("Invites", "UpdateResend"), OperationNameOverrides.Empty.NameOf("PATCH", "/v2/invites/{id}/resend"));
        Assert.Equal(new OperationName("Auditlogs", "List"), overrides.NameOf("GET", "/v2/auditlogs"));
    }

    [Theory]
    [InlineData("\"get /v2/things\": { name: List }", "is not an operation")]
    [InlineData("\"GET v2/things\": { name: List }", "is not an operation")]
    [InlineData("\"GET /v2/things\": { name: 2List }", "C# identifier")]
    [InlineData("\"GET /v2/things\": List", "must be a mapping")]
    [InlineData("\"GET /v2/things\": { verb: List }", "must be a mapping")]
    public void A_malformed_override_names_its_line(string entry, string message)
    {
        using var temp = new TempFolder();
        var path = temp.Write("operations.yaml", $"# names\noperationNames:\n  {entry}\n");
        var problem = Assert.Single(Assert.Throws<GenerationException>(() => OperationNameOverrides.Load(path)).Problems);
        Assert.Equal((path, 3), (problem.File, problem.Line));
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_operations_file_means_no_overrides_and_names_the_file_to_create()
    {
        var overrides = OperationNameOverrides.Load("/nonexistent/operations.yaml");
        Assert.Empty(overrides.Entries);
        Assert.Equal("/nonexistent/operations.yaml", overrides.File);
    }
}
