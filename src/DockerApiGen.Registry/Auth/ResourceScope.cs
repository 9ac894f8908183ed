namespace DockerApiGen.Registry.Auth;

/// <summary>
/// One resource scope of the token API, <c>type[(class)]:name:action[,action…]</c>, e.g.
/// <c>repository:team/app:pull,push</c> or <c>registry:catalog:*</c>. The name may hold one ':' (a registry's port),
/// so the type ends at the first ':' and the actions start after the last. Actions are kept sorted and distinct.
/// </summary>
public sealed class ResourceScope : IEquatable<ResourceScope>
{
    /// <summary>Creates a scope.</summary>
    /// <param name="type">The resource type, e.g. <c>repository</c> or <c>repository(plugin)</c>.</param>
    /// <param name="name">The resource name, e.g. <c>team/app</c>.</param>
    /// <param name="actions">The actions, e.g. <c>pull</c>, <c>push</c>, <c>delete</c>, <c>*</c>.</param>
    public ResourceScope(string type, string name, IEnumerable<string> actions)
    {
        ArgumentException.ThrowIfNullOrEmpty(type);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(actions);
        Type = type;
        Name = name;
        Actions = [.. actions.Where(a => a.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    /// <summary>The resource type, class included when one was given.</summary>
    public string Type { get; }

    /// <summary>The type without a class: <c>repository</c> for <c>repository(plugin)</c> (registries ignore the class).</summary>
    public string BaseType => Type.IndexOf('(', StringComparison.Ordinal) is var open and > 0 ? Type[..open] : Type;

    /// <summary>The resource name.</summary>
    public string Name { get; }

    /// <summary>The actions, sorted and distinct.</summary>
    public IReadOnlyList<string> Actions { get; }

    /// <summary>The repository scope a request to <paramref name="repository"/> needs.</summary>
    /// <param name="repository">The repository.</param>
    /// <param name="actions">E.g. <c>pull</c>, or <c>pull</c> and <c>push</c>.</param>
    public static ResourceScope Repository(string repository, params string[] actions) => new("repository", repository, actions);

    /// <summary>Parses one scope.</summary>
    /// <param name="text">E.g. <c>repository:127.0.0.1:5000/app:pull</c>.</param>
    /// <exception cref="FormatException">It is not <c>type:name:actions</c>.</exception>
    public static ResourceScope Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var firstColon = text.IndexOf(':', StringComparison.Ordinal);
        var lastColon = text.LastIndexOf(':');
        if (firstColon <= 0 || lastColon == firstColon || lastColon == firstColon + 1)
        {
            throw new FormatException($"The scope '{text}' is not type:name:actions (e.g. repository:team/app:pull,push).");
        }

        var type = text[..firstColon];
        if (!type.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '(' or ')'))
        {
            throw new FormatException($"The scope '{text}' has the resource type '{type}'; a type is lower-case letters and digits, with an optional (class).");
        }

        return new ResourceScope(type, text[(firstColon + 1)..lastColon], text[(lastColon + 1)..].Split(','));
    }

    /// <summary>True when this scope grants everything <paramref name="other"/> asks (same resource, its actions or <c>*</c>).</summary>
    /// <param name="other">The scope needed.</param>
    public bool Covers(ResourceScope other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return BaseType == other.BaseType && Name == other.Name && (Actions.Contains("*") || other.Actions.All(a => Actions.Contains(a, StringComparer.Ordinal)));
    }

    /// <summary>The same resource with the actions of both.</summary>
    /// <param name="other">A scope on the same resource.</param>
    public ResourceScope Merge(ResourceScope other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new ResourceScope(Type, Name, Actions.Concat(other.Actions));
    }

    /// <summary>The wire form, <c>type:name:a,b</c>.</summary>
    public override string ToString() => $"{Type}:{Name}:{string.Join(',', Actions)}";

    /// <inheritdoc />
    public bool Equals(ResourceScope? other) => other is not null && ToString() == other.ToString();

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ResourceScope);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToString());
}
