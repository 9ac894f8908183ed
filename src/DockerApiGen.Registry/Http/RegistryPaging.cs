using System.Runtime.CompilerServices;

namespace DockerApiGen.Registry.Http;

/// <summary>
/// Follows a paged listing to its end as one sequence. The <c>Link</c> header's <c>rel="next"</c> is preferred; when
/// an answer has none but returned exactly the <c>n</c> entries asked for, the next page is asked for with
/// <c>last=</c> the page's last entry (older registries page that way), unless an earlier page had a link (the registry
/// links, so a page without one is the last). Listing stops when a page is short, when a
/// registry ignores <c>n</c> (more entries than asked) or <c>last</c> (the page repeats it), or when a link repeats.
/// </summary>
public static class RegistryPaging
{
    /// <summary>Enumerates every entry of a listing, fetching pages as the caller reads.</summary>
    /// <typeparam name="T">The entry type.</typeparam>
    /// <param name="firstPage">The first page's URL, with <c>n</c> when pages should have a size.</param>
    /// <param name="fetchPage">Fetches one page (and reads its <c>Link</c>, e.g. with <see cref="LinkHeader.FindNext"/>).</param>
    /// <param name="key">The text of an entry as <c>last</c> takes it (the tag or repository name).</param>
    /// <param name="cancellationToken">Cancels fetching.</param>
    public static IAsyncEnumerable<T> FollowAsync<T>(
        Uri firstPage,
        Func<Uri, CancellationToken, Task<RegistryPage<T>>> fetchPage,
        Func<T, string> key,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(firstPage);
        ArgumentNullException.ThrowIfNull(fetchPage);
        return FollowAsync(async token => (firstPage, await fetchPage(firstPage, token).ConfigureAwait(false)), fetchPage, key, cancellationToken);
    }

    /// <summary>Enumerates every entry of a listing whose first page is fetched another way (a generated operation), then the next pages by URL.</summary>
    /// <typeparam name="T">The entry type.</typeparam>
    /// <param name="firstPage">Fetches the first page and says the URL it came from (with <c>n</c> when pages should have a size).</param>
    /// <param name="fetchPage">Fetches a next page by its URL.</param>
    /// <param name="key">The text of an entry as <c>last</c> takes it (the tag or repository name).</param>
    /// <param name="cancellationToken">Cancels fetching.</param>
    public static async IAsyncEnumerable<T> FollowAsync<T>(
        Func<CancellationToken, Task<(Uri Uri, RegistryPage<T> Page)>> firstPage,
        Func<Uri, CancellationToken, Task<RegistryPage<T>>> fetchPage,
        Func<T, string> key,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(firstPage);
        ArgumentNullException.ThrowIfNull(fetchPage);
        ArgumentNullException.ThrowIfNull(key);
        var (uri, page) = await firstPage(cancellationToken).ConfigureAwait(false);
        var visited = new HashSet<string>(StringComparer.Ordinal) { uri.AbsoluteUri };
        var linked = false;
        while (true)
        {
            foreach (var item in page.Items)
            {
                yield return item;
            }

            var next = page.Next;
            linked |= next is not null;
            if (next is null && !linked)
            {
                // A registry that pages without links: a full page may have a next one. (One that links says where
                // its last page is by leaving the link out.)
                var size = QueryString.Get(uri, "n") is { } n && int.TryParse(n, out var parsed) ? parsed : 0;
                var last = QueryString.Get(uri, "last");
                var ignoredLast = last is not null && page.Items.Any(item => key(item) == last);
                next = size > 0 && page.Items.Count == size && !ignoredLast ? WithQuery(uri, "last", key(page.Items[^1])) : null;
            }

            if (next is null || !visited.Add(next.AbsoluteUri))
            {
                yield break;
            }

            cancellationToken.ThrowIfCancellationRequested();
            uri = next;
            page = await fetchPage(uri, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The URL with one query parameter set (replaced when present, appended otherwise), other parameters kept.</summary>
    /// <param name="uri">An absolute URL.</param>
    /// <param name="name">The parameter.</param>
    /// <param name="value">Its value (escaped here).</param>
    public static Uri WithQuery(Uri uri, string name, string value)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var parts = uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !string.Equals(Uri.UnescapeDataString(p.Split('=')[0]), name, StringComparison.Ordinal))
            .Append(Uri.EscapeDataString(name) + "=" + Uri.EscapeDataString(value));
        return new UriBuilder(uri) { Query = string.Join('&', parts) }.Uri;
    }
}
