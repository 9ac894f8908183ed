using DockerApiGen.Generator.Model;

namespace DockerApiGen.Generator.Semantics;

/// <summary>
/// Decides which properties are nullable in C#. A property is non-nullable only when the spec requires it
/// and does not mark it <c>x-nullable: true</c>; collections are always nullable because daemons send
/// <c>null</c> for required ones; and a required object property that would start a cycle of
/// <c>= new()</c> initializers stays nullable so that constructing a model never recurses.
/// </summary>
public sealed class NullabilityPolicy
{
    private readonly TypeMapper _types;
    private readonly Dictionary<string, List<string>> _requiredObjectEdges = new(StringComparer.Ordinal);

    /// <summary>Prepares the policy for a version's model.</summary>
    /// <param name="model">The model.</param>
    /// <param name="types">The type mapping.</param>
    public NullabilityPolicy(ApiModel model, TypeMapper types)
    {
        ArgumentNullException.ThrowIfNull(model);
        _types = types;
        foreach (var type in model.Types.OfType<ObjectType>())
        {
            _requiredObjectEdges[type.Name] = type.Properties
                .Where(p => IsRequiredNonNullable(p) && p.Type is NamedRef && types.Map(p.Type).Initializer == Initializer.NewObject)
                .Select(p => ((NamedRef)p.Type).Name)
                .ToList();
        }
    }

    /// <summary>Whether the property is nullable in C#.</summary>
    /// <param name="owner">The type that declares it.</param>
    /// <param name="property">The property.</param>
    public bool IsNullable(ObjectType owner, PropertyModel property)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(property);
        var type = _types.Map(property.Type);
        if (type.IsCollection || !IsRequiredNonNullable(property))
        {
            return true;
        }

        return property.Type is NamedRef target && type.Initializer == Initializer.NewObject && Reaches(target.Name, owner.Name, []);
    }

    private static bool IsRequiredNonNullable(PropertyModel property) => property.IsRequired && property.Nullable != true;

    private bool Reaches(string from, string to, HashSet<string> seen)
    {
        if (from == to)
        {
            return true;
        }

        if (!seen.Add(from) || !_requiredObjectEdges.TryGetValue(from, out var next))
        {
            return false;
        }

        return next.Any(n => Reaches(n, to, seen));
    }
}
