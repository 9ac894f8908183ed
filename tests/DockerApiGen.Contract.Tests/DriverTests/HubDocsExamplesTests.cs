using DockerApiGen.Contract.Tests.Driver;
using DockerApiGen.Contract.Tests.Responses;
using DockerApiGen.Contract.Tests.Server;
using DockerApiGen.Contract.Tests.Spec;
using DockerApiGen.Generator.Specs;
using DockerApiGen.Hub;
using DockerApiGen.Hub.Auth;
using DockerApiGen.Hub.Http;
using DockerApiGen.Hub.Models;

namespace DockerApiGen.Contract.Tests.DriverTests;

/// <summary>
/// docs/hub.md, "Common tasks", as written there, against the 2025-03 spec server: log in with a personal access token,
/// list a repository's tags, check a tag, create, disable and revoke an access token. Only the address (and the
/// transport to the server's socket) differ; every request must fit the description.
/// </summary>
public sealed class HubDocsExamplesTests
{
    private const string Pat = "dckr_pat_docs-example";

    [Fact]
    public async Task The_common_tasks_run_as_documented_and_send_what_the_description_declares()
    {
        var spec = await ContractSpecs.Hub.GetAsync(ApiVersion.Parse("2025-03", VersionScheme.Date));
        var tokens = new TokenAuthority("myuser", Pat, TimeProvider.System);
        await using var server = SpecServer.Start(spec, new SpecServerOptions { Tokens = tokens, RateLimitPerMinute = 180 });
        var console = new StringWriter();

        // From docs/hub.md (Console is `console`, the environment variable `Pat`), verbatim: the docs pass no token.
#pragma warning disable xUnit1051
        using var hub = new HubClient(new HubClientOptions
        {
            Credentials = HubCredentials.PersonalAccessToken("myuser", Pat),
            BaseAddress = HubClients.BaseAddress,
            ConfigureHandler = HubClients.UnixSocket(server.SocketPath),
        });
        var login = await hub.Authentication.LoginAsync();
        console.WriteLine($"Signed in until {login.ExpiresAt:t}; renewed on its own before then.");

        await foreach (var tag in hub.Repositories.ListTagsAsync("myuser", "app", new RepositoryListTagsOptions { PageSize = 100 }))
        {
            console.WriteLine($"{tag.Name}  {tag.FullSize} bytes  pushed {tag.TagLastPushed}");
        }

        bool hasLatest = await hub.Repositories.TagExistsAsync("myuser", "app", "latest");

        AccessToken created = await hub.AccessTokens.CreateAsync(new CreateAccessTokenRequest
        {
            TokenLabel = "ci-readonly",
            Scopes = ["repo:read"],
            ExpiresAt = DateTimeOffset.UtcNow.AddDays(30),
        });
        console.WriteLine($"Token {created.Uuid}: {created.Token}");
        await hub.AccessTokens.UpdateAsync(created.Uuid!, new PatchAccessTokenRequest { IsActive = false });
        await hub.AccessTokens.DeleteAsync(created.Uuid!);
#pragma warning restore xUnit1051

        Assert.True(hasLatest);
        Assert.Equal(1 + PagedResponse.Pages + 1, console.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(
            ["AuthCreateAccessToken", .. Enumerable.Repeat("RepositoryListTags", PagedResponse.Pages), "RepositoryTagExists", "AccessTokenCreate", "AccessTokenUpdate", "AccessTokenDelete"],
            server.Requests.Select(r => r.OperationId));
        Assert.All(server.Requests, r => Assert.True(r.Violations.Count == 0, r.ToString()));
        Assert.Equal(1, tokens.Exchanges);
        Assert.Empty(server.Errors);
    }
}
