using DockerApiGen.Generator.Semantics;
using DockerApiGen.Generator.Surface;
using DockerApiGen.Generator.Tests.Semantics;
using Microsoft.CodeAnalysis;

namespace DockerApiGen.Generator.Tests.Hub;

/// <summary>
/// The generated Docker Hub client of both snapshots: a method per operation (the token endpoints excepted, which the
/// runtime serves), named by method and path, with the Hub's answer kinds; the committed package's surface snapshot
/// and drift.
/// </summary>
[Collection("Hub")]
public sealed class HubClientTests(HubFixture fixture)
{
    private static readonly string[] TokenEndpoints = ["AuthCreateAccessToken", "PostUsersLogin", "PostUsers2FALogin"];

    [Fact]
    public async Task Every_operation_but_the_hand_written_token_endpoints_has_one_virtual_method_per_snapshot()
    {
        Assert.Equal(TokenEndpoints.Order(StringComparer.Ordinal), fixture.Inputs.Operations.HandWritten.Keys.Order(StringComparer.Ordinal));
        foreach (var output in await fixture.OutputsAsync())
        {
            var methods = ClientCoverageTests.OperationMethods(output.Compilation!).ToList();
            var expected = output.Model.Operations.Select(o => o.OperationId).Except(TokenEndpoints).Order(StringComparer.Ordinal);
            Assert.Equal(expected, methods.Select(m => m.OperationId).Order(StringComparer.Ordinal));
            Assert.All(methods, m => Assert.True(m.Method.IsVirtual && m.Method.Parameters[^1].Name == "cancellationToken", $"{m.Method}"));
            Assert.All(methods, m => Assert.DoesNotContain('_', m.Method.Name + (m.Method.Parameters.FirstOrDefault(p => p.Name == "options")?.Type.Name ?? "")));
        }
    }

    [Fact]
    public async Task Every_declaration_of_the_operations_file_matches_an_operation_of_a_snapshot()
    {
        var ids = (await fixture.OutputsAsync()).SelectMany(o => o.Model.Operations).Select(o => o.OperationId).ToHashSet(StringComparer.Ordinal);
        var config = fixture.Inputs.Operations;
        Assert.Equal(ClientNames.Paths, config.ClientNames);
        Assert.All(config.Responses.Keys.Concat(config.HandWritten.Keys).Concat(config.MethodNames.Keys), id => Assert.True(ids.Contains(id), $"{id} is no operation of a pinned snapshot."));
    }

    [Theory]
    [InlineData("RepositoryListTags", "RepositoriesClient", "ListTagsAsync", "IAsyncEnumerable<Tag>")]
    [InlineData("RepositoryTagExists", "RepositoriesClient", "TagExistsAsync", "Task<bool>")]
    [InlineData("RepositoryHasTags", "RepositoriesClient", "HasTagsAsync", "Task<bool>")]
    [InlineData("AccessTokenList", "AccessTokensClient", "ListAsync", "IAsyncEnumerable<AccessToken>")]
    [InlineData("AccessTokenCreate", "AccessTokensClient", "CreateAsync", "Task<AccessToken>")]
    [InlineData("AccessTokenDelete", "AccessTokensClient", "DeleteAsync", "Task")]
    [InlineData("OrgListMembers", "OrgsClient", "ListMembersAsync", "IAsyncEnumerable<OrgMember>")]
    [InlineData("OrgExportMembers", "OrgsClient", "ExportMembersAsync", "Task<Stream>")]
    [InlineData("GroupList", "GroupsClient", "ListAsync", "IAsyncEnumerable<OrgGroup>")]
    [InlineData("InviteList", "InvitesClient", "ListAsync", "Task<InviteListResponse>")]
    [InlineData("AuditLogs_ListAuditLogs", "AuditLogsClient", "ListLogsAsync", "Task<GetAuditLogsResponse>")]
    [InlineData("ScimCreateUser", "ScimClient", "CreateUserAsync", "Task<ScimUser>")]
    public async Task Operations_get_their_area_method_and_answer(string operationId, string client, string method, string returns)
    {
        var march = (await fixture.OutputsAsync())[1];
        var found = Assert.Single(ClientCoverageTests.OperationMethods(march.Compilation!), m => m.OperationId == operationId).Method;
        Assert.Equal((client, method), (found.ContainingType.Name, found.Name));
        Assert.Equal(returns, found.ReturnType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat));
    }

    [Fact]
    public async Task The_client_calls_the_hub_runtime_for_pages_existence_scim_bodies_and_dates()
    {
        var files = (await fixture.OutputsAsync())[1].Files.ToDictionary(f => f.RelativePath, f => f.Text);
        Assert.Contains("Connection.ItemsAsync(request, HubJsonContext.Default.PaginatedTags, static p => p.Results, static p => p.Next, cancellationToken)", files["Generated/Clients/RepositoriesClient.cs"], StringComparison.Ordinal);
        Assert.Contains("Connection.SendForExistenceAsync(request, cancellationToken)", files["Generated/Clients/RepositoriesClient.cs"], StringComparison.Ordinal);
        Assert.Contains("request.JsonBody(body, HubJsonContext.Default.ScimCreateUserRequest).ContentType(\"application/scim+json\");", files["Generated/Clients/ScimClient.cs"], StringComparison.Ordinal);
        Assert.Contains("public DateTimeOffset? From { get; set; }", files["Generated/Options/AuditLogListLogsOptions.cs"], StringComparison.Ordinal);
        var entry = files["Generated/HubClient.cs"];
        Assert.Contains("public partial class HubClient : IDisposable", entry, StringComparison.Ordinal);
        Assert.Contains("_connection = new HubConnection(options);", entry, StringComparison.Ordinal);
        Assert.DoesNotContain("connection.ApiVersion", entry, StringComparison.Ordinal);
        Assert.DoesNotContain(files.Where(f => f.Key.EndsWith(".cs", StringComparison.Ordinal)), f => f.Value.Contains("daemon", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_committed_package_matches_its_surface_snapshot_and_is_current()
    {
        var run = await fixture.RunAsync();
        var march = (await fixture.OutputsAsync())[1];
        var snapshots = new SurfaceSnapshots(fixture.Inputs.Layout.SnapshotsFolder);
        var report = snapshots.Compare(fixture.Inputs.SnapshotOf(march.Model.Version), march.Surface!);
        Assert.True(report is null, report);
        Assert.Contains("DockerApiGen.Hub.HubClient.Authentication", march.Surface, StringComparison.Ordinal); // the hand-written part
        Assert.Empty(run.CheckDrift([march]));
    }
}
