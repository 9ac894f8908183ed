using DockerApiGen.Generator.Model;

namespace DockerApiGen.Generator.Diffing;

/// <summary>Which way each named type travels in a version: sent by the client, received, or both.</summary>
public sealed class TypeUsage
{
    private readonly HashSet<string> _request = new(StringComparer.Ordinal);
    private readonly HashSet<string> _response = new(StringComparer.Ordinal);

    /// <summary>Computes the usage from every operation's parameters and responses, through nested properties.</summary>
    /// <param name="model">The version's model.</param>
    public TypeUsage(ApiModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var types = model.Types.ToDictionary(t => t.Name, StringComparer.Ordinal);
        foreach (var operation in model.Operations)
        {
            foreach (var parameter in operation.Parameters)
            {
                Mark(parameter.Type, _request, types);
            }

            foreach (var response in operation.Responses)
            {
                if (response.Type is { } body)
                {
                    Mark(body, _response, types);
                }
            }
        }
    }

    /// <summary>The direction of a named type (<see cref="ChangeDirection.None"/> when no operation uses it).</summary>
    /// <param name="name">The type's name.</param>
    public ChangeDirection Of(string name)
        => (_request.Contains(name), _response.Contains(name)) switch
        {
            (true, true) => ChangeDirection.Both,
            (true, false) => ChangeDirection.Request,
            (false, true) => ChangeDirection.Response,
            _ => ChangeDirection.None,
        };

    private static void Mark(TypeRef type, HashSet<string> into, Dictionary<string, TypeDefinition> types)
    {
        switch (type)
        {
            case NamedRef named when into.Add(named.Name) && types.TryGetValue(named.Name, out var definition) && definition is ObjectType obj:
                foreach (var property in obj.Properties)
                {
                    Mark(property.Type, into, types);
                }

                break;
            case ArrayRef array:
                Mark(array.Item, into, types);
                break;
            case MapRef map:
                Mark(map.Value, into, types);
                break;
        }
    }
}
