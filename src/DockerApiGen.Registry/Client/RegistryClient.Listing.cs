using System.Text.Json.Serialization.Metadata;
using DockerApiGen.Registry.Http;
using DockerApiGen.Registry.Models;
using DockerApiGen.Registry.References;
using DockerApiGen.Runtime.Http;

namespace DockerApiGen.Registry;

public sealed partial class RegistryClient
{
    /// <summary>
    /// The tags of a repository, fetched a page at a time as the caller reads: each <c>Link: rel="next"</c> is
    /// followed, and a registry that pages without links is asked for the next page with <c>last</c>. Registries that
    /// ignore <c>n</c> (Docker's registry 2.8 for tags) answer with every tag at once. Order: the registry's.
    /// </summary>
    /// <param name="repository">The repository (its tag or digest, if any, is ignored).</param>
    /// <param name="pageSize">How many tags to ask for per page; null for the registry's default.</param>
    /// <param name="cancellationToken">Ends the enumeration.</param>
    /// <exception cref="Errors.RegistryNotFoundException">The repository does not exist (NAME_UNKNOWN).</exception>
    public IAsyncEnumerable<string> ListTagsAsync(ImageReference repository, int? pageSize = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repository);
        CheckPageSize(pageSize);
        var api = ApiFor(repository);
        return PagedAsync(
            api,
            token => api.Tags.ListAsync(repository.Repository, new TagsListOptions { N = pageSize, }, token),
            RegistryJsonContext.Default.TagList,
            "TagsList",
            page => page.Tags ?? [],
            cancellationToken);
    }

    /// <summary>The tags of a repository (see <see cref="ListTagsAsync(ImageReference, int?, CancellationToken)"/>).</summary>
    /// <param name="repository">The repository, e.g. <c>127.0.0.1:5000/team/app</c> or <c>busybox</c>.</param>
    /// <param name="pageSize">How many tags to ask for per page; null for the registry's default.</param>
    /// <param name="cancellationToken">Ends the enumeration.</param>
    /// <exception cref="ImageReferenceFormatException">The repository is not a valid reference.</exception>
    public IAsyncEnumerable<string> ListTagsAsync(string repository, int? pageSize = null, CancellationToken cancellationToken = default)
        => ListTagsAsync(ImageReference.Parse(repository), pageSize, cancellationToken);

    /// <summary>
    /// The repositories of a registry (its catalog, <c>/v2/_catalog</c>), fetched a page at a time as the caller reads
    /// (<c>Link</c>, else <c>n</c>/<c>last</c>). Many public registries do not serve the catalog; a token for it needs the
    /// scope <c>registry:catalog:*</c>.
    /// </summary>
    /// <param name="registry">The registry, e.g. <c>127.0.0.1:5000</c>.</param>
    /// <param name="pageSize">How many names to ask for per page (Docker's registry takes at most 1000); null for the registry's default.</param>
    /// <param name="cancellationToken">Ends the enumeration.</param>
    public IAsyncEnumerable<string> ListRepositoriesAsync(string registry, int? pageSize = null, CancellationToken cancellationToken = default)
    {
        CheckPageSize(pageSize);
        var api = Api(registry);
        return PagedAsync(
            api,
            token => api.Catalog.ListAsync(new CatalogListOptions { N = pageSize }, token),
            RegistryJsonContext.Default.Catalog,
            "CatalogList",
            page => page.Repositories ?? [],
            cancellationToken);
    }

    private static void CheckPageSize(int? pageSize)
    {
        if (pageSize is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(pageSize), pageSize, "A page size must be positive (or null for the registry's default).");
        }
    }

    /// <summary>
    /// Every entry of a paged listing (see <see cref="RegistryPaging"/>): the first page from the generated operation,
    /// then each next page at the URL its <c>Link</c> gives, kept on the registry's own host so that credentials never
    /// follow a link elsewhere, or with <c>last</c> when a full page came without a link.
    /// </summary>
    private static IAsyncEnumerable<string> PagedAsync<TPage>(
        RegistryApiClient api,
        Func<CancellationToken, Task<RegistryResponse<TPage>>> first,
        JsonTypeInfo<TPage> typeInfo,
        string operation,
        Func<TPage, IList<string>> items,
        CancellationToken cancellationToken)
    {
        return RegistryPaging.FollowAsync(FirstAsync, NextAsync, static entry => entry, cancellationToken);

        async Task<(Uri, RegistryPage<string>)> FirstAsync(CancellationToken token)
        {
            var page = await first(token).ConfigureAwait(false);
            return (page.RequestUri ?? throw new InvalidOperationException("The answer has no request URL."), Page(page));
        }

        async Task<RegistryPage<string>> NextAsync(Uri next, CancellationToken token)
            => Page(await api.Connection.SendWithHeadersAsync(new DockerRequest(HttpMethod.Get, next, operation), typeInfo, token).ConfigureAwait(false));

        RegistryPage<string> Page(RegistryResponse<TPage> page)
            => new([.. items(page.Value)], page.NextPage is { } link && page.RequestUri is { } current ? OnSameHost(current, link) : null);
    }

    private static Uri OnSameHost(Uri current, Uri link)
        => string.Equals(current.Authority, link.Authority, StringComparison.OrdinalIgnoreCase) && current.Scheme == link.Scheme
            ? link
            : new Uri(current, link.PathAndQuery);
}
