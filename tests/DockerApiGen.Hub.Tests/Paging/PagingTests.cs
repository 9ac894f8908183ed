using DockerApiGen.Hub.Auth;
using DockerApiGen.Hub.Http;
using DockerApiGen.Hub.Paging;
using DockerApiGen.Hub.Tests.Support;

namespace DockerApiGen.Hub.Tests.Paging;

/// <summary>Paged lists followed through their <c>next</c> links as one sequence.</summary>
public sealed class PagingTests : HubTestBase
{
    private static IAsyncEnumerable<TagEntry> Tags(HubConnection hub, CancellationToken cancellationToken)
        => hub.ItemsAsync(ListTags("team", "app", 10), TestJsonContext.Default.TagPage, p => p.Results, p => p.Next, cancellationToken);

    private HubConnection SignedIn() => Connect(HubCredentials.PersonalAccessToken(FakeHub.User, FakeHub.PersonalToken));

    [Theory]
    [InlineData("Absolute")]
    [InlineData("Relative")]
    public async Task Every_page_is_followed_in_order(string style)
    {
        Hub.NextLinkStyle = Enum.Parse<FakeHub.NextLinks>(style);
        var tags = await Tags(SignedIn(), Cancel).ToListAsync(Cancel);

        Assert.Equal(Enumerable.Range(1, 25).Select(n => "v" + n), tags.Select(t => t.Name));
        Assert.Equal(["?page_size=10", "?page=2&page_size=10", "?page=3&page_size=10"], Hub.ApiRequests.Select(r => r.Query));
        Assert.All(Hub.ApiRequests, r => Assert.StartsWith("Bearer ", r.Authorization, StringComparison.Ordinal));
        Assert.Single(Hub.TokenRequests);
    }

    [Fact]
    public async Task A_link_to_another_host_is_followed_on_the_client_s_own_address()
    {
        // The fake Hub writes https://hub.docker.com/… as the real one would behind a proxy: the token stays here.
        Hub.NextLinkStyle = FakeHub.NextLinks.OtherHost;
        var tags = await Tags(SignedIn(), Cancel).ToListAsync(Cancel);
        Assert.Equal(25, tags.Count);
        Assert.Equal(3, Hub.ApiRequests.Count());
    }

    [Fact]
    public async Task A_link_that_repeats_ends_the_list()
    {
        Hub.NextLinkStyle = FakeHub.NextLinks.Repeating;
        var tags = await Tags(SignedIn(), Cancel).ToListAsync(Cancel);
        Assert.Equal(20, tags.Count);
        Assert.Equal(2, Hub.ApiRequests.Count());
    }

    [Fact]
    public async Task Pages_come_with_their_count_and_anonymous_lists_work()
    {
        var hub = Connect();
        var pages = await hub.PagesAsync(ListTags("library", "busybox", 20), TestJsonContext.Default.TagPage, p => p.Next, Cancel).ToListAsync(Cancel);
        Assert.Equal([20, 5], pages.Select(p => p.Results!.Count));
        Assert.All(pages, p => Assert.Equal(25, p.Count));
        Assert.Null(pages[^1].Next);
        Assert.All(Hub.Requests, r => Assert.Null(r.Authorization));
    }

    [Fact]
    public async Task An_empty_page_ends_the_list_even_with_a_next_link()
    {
        Hub.ApiScript.Enqueue(new FakeHub.Scripted(200, """{"count":40,"next":"/v2/namespaces/team/repositories/app/tags?page=2","previous":null,"results":[]}"""));
        Assert.Empty(await Tags(SignedIn(), Cancel).ToListAsync(Cancel));
        Assert.Single(Hub.ApiRequests);
    }

    [Fact]
    public async Task Cancelling_stops_the_list_without_fetching_further_pages()
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        var read = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in Tags(SignedIn(), cancel.Token))
            {
                if (++read == 3)
                {
                    await cancel.CancelAsync();
                }
            }
        });
        Assert.Equal(3, read);
        Assert.Single(Hub.ApiRequests);
    }

    [Fact]
    public async Task A_next_link_that_is_not_a_web_url_is_an_error()
    {
        Hub.ApiScript.Enqueue(new FakeHub.Scripted(200, """{"count":40,"next":"ftp://hub.docker.com/page2","results":[{"id":1,"name":"v1"}]}"""));
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => Tags(SignedIn(), Cancel).ToListAsync(Cancel).AsTask());
        Assert.Equal("Docker Hub's 'next' link of ListRepositoryTags is not an http or https URL: 'ftp://hub.docker.com/page2'.", error.Message);
    }

    [Theory]
    [InlineData("https://hub.docker.com/", "https://hub.docker.com/v2/x?page=2", "https://hub.docker.com/v2/x?page=2")]
    [InlineData("https://proxy.test/hub/", "https://hub.docker.com/v2/x?page=2", "https://proxy.test/hub/v2/x?page=2")]
    [InlineData("https://proxy.test/hub/", "https://proxy.test/hub/v2/x?page=2", "https://proxy.test/hub/v2/x?page=2")]
    [InlineData("https://proxy.test/hub/", "https://elsewhere.test/hub/v2/x?page=2", "https://proxy.test/hub/v2/x?page=2")]
    [InlineData("https://proxy.test/hub/", "?page=2", "https://proxy.test/hub/v2/x?page=2")]
    [InlineData("https://hub.docker.com/", "/v2/x?page=3", "https://hub.docker.com/v2/x?page=3")]
    public void Next_links_resolve_against_the_page_and_stay_on_the_base_address(string baseAddress, string next, string expected)
    {
        var current = new Uri(new Uri(baseAddress), "v2/x?page=1");
        Assert.Equal(expected, HubPaging.ResolveNext(new Uri(baseAddress), current, next, "Op")!.AbsoluteUri);
    }
}
