using System.Runtime.CompilerServices;
using DockerApiGen.Hub.Http;

namespace DockerApiGen.Hub.Paging;

/// <summary>
/// Follows the Hub's paged lists (<c>count</c>, <c>next</c>, <c>previous</c>, <c>results</c>) as one sequence of pages:
/// the first page, then each <c>next</c> link until there is none or one leads back to a page already read. A
/// relative link resolves against the current page; an absolute one on the base address's origin is taken as it
/// is; an absolute one elsewhere (a Hub behind a proxy or a test server writes its public address) keeps its path
/// and query under the base address, so tokens never leave it. <see cref="HubConnection.PagesAsync"/> and
/// <see cref="HubConnection.ItemsAsync"/> use it; it is public for callers who fetch pages their own way.
/// </summary>
public static class HubPaging
{
    /// <summary>The pages of a list, fetched as the caller reads.</summary>
    /// <typeparam name="TPage">The page type.</typeparam>
    /// <param name="baseAddress">The client's base address: links to other hosts are followed here.</param>
    /// <param name="firstPage">The first page's absolute URL.</param>
    /// <param name="fetchPage">Fetches one page; null ends the list (an empty answer).</param>
    /// <param name="nextOf">The page's <c>next</c> link.</param>
    /// <param name="operation">The list's operation, for errors.</param>
    /// <param name="cancellationToken">Cancels fetching.</param>
    /// <exception cref="InvalidDataException">A <c>next</c> link is not an http or https URL.</exception>
    public static async IAsyncEnumerable<TPage> FollowAsync<TPage>(
        Uri baseAddress,
        Uri firstPage,
        Func<Uri, CancellationToken, Task<TPage?>> fetchPage,
        Func<TPage, string?> nextOf,
        string operation,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        ArgumentNullException.ThrowIfNull(firstPage);
        ArgumentNullException.ThrowIfNull(fetchPage);
        ArgumentNullException.ThrowIfNull(nextOf);
        var visited = new HashSet<string>(StringComparer.Ordinal);
        Uri? uri = firstPage;
        while (uri is not null && visited.Add(PageKey(uri)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = await fetchPage(uri, cancellationToken).ConfigureAwait(false);
            if (page is null)
            {
                yield break;
            }

            yield return page;
            uri = ResolveNext(baseAddress, uri, nextOf(page), operation);
        }
    }

    /// <summary>
    /// What identifies a page, to notice a <c>next</c> link that leads back: the URL with its query parameters sorted
    /// and <c>page=1</c> where no page is given (the Hub's documented default), so <c>?page_size=10</c> and
    /// <c>?page=1&amp;page_size=10</c> are the same page.
    /// </summary>
    internal static string PageKey(Uri uri)
    {
        var parameters = uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (!parameters.Any(p => p == "page" || p.StartsWith("page=", StringComparison.Ordinal)))
        {
            parameters.Add("page=1");
        }

        parameters.Sort(StringComparer.Ordinal);
        return uri.GetLeftPart(UriPartial.Path) + "?" + string.Join('&', parameters);
    }

    /// <summary>
    /// The page a <c>next</c> link names: relative links resolve against the current page; absolute ones on the base
    /// address's origin are taken as they are; absolute ones elsewhere (a Hub behind a proxy or test server that
    /// writes its public address) keep their path and query under the base address, so tokens never leave it.
    /// </summary>
    /// <exception cref="InvalidDataException">The link is not an http or https URL.</exception>
    internal static Uri? ResolveNext(Uri baseAddress, Uri current, string? next, string operation)
    {
        if (string.IsNullOrWhiteSpace(next))
        {
            return null;
        }

        if (!Uri.TryCreate(current, next.Trim(), out var resolved) || resolved.Scheme is not ("http" or "https"))
        {
            throw new InvalidDataException($"Docker Hub's 'next' link of {operation} is not an http or https URL: '{next}'.");
        }

        if (HubAddress.IsSameOrigin(baseAddress, resolved))
        {
            return resolved;
        }

        var prefix = baseAddress.AbsolutePath.TrimEnd('/');
        var pathAndQuery = resolved.PathAndQuery;
        return HubAddress.Join(baseAddress, prefix.Length > 0 && pathAndQuery.StartsWith(prefix + "/", StringComparison.Ordinal) ? pathAndQuery[prefix.Length..] : pathAndQuery);
    }
}
