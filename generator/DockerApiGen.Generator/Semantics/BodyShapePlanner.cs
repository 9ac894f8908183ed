using DockerApiGen.Generator.Availability;
using DockerApiGen.Generator.Diagnostics;
using DockerApiGen.Generator.Model;

namespace DockerApiGen.Generator.Semantics;

/// <summary>
/// Decides the versioned shapes of the JSON request bodies: for each object type a body reaches, the properties
/// newer than the oldest locked version and those whose value holds such properties (through lists and maps
/// too). A negotiating client walks a body's JSON with its shape to find the values the daemon's version lacks,
/// without reflection. Types whose subtree holds nothing versioned get no shape, so most bodies cost nothing.
/// </summary>
/// <param name="model">The version's model.</param>
/// <param name="availability">The version's markers.</param>
public sealed class BodyShapePlanner(ApiModel model, VersionAvailability availability)
{
    private readonly Dictionary<string, BodyShape?> _done = new(StringComparer.Ordinal);
    private readonly HashSet<string> _inProgress = new(StringComparer.Ordinal);
    private readonly HashSet<string> _reachedWhileInProgress = new(StringComparer.Ordinal);
    private readonly List<BodyShape> _ordered = [];

    /// <summary>The shape of a body of this type, planning the shapes it needs; null when nothing in it is versioned.</summary>
    /// <param name="type">The body's type.</param>
    /// <exception cref="GenerationException">A shaped type reaches itself (the shapes are static fields, each after the ones it uses).</exception>
    public ShapeValue? For(TypeRef type)
    {
        ArgumentNullException.ThrowIfNull(type);
        switch (type)
        {
            case ArrayRef array:
                return For(array.Item) is { } item ? new ArrayShapeValue(item) : null;
            case MapRef map:
                return For(map.Value) is { } value ? new MapShapeValue(value) : null;
            case NamedRef named when model.FindType(named.Name) is ObjectType obj:
                return Plan(obj) is null ? null : new ObjectShapeValue(obj.Name);
            default:
                return null;
        }
    }

    /// <summary>The planned shapes, each after the shapes it uses.</summary>
    /// <param name="className">The class that will hold them.</param>
    public BodyShapes Build(string className) => new(className, _ordered.ToList());

    private BodyShape? Plan(ObjectType type)
    {
        if (_done.TryGetValue(type.Name, out var done))
        {
            return done;
        }

        if (!_inProgress.Add(type.Name))
        {
            // A cycle: harmless unless the type turns out to have a shape (checked when it is done).
            _reachedWhileInProgress.Add(type.Name);
            return null;
        }

        var properties = new List<BodyShapeProperty>();
        foreach (var property in type.Properties)
        {
            var since = availability.Property(type.Name, property.WireName).Since;
            var value = For(property.Type);
            if (since is not null || value is not null)
            {
                properties.Add(new BodyShapeProperty(property.WireName, since, value));
            }
        }

        _inProgress.Remove(type.Name);
        var shape = properties.Count == 0 ? null : new BodyShape(type.Name, properties);
        if (shape is not null && _reachedWhileInProgress.Contains(type.Name))
        {
            throw new GenerationException(new SpecProblem(model.SpecFile, null, null, type.SchemaPointer,
                $"The request body type {type.Name} reaches itself and holds versioned members; the generated body shapes (static fields, each after the ones it uses) cannot express a cycle.",
                "Teach BodyShapePlanner and the runtime's JsonShape a lazy reference."));
        }

        _done[type.Name] = shape;
        if (shape is not null)
        {
            _ordered.Add(shape);
        }

        return shape;
    }
}
