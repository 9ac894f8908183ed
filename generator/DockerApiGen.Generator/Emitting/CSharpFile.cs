using DockerApiGen.Generator.Semantics;

namespace DockerApiGen.Generator.Emitting;

/// <summary>
/// One generated C# file: a header, the <c>using</c> directives its body needs, a file-scoped namespace
/// and the body. Types are printed through <see cref="Type"/>, which writes each by its simple name and
/// records its namespace, so the file imports exactly what it uses. A short name that became ambiguous
/// would fail the in-memory compilation, and generated type names that would shadow the framework's are
/// refused when the model is built (<c>UserFacingCollisions</c>).
/// </summary>
public sealed class CSharpFile
{
    private readonly SortedSet<string> _usings = new(UsingOrder.Instance);
    private readonly string _namespace;
    private readonly HashSet<string> _namespaceNames;

    /// <summary>Starts a file in a namespace.</summary>
    /// <param name="ns">The file-scoped namespace.</param>
    /// <param name="names">The package's names (its namespaces and runtime types).</param>
    public CSharpFile(string ns, PackageNames names)
    {
        ArgumentException.ThrowIfNullOrEmpty(ns);
        ArgumentNullException.ThrowIfNull(names);
        _namespace = ns;
        _namespaceNames = NamespaceNamesInScope(ns, [.. KnownTypes.Namespaces, names.RootNamespace, names.ModelsNamespace, names.Connection.Namespace, names.ClientOptions.Namespace]);
    }

    /// <summary>The body, written after the namespace declaration.</summary>
    public SourceWriter Body { get; } = new();

    /// <summary>Prints a type by its simple name (with type arguments and nullable marker) and imports its namespaces.</summary>
    /// <param name="type">The type.</param>
    public string Type(CSharpTypeName type)
    {
        ArgumentNullException.ThrowIfNull(type);
        switch (type)
        {
            case KeywordTypeName keyword:
                return keyword.Keyword;
            case NullableTypeName nullable:
                return Type(nullable.Underlying) + "?";
            case NamedTypeName named:
                var arguments = named.Arguments.Count == 0 ? string.Empty : $"<{string.Join(", ", named.Arguments.Select(Type))}>";
                if (_namespaceNames.Contains(named.Name))
                {
                    // A simple name that is also a namespace in scope (a model named Runtime inside
                    // DockerApiGen.*) would bind to the namespace: qualify it.
                    return $"global::{named.Namespace}.{named.Name}{arguments}";
                }

                Import(named.Namespace);
                return named.Name + arguments;
            default:
                throw new InvalidOperationException($"Unknown type {type}.");
        }
    }

    /// <summary>Prints an attribute's name (without the <c>Attribute</c> suffix) and imports its namespace.</summary>
    /// <param name="attribute">The attribute type.</param>
    public string Attribute(NamedTypeName attribute)
    {
        ArgumentNullException.ThrowIfNull(attribute);
        var name = Type(attribute);
        return name.EndsWith("Attribute", StringComparison.Ordinal) ? name[..^"Attribute".Length] : name;
    }

    /// <summary>The file's text: header, usings, namespace, body.</summary>
    /// <param name="header">The generated-file header.</param>
    public string ToText(string header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var text = new SourceWriter();
        foreach (var line in header.TrimEnd('\n').Split('\n'))
        {
            text.Line(line);
        }

        text.Line();
        foreach (var ns in _usings)
        {
            text.Line($"using {ns};");
        }

        if (_usings.Count > 0)
        {
            text.Line();
        }

        text.Line($"namespace {_namespace};");
        text.Line();
        return text + Body.ToString();
    }

    /// <summary>Imports a namespace whose extension methods the body calls (<c>System.Linq</c>).</summary>
    /// <param name="ns">The namespace.</param>
    public void Using(string ns) => Import(ns);

    private void Import(string ns)
    {
        // The file's own namespace and its parents are in scope already.
        if (ns.Length > 0 && ns != _namespace && !_namespace.StartsWith(ns + ".", StringComparison.Ordinal))
        {
            _usings.Add(ns);
        }
    }

    /// <summary>
    /// The names that, inside <paramref name="ns"/>, denote namespaces: for the file's namespace and each
    /// of its parents, the next segment of every known namespace below it.
    /// </summary>
    private static HashSet<string> NamespaceNamesInScope(string ns, IEnumerable<string> known)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var segments = ns.Split('.');
        foreach (var candidate in known)
        {
            for (var depth = 1; depth <= segments.Length; depth++)
            {
                var scope = string.Join('.', segments.Take(depth)) + ".";
                if (candidate.StartsWith(scope, StringComparison.Ordinal))
                {
                    names.Add(candidate[scope.Length..].Split('.')[0]);
                }
            }

            names.Add(candidate.Split('.')[0]);
        }

        return names;
    }

    /// <summary>System namespaces first, then the rest, each ordinally (the .NET convention).</summary>
    private sealed class UsingOrder : IComparer<string>
    {
        public static readonly UsingOrder Instance = new();

        public int Compare(string? x, string? y)
        {
            var xSystem = x == "System" || x!.StartsWith("System.", StringComparison.Ordinal);
            var ySystem = y == "System" || y!.StartsWith("System.", StringComparison.Ordinal);
            return xSystem != ySystem ? (xSystem ? -1 : 1) : string.CompareOrdinal(x, y);
        }
    }
}
