using System.Text.Json.Serialization;
using DockerApiGen.Hub.Auth;
using DockerApiGen.Hub.Http;
using DockerApiGen.Hub.Tests.Support;
using DockerApiGen.Runtime.Http;

namespace DockerApiGen.Hub.Tests.Docs;

/// <summary>
/// docs/hub.md, "A namespace's repositories", as written there: the call the pinned descriptions lack, sent through the
/// generated client's connection with the caller's own answer types. Only the address and credentials point at the fake Hub.
/// </summary>
public sealed class RepositoryListExampleTests : HubTestBase
{
    [Fact]
    public async Task The_documented_repository_list_signs_in_and_follows_every_page()
    {
        using var hub = new HubClient(new HubClientOptions
        {
            BaseAddress = Hub.BaseAddress,
            Credentials = HubCredentials.PersonalAccessToken(FakeHub.User, FakeHub.PersonalToken),
            TimeProvider = Time,
        });
        var lines = new List<string>();

        // From docs/hub.md (Console.WriteLine collected in lines):
        var ns = "myorg";
        var request = new DockerRequest(HttpMethod.Get, $"/v2/namespaces/{ns}/repositories", "NamespaceListRepositories") // {ns} is escaped
            .Query("page_size", 2); // the docs ask for 100; 2 here, so that the fake Hub's five repositories take three pages
        await foreach (var repository in hub.Connection.ItemsAsync(request, RepositoryJson.Default.RepositoryPage, p => p.Results, p => p.Next, Cancel))
        {
            lines.Add($"{repository.Namespace}/{repository.Name}: {repository.PullCount} pulls");
        }

        Assert.Equal(Enumerable.Range(1, Hub.RepositoryCount).Select(n => $"myorg/repo-{n}: {10 * n} pulls"), lines);
        Assert.Equal(["?page_size=2", "?page=2&page_size=2", "?page=3&page_size=2"], Hub.ApiRequests.Select(r => r.Query));
        Assert.All(Hub.ApiRequests, r => Assert.StartsWith("Bearer ", r.Authorization, StringComparison.Ordinal));
    }
}

// The caller's own types, as docs/hub.md declares them.
public sealed class RepositoryPage
{
    [JsonPropertyName("next")] public string? Next { get; set; }
    [JsonPropertyName("results")] public List<RepositorySummary>? Results { get; set; }
}

public sealed class RepositorySummary
{
    [JsonPropertyName("name")] public string Name { get; set; } = "";
    [JsonPropertyName("namespace")] public string Namespace { get; set; } = "";
    [JsonPropertyName("pull_count")] public long PullCount { get; set; }
}

[JsonSerializable(typeof(RepositoryPage))]
public sealed partial class RepositoryJson : JsonSerializerContext;
