using DockerApiGen.Registry.Http;

namespace DockerApiGen.Registry.Tests.Http;

/// <summary>Following pages by Link, by n/last, and stopping on registries that ignore either.</summary>
public sealed class RegistryPagingTests
{
    private static readonly string[] All = [.. Enumerable.Range(0, 23).Select(i => $"t{i:00}")];

    private static async Task<(List<string> Items, List<string> Urls)> Follow(string first, Func<Uri, RegistryPage<string>> server)
    {
        var urls = new List<string>();
        var items = new List<string>();
        await foreach (var item in RegistryPaging.FollowAsync(new Uri(first), (uri, _) =>
        {
            urls.Add(uri.PathAndQuery);
            return Task.FromResult(server(uri));
        }, s => s, TestContext.Current.CancellationToken))
        {
            items.Add(item);
        }

        return (items, urls);
    }

    private static (int N, string? Last) Query(Uri uri)
    {
        var query = System.Web.HttpUtility.ParseQueryString(uri.Query);
        return (int.TryParse(query["n"], out var n) ? n : int.MaxValue, query["last"]);
    }

    private static string[] After(string? last, int n) => [.. All.Where(t => last is null || string.CompareOrdinal(t, last) > 0).Take(n)];

    [Fact]
    public async Task Follows_link_headers()
    {
        var (items, urls) = await Follow("https://r/v2/a/tags/list?n=10", uri =>
        {
            var (n, last) = Query(uri);
            var page = After(last, n);
            var more = page.Length > 0 && page[^1] != All[^1];
            return new RegistryPage<string>(page, more ? new Uri(uri, $"/v2/a/tags/list?n={n}&last={page[^1]}") : null);
        });

        Assert.Equal(All, items);
        Assert.Equal(["/v2/a/tags/list?n=10", "/v2/a/tags/list?n=10&last=t09", "/v2/a/tags/list?n=10&last=t19"], urls);
    }

    [Fact]
    public async Task Without_links_asks_for_the_next_page_with_last()
    {
        var (items, urls) = await Follow("https://r/v2/_catalog?n=10", uri =>
        {
            var (n, last) = Query(uri);
            return new RegistryPage<string>(After(last, n), null);
        });

        Assert.Equal(All, items);
        Assert.Equal(3, urls.Count);
        Assert.EndsWith("n=10&last=t19", urls[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_registry_that_links_ends_with_a_full_page_without_a_link_and_is_not_asked_again()
    {
        var twenty = All[..20];
        var (items, urls) = await Follow("https://r/v2/a/tags/list?n=10", uri =>
        {
            var (n, last) = Query(uri);
            var page = twenty.Where(t => last is null || string.CompareOrdinal(t, last) > 0).Take(n).ToArray();
            return new RegistryPage<string>(page, page[^1] == twenty[^1] ? null : new Uri(uri, $"/v2/a/tags/list?n={n}&last={page[^1]}"));
        });

        Assert.Equal(twenty, items);
        Assert.Equal(2, urls.Count); // no third request for an empty page
    }

    [Fact]
    public async Task A_registry_that_ignores_n_returns_everything_once()
    {
        var (items, urls) = await Follow("https://r/v2/a/tags/list?n=10", _ => new RegistryPage<string>(All, null));
        Assert.Equal(All, items);
        Assert.Single(urls);
    }

    [Fact]
    public async Task A_registry_that_ignores_last_is_not_followed_in_a_loop()
    {
        var (items, urls) = await Follow("https://r/v2/a/tags/list?n=10", uri => new RegistryPage<string>(After(null, Query(uri).N), null));
        Assert.Equal(2, urls.Count);
        Assert.Equal(20, items.Count); // the repeated page is yielded, then paging stops
    }

    [Fact]
    public async Task A_link_that_repeats_stops_the_listing()
    {
        var (items, urls) = await Follow("https://r/v2/a/tags/list", uri => new RegistryPage<string>(["x"], new Uri("https://r/v2/a/tags/list")));
        Assert.Equal(["x"], items);
        Assert.Single(urls);
    }

    [Fact]
    public void Query_parameters_are_replaced_or_added()
    {
        Assert.Equal("https://r/v2/a/tags/list?n=5&last=b%2Fc", RegistryPaging.WithQuery(new Uri("https://r/v2/a/tags/list?n=5&last=a"), "last", "b/c").AbsoluteUri);
        Assert.Equal("https://r/x?last=z", RegistryPaging.WithQuery(new Uri("https://r/x"), "last", "z").AbsoluteUri);
    }
}
