using DockerApiGen.Hub.Auth;
using DockerApiGen.Hub.Http;
using DockerApiGen.Hub.Tests.Support;

namespace DockerApiGen.Hub.Tests.Live;

/// <summary>
/// Against the real Docker Hub, opt-in: set <c>DOCKERAPIGEN_HUB_USER</c> and <c>DOCKERAPIGEN_HUB_TOKEN</c> (a personal
/// access token; read-only is enough), and optionally <c>DOCKERAPIGEN_HUB_URL</c> for another address. Without them
/// each test skips with the reason, under CI too: the Hub is a third-party service the project's machines cannot
/// reach, so CI does not require it.
/// </summary>
public sealed class LiveHubTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static HubConnection ConnectOrSkip()
    {
        var user = Environment.GetEnvironmentVariable("DOCKERAPIGEN_HUB_USER");
        var token = Environment.GetEnvironmentVariable("DOCKERAPIGEN_HUB_TOKEN");
        if (string.IsNullOrEmpty(user) || string.IsNullOrEmpty(token))
        {
            Assert.Skip("Live Docker Hub tests are opt-in: set DOCKERAPIGEN_HUB_USER and DOCKERAPIGEN_HUB_TOKEN (a personal access token) to run them.");
        }

        var url = Environment.GetEnvironmentVariable("DOCKERAPIGEN_HUB_URL");
        return new HubConnection(new HubClientOptions
        {
            BaseAddress = string.IsNullOrEmpty(url) ? HubClientOptions.DefaultBaseAddress : new Uri(url),
            Credentials = HubCredentials.PersonalAccessToken(user, token),
            RequestTimeout = TimeSpan.FromSeconds(30),
        });
    }

    [Fact]
    public async Task Signs_in_with_a_personal_access_token()
    {
        using var hub = ConnectOrSkip();
        var result = await hub.Authentication.LoginAsync(Cancel);
        Assert.True(result.IsAuthenticated);
        Assert.InRange(result.ExpiresAt!.Value, DateTimeOffset.UtcNow.AddMinutes(1), DateTimeOffset.UtcNow.AddDays(1));
    }

    [Fact]
    public async Task Lists_a_public_repository_s_tags_across_pages()
    {
        using var hub = ConnectOrSkip();
        var tags = await hub.ItemsAsync(HubTestBase.ListTags("library", "busybox", pageSize: 5), TestJsonContext.Default.TagPage, p => p.Results, p => p.Next, Cancel)
            .Take(12)
            .ToListAsync(Cancel);
        Assert.Equal(12, tags.Count);
        Assert.Equal(12, tags.Select(t => t.Name).Distinct().Count());
        Assert.All(tags, t => Assert.False(string.IsNullOrEmpty(t.Name)));
    }
}
