namespace DockerApiGen.Registry.Http;

/// <summary>One page of a listing (tags, repositories, referrers) and the link to the next, if the answer had one.</summary>
/// <typeparam name="T">The entry type.</typeparam>
/// <param name="Items">The page's entries.</param>
/// <param name="Next">The next page's absolute URL from the <c>Link</c> header, or null.</param>
public sealed record RegistryPage<T>(IReadOnlyList<T> Items, Uri? Next);
