namespace DockerApiGen.Registry.Auth;

/// <summary>
/// The access a token is asked for or holds: resource scopes, one per resource, with merged actions, in a canonical
/// order (so equal sets have equal <see cref="ToString"/>, which keys the token cache). Empty means no resource
/// (what <c>/v2/</c> needs).
/// </summary>
public sealed class TokenScope : IEquatable<TokenScope>
{
    private TokenScope(IReadOnlyList<ResourceScope> resources) => Resources = resources;

    /// <summary>No resource.</summary>
    public static TokenScope Empty { get; } = new([]);

    /// <summary>The resource scopes, sorted by type and name.</summary>
    public IReadOnlyList<ResourceScope> Resources { get; }

    /// <summary>True when there is no resource.</summary>
    public bool IsEmpty => Resources.Count == 0;

    /// <summary>A set of the given scopes, merging those on one resource.</summary>
    /// <param name="resources">The scopes.</param>
    public static TokenScope Of(IEnumerable<ResourceScope> resources)
    {
        ArgumentNullException.ThrowIfNull(resources);
        var merged = new Dictionary<(string, string), ResourceScope>();
        foreach (var resource in resources)
        {
            var key = (resource.BaseType, resource.Name);
            merged[key] = merged.TryGetValue(key, out var existing) ? existing.Merge(resource) : resource;
        }

        return merged.Count == 0 ? Empty : new([.. merged.Values.OrderBy(r => r.BaseType, StringComparer.Ordinal).ThenBy(r => r.Name, StringComparer.Ordinal)]);
    }

    /// <summary>Parses space-separated scopes, as a challenge's <c>scope</c> holds them; null or blank gives <see cref="Empty"/>.</summary>
    /// <param name="text">The scopes.</param>
    /// <exception cref="FormatException">A scope is malformed.</exception>
    public static TokenScope Parse(string? text)
        => string.IsNullOrWhiteSpace(text) ? Empty : Of(text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(ResourceScope.Parse));

    /// <summary>Both sets' resources, with actions merged.</summary>
    /// <param name="other">The other set.</param>
    public TokenScope Union(TokenScope other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return other.IsEmpty ? this : IsEmpty ? other : Of(Resources.Concat(other.Resources));
    }

    /// <summary>True when every resource <paramref name="needed"/> asks for is granted here.</summary>
    /// <param name="needed">The access needed.</param>
    public bool Covers(TokenScope needed)
    {
        ArgumentNullException.ThrowIfNull(needed);
        return needed.Resources.All(n => Resources.Any(r => r.Covers(n)));
    }

    /// <summary>The scopes space-separated, as the OAuth2 form's single <c>scope</c> field takes them.</summary>
    public override string ToString() => string.Join(' ', Resources);

    /// <inheritdoc />
    public bool Equals(TokenScope? other) => other is not null && ToString() == other.ToString();

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as TokenScope);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToString());
}
