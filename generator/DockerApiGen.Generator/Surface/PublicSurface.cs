using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DockerApiGen.Generator.Surface;

/// <summary>
/// Reads the public surface of a compiled assembly from Roslyn symbols: one line per public type and
/// per public or protected member, with signature, nullability, serialization attributes (they decide
/// the wire format) and the runtime's operation and availability attributes (which operation a method calls,
/// which API versions a member exists in), sorted ordinally. Snapshot tests and the C#-level API diff read this text.
/// </summary>
public static class PublicSurface
{
    private static readonly SymbolDisplayFormat TypeFormat = new(
        globalNamespaceStyle: SymbolDisplayGlobalNamespaceStyle.Omitted,
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters | SymbolDisplayGenericsOptions.IncludeTypeConstraints | SymbolDisplayGenericsOptions.IncludeVariance,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.UseSpecialTypes | SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier | SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers);

    private static readonly SymbolDisplayFormat MemberFormat = new(
        globalNamespaceStyle: SymbolDisplayGlobalNamespaceStyle.Omitted,
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters | SymbolDisplayGenericsOptions.IncludeTypeConstraints,
        memberOptions: SymbolDisplayMemberOptions.IncludeParameters | SymbolDisplayMemberOptions.IncludeContainingType
            | SymbolDisplayMemberOptions.IncludeExplicitInterface | SymbolDisplayMemberOptions.IncludeConstantValue | SymbolDisplayMemberOptions.IncludeRef,
        kindOptions: SymbolDisplayKindOptions.IncludeMemberKeyword,
        propertyStyle: SymbolDisplayPropertyStyle.ShowReadWriteDescriptor,
        parameterOptions: SymbolDisplayParameterOptions.IncludeType | SymbolDisplayParameterOptions.IncludeName | SymbolDisplayParameterOptions.IncludeDefaultValue
            | SymbolDisplayParameterOptions.IncludeParamsRefOut | SymbolDisplayParameterOptions.IncludeExtensionThis,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.UseSpecialTypes | SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier | SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers);

    /// <summary>The surface of the compilation's own assembly, one line per entry, sorted, LF-terminated.</summary>
    /// <param name="compilation">The compilation.</param>
    public static string Read(Compilation compilation)
        => string.Join('\n', ReadEntries(compilation).Select(e => e.Line)) + "\n";

    /// <summary>The surface as entries (a type, or a member of one), sorted by line.</summary>
    /// <param name="compilation">The compilation.</param>
    public static IReadOnlyList<SurfaceEntry> ReadEntries(Compilation compilation)
    {
        ArgumentNullException.ThrowIfNull(compilation);
        var entries = new List<SurfaceEntry>();
        foreach (var type in AllTypes(compilation.Assembly.GlobalNamespace).Where(IsVisible))
        {
            var typeName = type.ToDisplayString(TypeFormat);
            var typeLine = DescribeType(type);
            entries.Add(new SurfaceEntry(typeName, null, typeLine[(typeName.Length + 3)..], typeLine));
            foreach (var member in type.GetMembers().Where(m => IsVisible(m) && !m.IsImplicitlyDeclared && m is not INamedTypeSymbol && !IsAccessor(m)))
            {
                var display = member.ToDisplayString(MemberFormat);
                var line = DescribeMember(member);
                var key = display.StartsWith(typeName + ".", StringComparison.Ordinal) ? display[(typeName.Length + 1)..] : display;
                var detail = line[(line.IndexOf(display, StringComparison.Ordinal) + display.Length)..].Trim();
                entries.Add(new SurfaceEntry(typeName, key, detail.StartsWith(": ", StringComparison.Ordinal) ? detail[2..] : detail, line));
            }
        }

        return entries.OrderBy(e => e.Line, StringComparer.Ordinal).ToList();
    }

    private static IEnumerable<INamedTypeSymbol> AllTypes(INamespaceSymbol ns)
    {
        foreach (var type in ns.GetTypeMembers())
        {
            foreach (var nested in WithNested(type))
            {
                yield return nested;
            }
        }

        foreach (var child in ns.GetNamespaceMembers())
        {
            foreach (var type in AllTypes(child))
            {
                yield return type;
            }
        }
    }

    private static IEnumerable<INamedTypeSymbol> WithNested(INamedTypeSymbol type)
    {
        yield return type;
        foreach (var nested in type.GetTypeMembers().SelectMany(WithNested))
        {
            yield return nested;
        }
    }

    private static bool IsVisible(ISymbol symbol)
    {
        for (var current = symbol; current is not null and not INamespaceSymbol; current = current.ContainingSymbol)
        {
            if (current.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAccessor(ISymbol member)
        => member is IMethodSymbol { MethodKind: MethodKind.PropertyGet or MethodKind.PropertySet or MethodKind.EventAdd or MethodKind.EventRemove };

    private static string DescribeType(INamedTypeSymbol type)
    {
        var kind = type.TypeKind switch
        {
            TypeKind.Struct when type.IsReadOnly => "readonly struct",
            TypeKind.Struct => "struct",
            TypeKind.Interface => "interface",
            TypeKind.Enum => "enum",
            TypeKind.Delegate => "delegate",
            _ => string.Join(' ', new[] { type.IsStatic ? "static" : null, type.IsAbstract && !type.IsStatic ? "abstract" : null, type.IsSealed && !type.IsStatic ? "sealed" : null, "class" }.OfType<string>()),
        };
        var bases = new List<string>();
        if (type.BaseType is { SpecialType: not SpecialType.System_Object and not SpecialType.System_ValueType } baseType)
        {
            bases.Add(baseType.ToDisplayString(TypeFormat));
        }

        bases.AddRange(type.Interfaces.Select(i => i.ToDisplayString(TypeFormat)).Order(StringComparer.Ordinal));
        var attributes = SerializationAttributes(type);
        return $"{type.ToDisplayString(TypeFormat)} : {kind}{(bases.Count > 0 ? " : " + string.Join(", ", bases) : string.Empty)}{attributes}";
    }

    // "Type.Member(parameters) { get; set; } : ResultType (modifiers) [attributes]": the name first, so a
    // sorted surface groups members under their type.
    private static string DescribeMember(ISymbol member)
    {
        var type = member switch
        {
            IPropertySymbol property => property.Type.ToDisplayString(TypeFormat),
            IFieldSymbol field => field.Type.ToDisplayString(TypeFormat),
            IEventSymbol @event => @event.Type.ToDisplayString(TypeFormat),
            IMethodSymbol { MethodKind: MethodKind.Constructor } => null,
            IMethodSymbol method => method.ReturnType.ToDisplayString(TypeFormat),
            _ => null,
        };
        var modifiers = new[]
        {
            member.DeclaredAccessibility == Accessibility.Public ? null : "protected",
            member.IsStatic ? "static" : null,
            member.IsAbstract ? "abstract" : null,
            member.IsVirtual ? "virtual" : null,
            member.IsOverride ? "override" : null,
            member.IsSealed && member.IsOverride ? "sealed" : null,
            member is IFieldSymbol { IsConst: true } ? "const" : null,
            member is IFieldSymbol { IsReadOnly: true } ? "readonly" : null,
        }.OfType<string>().ToList();
        return $"{member.ToDisplayString(MemberFormat)}{(type is null ? string.Empty : " : " + type)}{(modifiers.Count > 0 ? " (" + string.Join(' ', modifiers) + ")" : string.Empty)}{SerializationAttributes(member)}";
    }

    // These attributes decide the wire format, so they are part of the surface. (The context's
    // [JsonSerializable] list is not: each type it names appears as a property of the context.)
    private static readonly HashSet<string> WireAttributes = new(StringComparer.Ordinal)
    {
        "JsonPropertyNameAttribute", "JsonConverterAttribute", "JsonExtensionDataAttribute", "JsonIgnoreAttribute", "JsonRequiredAttribute",
    };

    // These say which operation a method calls and which API versions a member exists in.
    private static readonly HashSet<string> RuntimeAttributes = new(StringComparer.Ordinal)
    {
        "DockerOperationAttribute", "DockerApiVersionAttribute",
    };

    private static string SerializationAttributes(ISymbol symbol)
    {
        var attributes = symbol.GetAttributes()
            .Where(a => (a.AttributeClass?.ContainingNamespace?.ToDisplayString() == "System.Text.Json.Serialization" && WireAttributes.Contains(a.AttributeClass.Name))
                || (a.AttributeClass?.ContainingNamespace?.ToDisplayString() == "DockerApiGen.Runtime" && RuntimeAttributes.Contains(a.AttributeClass.Name)))
            .Select(a => $"[{a.AttributeClass!.Name.Replace("Attribute", string.Empty, StringComparison.Ordinal)}({string.Join(", ", a.ConstructorArguments.Select(Argument).Concat(a.NamedArguments.Select(n => $"{n.Key} = {Argument(n.Value)}")))})]")
            .Order(StringComparer.Ordinal)
            .ToList();
        return attributes.Count == 0 ? string.Empty : " " + string.Join(string.Empty, attributes);
    }

    private static string Argument(TypedConstant constant)
        => constant.Kind switch
        {
            TypedConstantKind.Type => ((ITypeSymbol)constant.Value!).ToDisplayString(TypeFormat),
            TypedConstantKind.Array => "[" + string.Join(", ", constant.Values.Select(Argument)) + "]",
            _ => constant.ToCSharpString(),
        };
}
