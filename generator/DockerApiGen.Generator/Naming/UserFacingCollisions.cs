using System.Reflection;

namespace DockerApiGen.Generator.Naming;

/// <summary>
/// Names that a generated type must not take because user code that imports the model namespace
/// usually also imports these framework namespaces (the SDK's implicit usings), and the simple name
/// would then be ambiguous (<c>Task</c> is the classic case).
/// </summary>
public static class UserFacingCollisions
{
    private static readonly string[] CommonlyImportedNamespaces =
    [
        "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks",
    ];

    private static readonly Lazy<HashSet<string>> Names = new(Collect);

    /// <summary>Whether a type name would be ambiguous in typical user code, and with which framework type.</summary>
    /// <param name="name">The generated type's name.</param>
    /// <param name="frameworkType">The framework type it collides with.</param>
    public static bool Collides(string name, out string frameworkType)
    {
        foreach (var ns in CommonlyImportedNamespaces)
        {
            if (Names.Value.Contains($"{ns}.{name}"))
            {
                frameworkType = $"{ns}.{name}";
                return true;
            }
        }

        frameworkType = string.Empty;
        return false;
    }

    private static HashSet<string> Collect()
    {
        Assembly[] assemblies =
        [
            typeof(object).Assembly, typeof(Enumerable).Assembly, typeof(HttpClient).Assembly,
            typeof(List<>).Assembly, typeof(Stream).Assembly, typeof(Task).Assembly, typeof(Timer).Assembly,
        ];
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in assemblies.Distinct().SelectMany(a => a.GetExportedTypes()))
        {
            // Only non-generic types make a same-named generated type ambiguous (arity differs otherwise).
            if (!type.IsGenericTypeDefinition && type.Namespace is { } ns && CommonlyImportedNamespaces.Contains(ns))
            {
                names.Add($"{ns}.{type.Name}");
            }
        }

        return names;
    }
}
