namespace DockerApiGen.Generator.Semantics;

/// <summary>
/// A C# type as generated code refers to it, kept as structure (namespace, name, type arguments) rather
/// than as text, so that the emitters can print it short where the file imports its namespace and the
/// JSON context can derive the metadata property name the System.Text.Json source generator gives it.
/// </summary>
public abstract record CSharpTypeName
{
    /// <summary>Whether the type is a struct (so that <c>?</c> makes a <see cref="Nullable{T}"/>).</summary>
    public abstract bool IsValueType { get; }

    /// <summary>This type, nullable (<c>T?</c>); a type that already is stays as it is.</summary>
    public CSharpTypeName AsNullable() => this is NullableTypeName ? this : new NullableTypeName(this);

    /// <summary>This type without a nullable marker.</summary>
    public CSharpTypeName WithoutNullable() => this is NullableTypeName nullable ? nullable.Underlying : this;

    /// <summary>Every namespace the type's syntax mentions (its own and its type arguments').</summary>
    public abstract IEnumerable<string> Namespaces();
}

/// <summary>A type C# names with a keyword (<c>string</c>, <c>long</c>, <c>bool</c>…).</summary>
/// <param name="Keyword">The keyword.</param>
/// <param name="ClrName">The framework name (<c>String</c>, <c>Int64</c>), as JSON metadata names it.</param>
/// <param name="IsValue">Whether it is a value type.</param>
public sealed record KeywordTypeName(string Keyword, string ClrName, bool IsValue) : CSharpTypeName
{
    /// <inheritdoc />
    public override bool IsValueType => IsValue;

    /// <inheritdoc />
    public override IEnumerable<string> Namespaces() => [];
}

/// <summary>A named type in a namespace, possibly generic.</summary>
/// <param name="Namespace">Its namespace.</param>
/// <param name="Name">Its simple name.</param>
/// <param name="IsValue">Whether it is a value type.</param>
/// <param name="Arguments">Its type arguments.</param>
public sealed record NamedTypeName(string Namespace, string Name, bool IsValue, IReadOnlyList<CSharpTypeName> Arguments) : CSharpTypeName
{
    /// <summary>A non-generic type.</summary>
    /// <param name="ns">Its namespace.</param>
    /// <param name="name">Its simple name.</param>
    /// <param name="isValue">Whether it is a value type.</param>
    public NamedTypeName(string ns, string name, bool isValue = false)
        : this(ns, name, isValue, [])
    {
    }

    /// <inheritdoc />
    public override bool IsValueType => IsValue;

    /// <summary>The same generic type with other arguments.</summary>
    /// <param name="arguments">The type arguments.</param>
    public NamedTypeName Of(params CSharpTypeName[] arguments) => this with { Arguments = arguments };

    /// <inheritdoc />
    public override IEnumerable<string> Namespaces() => Arguments.SelectMany(a => a.Namespaces()).Prepend(Namespace);

    /// <inheritdoc />
    public bool Equals(NamedTypeName? other)
        => other is not null && Namespace == other.Namespace && Name == other.Name && IsValue == other.IsValue && Arguments.SequenceEqual(other.Arguments);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Namespace, Name, Arguments.Count);
}

/// <summary>A nullable use of a type (<c>T?</c>).</summary>
/// <param name="Underlying">The type.</param>
public sealed record NullableTypeName(CSharpTypeName Underlying) : CSharpTypeName
{
    /// <inheritdoc />
    public override bool IsValueType => Underlying.IsValueType;

    /// <inheritdoc />
    public override IEnumerable<string> Namespaces() => Underlying.Namespaces();
}
