using System.Text.RegularExpressions;
using DockerApiGen.Generator.Model;

namespace DockerApiGen.Generator.Availability;

/// <summary>What kind of member a <see cref="MemberKey"/> names.</summary>
public enum MemberKind
{
    /// <summary>An operation.</summary>
    Operation,

    /// <summary>A parameter of an operation.</summary>
    Parameter,

    /// <summary>A property of a model type.</summary>
    Property,
}

/// <summary>
/// A member's identity across versions, as the wire sees it (so renames that do not change the wire do not make
/// a member look new):
/// an operation is its method and path template with the parameter names blanked (<c>GET /containers/{}/json</c>:
/// v1.28 renamed <c>ContainerGetArchive</c> to <c>ContainerArchive</c>, same endpoint); a parameter is its
/// operation, location and wire name (header names without regard to case, as HTTP reads them; one body per
/// operation, whatever the spec calls it); a property is its type's lineage (see <see cref="TypeLineage"/>) and its
/// wire name without regard to case (the daemon's JSON decoder ignores case, and v1.27 spells <c>NanoCpus</c>
/// <c>NanoCPUs</c>).
/// </summary>
/// <param name="Kind">The kind.</param>
/// <param name="Owner">The operation's endpoint, or the parameter's operation, or the property's type lineage.</param>
/// <param name="Name">Empty for an operation; <c>query:name</c>, <c>header:name</c>, <c>path:name</c>, <c>body:</c> for a parameter; the lower-cased wire name for a property.</param>
public sealed partial record MemberKey(MemberKind Kind, string Owner, string Name)
{
    /// <summary>An operation's key.</summary>
    /// <param name="operation">The operation.</param>
    public static MemberKey Operation(OperationModel operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return new MemberKey(MemberKind.Operation, Endpoint(operation), string.Empty);
    }

    /// <summary>A parameter's key.</summary>
    /// <param name="operation">Its operation.</param>
    /// <param name="parameter">The parameter.</param>
    public static MemberKey Parameter(OperationModel operation, ParameterModel parameter)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(parameter);
        var name = parameter.Location switch
        {
            ParameterLocation.Body => string.Empty,
            ParameterLocation.Header => parameter.WireName.ToLowerInvariant(),
            _ => parameter.WireName,
        };
        return new MemberKey(MemberKind.Parameter, Endpoint(operation), $"{parameter.Location.ToString().ToLowerInvariant()}:{name}");
    }

    /// <summary>A property's key.</summary>
    /// <param name="lineage">Its type's lineage.</param>
    /// <param name="wireName">Its wire name.</param>
    public static MemberKey Property(string lineage, string wireName)
    {
        ArgumentNullException.ThrowIfNull(lineage);
        ArgumentNullException.ThrowIfNull(wireName);
        return new MemberKey(MemberKind.Property, lineage, wireName.ToLowerInvariant());
    }

    /// <summary>The endpoint an operation is known by: <c>GET /containers/{}/json</c>.</summary>
    /// <param name="operation">The operation.</param>
    public static string Endpoint(OperationModel operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return $"{operation.Method} {PathParameter().Replace(operation.Path, "{}")}";
    }

    /// <summary>Reads the form <see cref="ToString"/> writes.</summary>
    /// <param name="text">The text.</param>
    /// <exception cref="FormatException">It is not a key.</exception>
    public static MemberKey Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('|');
        return parts.Length == 3 && Enum.TryParse<MemberKind>(parts[0], out var kind)
            ? new MemberKey(kind, parts[1], parts[2])
            : throw new FormatException($"'{text}' is not a member key.");
    }

    /// <summary>The key as one line: <c>Kind|Owner|Name</c>.</summary>
    public override string ToString() => $"{Kind}|{Owner}|{Name}";

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex PathParameter();
}
