namespace DockerApiGen.Runtime.Versions;

/// <summary>One property of an object <see cref="JsonShape"/>.</summary>
/// <param name="Name">Its JSON name, exactly as the generated model writes it.</param>
/// <param name="Since">The API version that introduced it; <c>default</c> when it is as old as the package's oldest known version.</param>
/// <param name="Value">The shape of its value, when something inside it is versioned.</param>
public readonly record struct JsonShapeProperty(string Name, DockerApiVersion Since = default, JsonShape? Value = null);

/// <summary>
/// Which properties of a JSON body are newer than a package's oldest known version, nested ones included: an
/// object's versioned properties (and those that lead to versioned ones), or the items of a list, or the values of
/// a map. Generated packages hold one per request body type (<c>JsonBodyShapes</c>); a connection that negotiated an
/// older version walks a body's JSON with it (<see cref="JsonShapeWalker"/>) instead of reflecting over the model.
/// Immutable and thread-safe.
/// </summary>
public sealed class JsonShape
{
    private readonly Dictionary<string, JsonShapeProperty>.AlternateLookup<ReadOnlySpan<char>> _byName;

    private JsonShape(JsonShapeKind kind, IReadOnlyList<JsonShapeProperty> properties, JsonShape? inner)
    {
        Kind = kind;
        Properties = properties;
        Inner = inner;
        var byName = new Dictionary<string, JsonShapeProperty>(properties.Count, StringComparer.Ordinal);
        var newest = inner?.Newest ?? default;
        foreach (var property in properties)
        {
            ArgumentNullException.ThrowIfNull(property.Name);
            byName[property.Name] = property;
            newest = Max(newest, Max(property.Since, property.Value?.Newest ?? default));
        }

        _byName = byName.GetAlternateLookup<ReadOnlySpan<char>>();
        Newest = newest;
    }

    /// <summary>An object: its versioned properties and those leading to versioned ones.</summary>
    /// <param name="properties">The properties.</param>
    public static JsonShape Object(params JsonShapeProperty[] properties)
    {
        ArgumentNullException.ThrowIfNull(properties);
        return new JsonShape(JsonShapeKind.Object, properties, null);
    }

    /// <summary>A list whose items have a shape.</summary>
    /// <param name="items">The items' shape.</param>
    public static JsonShape ArrayOf(JsonShape items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return new JsonShape(JsonShapeKind.Array, [], items);
    }

    /// <summary>A map (a JSON object with any keys) whose values have a shape.</summary>
    /// <param name="values">The values' shape.</param>
    public static JsonShape MapOf(JsonShape values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new JsonShape(JsonShapeKind.Map, [], values);
    }

    /// <summary>What kind of value this is the shape of.</summary>
    public JsonShapeKind Kind { get; }

    /// <summary>An object's properties (empty for lists and maps).</summary>
    public IReadOnlyList<JsonShapeProperty> Properties { get; }

    /// <summary>The shape of a list's items or a map's values.</summary>
    public JsonShape? Inner { get; }

    /// <summary>The newest version anything in the shape needs: a connection that negotiated this version or a newer one has nothing to check.</summary>
    public DockerApiVersion Newest { get; }

    /// <summary>Finds an object property by its JSON name.</summary>
    /// <param name="name">The name.</param>
    /// <param name="property">The property.</param>
    public bool TryGetProperty(ReadOnlySpan<char> name, out JsonShapeProperty property) => _byName.TryGetValue(name, out property);

    private static DockerApiVersion Max(DockerApiVersion a, DockerApiVersion b) => a >= b ? a : b;
}

/// <summary>The kinds of <see cref="JsonShape"/>.</summary>
public enum JsonShapeKind
{
    /// <summary>An object with named properties.</summary>
    Object,

    /// <summary>A list.</summary>
    Array,

    /// <summary>A map.</summary>
    Map,
}
