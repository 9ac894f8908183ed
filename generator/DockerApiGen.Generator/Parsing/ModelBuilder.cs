using System.Globalization;
using DockerApiGen.Generator.Diagnostics;
using DockerApiGen.Generator.Loading;
using DockerApiGen.Generator.Model;
using DockerApiGen.Generator.Naming;
using DockerApiGen.Generator.Patching;
using DockerApiGen.Generator.Specs;
using NJsonSchema;
using NSwag;

namespace DockerApiGen.Generator.Parsing;

/// <summary>
/// Turns NSwag's view of a spec (Swagger 2.0 or OpenAPI 3.0) into the immutable <see cref="ApiModel"/>: every
/// schema that becomes a type gets its final C# name here (definition or component key; else <c>title</c>,
/// then <c>x-go-name</c>, then owner + property or operation + role), <c>allOf</c> is flattened, and every
/// problem (name clash, invalid identifier, unsupported enum) is collected with its spec line. Operations,
/// bodies and responses are read in <c>ModelBuilder.Operations.cs</c>, servers and security in
/// <c>ModelBuilder.Document.cs</c>.
/// </summary>
public sealed partial class ModelBuilder
{
    /// <summary>Vendor extension our patches put on set-like maps (<c>{"80/tcp": {}}</c>).</summary>
    public const string StringSetExtension = "x-dockerapigen-string-set";

    /// <summary>Vendor extension our patches put on string lists that daemons may also send as one string.</summary>
    public const string CommandLineExtension = "x-dockerapigen-command-line";

    /// <summary>Vendor extension naming the members of an integer enumeration, in value order.</summary>
    public const string EnumNamesExtension = "x-enum-varnames";

    /// <summary>The name of the generated member that keeps JSON fields unknown to the spec.</summary>
    public const string ExtensionDataMemberName = "AdditionalProperties";

    // Members every generated open enum already has; a listed value with one of these names gets a suffix.
    private static readonly HashSet<string> ReservedEnumMemberNames = new(StringComparer.Ordinal)
    {
        "Value", "IsKnown", "FromValue", "Equals", "GetHashCode", "ToString", "GetType",
    };

    private readonly OpenApiDocument _document;
    private readonly System.Text.Json.Nodes.JsonObject _json;
    private readonly SourceMap _map;
    private readonly NamingConfig _naming;
    private readonly SpecFormat _format;
    private readonly string _schemasPointer;
    private readonly string _componentsPointer;
    private readonly Dictionary<JsonSchema, string> _definitionKeys = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, TypeRef> _refsByPointer = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TypeDefinition> _types = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _pointerOfName = new(StringComparer.Ordinal);
    private readonly List<SpecProblem> _problems = [];

    private ModelBuilder(LoadedSpec spec, NamingConfig naming)
    {
        _document = spec.Document;
        _json = spec.Json;
        _map = spec.Map;
        _naming = naming;
        _format = spec.Format;
        _schemasPointer = _format == SpecFormat.OpenApi3 ? "/components/schemas" : "/definitions";
        _componentsPointer = _format == SpecFormat.OpenApi3 ? "/components" : string.Empty;
        foreach (var (key, schema) in _document.Definitions)
        {
            _definitionKeys[schema] = key;
        }

        IndexComponents();
    }

    /// <summary>Builds the model of one version.</summary>
    /// <param name="spec">The loaded spec (NSwag's document, the patched JSON and its source map).</param>
    /// <param name="naming">The project's naming decisions.</param>
    /// <exception cref="GenerationException">Any schema cannot be named or typed.</exception>
    public static ApiModel Build(LoadedSpec spec, NamingConfig naming)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(naming);
        var builder = new ModelBuilder(spec, naming);
        foreach (var key in spec.Document.Definitions.Keys.Order(StringComparer.Ordinal))
        {
            builder.ResolveDefinition(key);
        }

        builder.CheckComponentNames();
        var operations = builder.BuildOperations();
        var servers = builder.BuildServers();
        var schemes = builder.BuildSecuritySchemes();
        if (builder._problems.Count > 0)
        {
            throw new GenerationException(builder._problems);
        }

        var types = builder._types.Values.OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
        return new ApiModel(spec.Version, spec.File, types, operations, spec.Patches)
        {
            Format = spec.Format,
            Servers = servers,
            SecuritySchemes = schemes,
            Security = Requirements(spec.Document.Security),
        };
    }

    private TypeRef ResolveDefinition(string key)
    {
        var pointer = _schemasPointer + "/" + SourceMap.Escape(key);
        if (_refsByPointer.TryGetValue(pointer, out var known))
        {
            return known;
        }

        var schema = _document.Definitions[key];
        var enumKind = EnumKindOf(schema, pointer);
        if (IsObjectLike(schema) || IsFreeFormObject(schema) || enumKind is not null)
        {
            var name = Register(_naming.Rename(Identifiers.ToPascalCase(key)), pointer);
            var named = new NamedRef(name);
            _refsByPointer[pointer] = named; // Before building: definitions may refer to themselves.
            AddType(enumKind is { } kind
                ? BuildEnum(name, schema, pointer, NameSource.Definition, kind)
                : BuildObject(name, schema, pointer, NameSource.Definition));
            return named;
        }

        // Aliases (arrays, maps, scalars) are not types of their own: their shape is used in place.
        var alias = ResolveSchemaCore(schema, Identifiers.ToPascalCase(key), pointer);
        _refsByPointer[pointer] = alias;
        return alias;
    }

    /// <summary>The type of a schema at a pointer; an inline schema that becomes a type is named from <paramref name="contextName"/> unless it names itself.</summary>
    /// <param name="schema">The schema.</param>
    /// <param name="contextName">The name derived from where it is used.</param>
    /// <param name="pointer">Where the schema is (a type is made once per pointer).</param>
    /// <param name="contextSource">How <paramref name="contextName"/> was made: from the use (owner + property, operation + role) or a component's key.</param>
    private TypeRef Resolve(JsonSchema? schema, string contextName, string pointer, NameSource contextSource = NameSource.Context)
    {
        if (schema is null)
        {
            return new AnyRef();
        }

        if (_refsByPointer.TryGetValue(pointer, out var known))
        {
            return known;
        }

        var resolved = ResolveSchemaCore(schema, contextName, pointer, contextSource);
        _refsByPointer[pointer] = resolved;
        return resolved;
    }

    private TypeRef ResolveSchemaCore(JsonSchema schema, string contextName, string pointer, NameSource contextSource = NameSource.Context)
    {
        if (HasExtension(schema, StringSetExtension))
        {
            return new StringSetRef();
        }

        if (HasExtension(schema, CommandLineExtension))
        {
            return new CommandLineRef();
        }

        if (schema.Reference is { } target)
        {
            return ResolveReference(target, pointer);
        }

        // `allOf: [$ref]` with nothing beside it is how the spec attaches a description to a reference.
        if (schema.AllOf.Count == 1 && schema.AllOf.First().Reference is { } wrapped && schema.Properties.Count == 0)
        {
            return ResolveReference(wrapped, pointer);
        }

        if (IsObjectLike(schema))
        {
            var (name, source) = InlineName(schema, contextName, pointer, contextSource);
            name = Register(name, pointer);
            var named = new NamedRef(name);
            _refsByPointer[pointer] = named;
            AddType(BuildObject(name, schema, pointer, source));
            return named;
        }

        if (EnumKindOf(schema, pointer) is { } kind)
        {
            var (name, source) = InlineName(schema, contextName, pointer, contextSource);
            name = Register(name, pointer);
            AddType(BuildEnum(name, schema, pointer, source, kind));
            return new NamedRef(name);
        }

        var type = schema.Type;
        if (type.HasFlag(JsonObjectType.Array) && type.HasFlag(JsonObjectType.String))
        {
            return new CommandLineRef();
        }

        if (type.HasFlag(JsonObjectType.Array))
        {
            return new ArrayRef(Resolve(schema.Item, contextName + "Item", pointer + "/items"));
        }

        if (type.HasFlag(JsonObjectType.Object))
        {
            return new MapRef(schema.AdditionalPropertiesSchema is { } values
                ? Resolve(values, contextName + "Value", pointer + "/additionalProperties")
                : new AnyRef());
        }

        return (TypeRef?)Primitive(schema, pointer) ?? new AnyRef();
    }

    private TypeRef ResolveReference(JsonSchema target, string pointer)
    {
        if (_definitionKeys.TryGetValue(target, out var key))
        {
            return ResolveDefinition(key);
        }

        Report(pointer, $"The $ref does not point at a schema under #{_schemasPointer}.", $"Only references to #{_schemasPointer}/… are supported in schemas.");
        return new AnyRef();
    }

    private PrimitiveRef? Primitive(JsonSchema schema, string pointer)
    {
        var format = string.IsNullOrEmpty(schema.Format) ? null : schema.Format;
        var type = schema.Type & ~JsonObjectType.Null;
        switch (type)
        {
            case JsonObjectType.String:
                return new PrimitiveRef(
                    format switch
                    {
                        "dateTime" or "date-time" => PrimitiveKind.DateTime,
                        "binary" => PrimitiveKind.Binary,
                        _ => PrimitiveKind.String,
                    },
                    format);
            case JsonObjectType.Boolean:
                return new PrimitiveRef(PrimitiveKind.Boolean, format);
            case JsonObjectType.Integer:
                return new PrimitiveRef(IntegerKind(format, pointer), format);
            case JsonObjectType.Number:
                return new PrimitiveRef(format == "float" ? PrimitiveKind.Float : PrimitiveKind.Double, format);
            case JsonObjectType.File:
                return new PrimitiveRef(PrimitiveKind.Binary, format);
            default:
                return null;
        }
    }

    private PrimitiveKind IntegerKind(string? format, string pointer)
    {
        switch (format)
        {
            case null or "int64" or "int":
                return PrimitiveKind.Int64;
            case "int32":
                return PrimitiveKind.Int32;
            case "int16":
                return PrimitiveKind.Int16;
            case "int8":
                return PrimitiveKind.Int8;
            case "uint64":
                return PrimitiveKind.UInt64;
            case "uint32":
                return PrimitiveKind.UInt32;
            case "uint16":
                return PrimitiveKind.UInt16;
            case "uint8":
                return PrimitiveKind.UInt8;
            default:
                Report(pointer, $"Unknown integer format '{format}'.", "Use int8–int64 or uint8–uint64, or patch the spec.");
                return PrimitiveKind.Int64;
        }
    }

    private ObjectType BuildObject(string name, JsonSchema schema, string pointer, NameSource source)
    {
        var properties = new List<PropertyModel>();
        CollectProperties(name, schema, pointer, properties);
        var deduplicated = properties
            .GroupBy(p => p.WireName, StringComparer.Ordinal)
            .Select(Restated)
            .ToList();
        CheckMemberNames(name, deduplicated);
        return new ObjectType(name, pointer, Text(schema.Description), source, deduplicated);
    }

    /// <summary>
    /// A property that allOf members declare more than once: the last declaration wins, as in Go embedding; but a
    /// restatement that gives no type (only an example or a description, as the Hub's SCIM errors do) keeps the
    /// type an earlier member gave, since allOf means both hold.
    /// </summary>
    private static PropertyModel Restated(IGrouping<string, PropertyModel> declarations)
    {
        var last = declarations.Last();
        return last.Type is AnyRef && declarations.LastOrDefault(p => p.Type is not AnyRef) is { } typed
            ? last with { Type = typed.Type, Description = last.Description ?? typed.Description }
            : last;
    }

    private void CollectProperties(string ownerName, JsonSchema schema, string pointer, List<PropertyModel> into)
    {
        var index = 0;
        foreach (var member in schema.AllOf)
        {
            if (member.Reference is { } target && _definitionKeys.TryGetValue(target, out var key))
            {
                ResolveDefinition(key); // Name the referenced definition's inline schemas in its own context first.
                CollectProperties(ownerName, target, _schemasPointer + "/" + SourceMap.Escape(key), into);
            }
            else
            {
                CollectProperties(ownerName, member.ActualSchema, $"{pointer}/allOf/{index}", into);
            }

            index++;
        }

        foreach (var (wireName, property) in schema.Properties)
        {
            var propertyPointer = $"{pointer}/properties/{SourceMap.Escape(wireName)}";
            var memberName = Identifiers.ToPascalCase(wireName);
            var type = Resolve(property, ownerName + memberName, propertyPointer);
            into.Add(new PropertyModel(
                wireName,
                memberName,
                type,
                property.IsRequired,
                property.IsNullableRaw,
                property.IsReadOnly,
                IsDeprecated(property),
                Text(property.Description),
                propertyPointer)
            {
                IsWriteOnly = property.IsWriteOnly,
            });
        }
    }

    private void CheckMemberNames(string typeName, List<PropertyModel> properties)
    {
        for (var i = 0; i < properties.Count; i++)
        {
            var property = properties[i];
            if (!Identifiers.IsValidIdentifier(property.Name))
            {
                Report(property.SchemaPointer, $"The property '{property.WireName}' of {typeName} gives no valid C# name ('{property.Name}').");
            }

            // C# forbids a member named like its type, and the extension-data member's name is taken.
            if (property.Name == typeName || property.Name == ExtensionDataMemberName)
            {
                properties[i] = property with { Name = property.Name + "Value" };
            }
        }

        foreach (var clash in properties.GroupBy(p => p.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var wireNames = string.Join(", ", clash.Select(p => $"'{p.WireName}'"));
            Report(clash.Last().SchemaPointer, $"The properties {wireNames} of {typeName} all map to the C# name '{clash.Key}'.", "Patch the spec so that the names differ.");
        }
    }

    private EnumType BuildEnum(string name, JsonSchema schema, string pointer, NameSource source, EnumKind kind)
    {
        var values = schema.Enumeration.Where(v => v is not null).Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)!).Distinct(StringComparer.Ordinal).ToList();
        // Read from the JSON itself: NJsonSchema consumes x-enum-varnames but does not keep it.
        var declaredNames = JsonPointer.Resolve(_json, pointer)?[EnumNamesExtension] is System.Text.Json.Nodes.JsonArray names
            ? names.Select(n => n?.ToString() ?? string.Empty).ToList()
            : null;
        if (declaredNames is not null && declaredNames.Count != values.Count)
        {
            Report(pointer, $"{EnumNamesExtension} lists {declaredNames.Count} names for {values.Count} values.");
            declaredNames = null;
        }

        var members = values
            .Select((value, i) => new EnumMember(
                declaredNames?[i] ?? (kind == EnumKind.Integer ? "Value" + value.Replace("-", "Minus", StringComparison.Ordinal) : Identifiers.EnumMemberName(value)),
                value))
            .Select(m => ReservedEnumMemberNames.Contains(m.Name) ? m with { Name = m.Name + "Value" } : m)
            .ToList();
        foreach (var clash in members.GroupBy(m => m.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            Report(pointer, $"The values {string.Join(", ", clash.Select(m => $"'{m.WireValue}'"))} of {name} all map to the member name '{clash.Key}'.", "Patch the spec with x-enum-varnames.");
        }

        foreach (var member in members.Where(m => m.Name == name || !Identifiers.IsValidIdentifier(m.Name)))
        {
            Report(pointer, $"The value '{member.WireValue}' of {name} gives the member name '{member.Name}', which C# does not allow here.", "Patch the spec with x-enum-varnames.");
        }

        return new EnumType(name, pointer, Text(schema.Description), source, kind, members);
    }

    private EnumKind? EnumKindOf(JsonSchema schema, string pointer)
    {
        var values = schema.Enumeration.Where(v => v is not null).ToList();
        if (values.Count == 0 || schema.Reference is not null)
        {
            return null;
        }

        if (values.All(v => v is string))
        {
            return EnumKind.String;
        }

        if (values.All(v => v is long or int or short or byte))
        {
            return EnumKind.Integer;
        }

        if (values.All(v => v is Newtonsoft.Json.Linq.JObject { Count: 0 }))
        {
            return null; // `enum: [{}]` on set-like map values: carries no information.
        }

        Report(pointer, "The enum mixes value kinds or lists objects; only string or integer enums are supported.");
        return null;
    }

    private static bool IsObjectLike(JsonSchema schema)
        => schema.Reference is null
            && !HasExtension(schema, StringSetExtension)
            && (schema.Properties.Count > 0 || (schema.AllOf.Count > 0 && !(schema.AllOf.Count == 1 && schema.AllOf.First().Reference is not null)));

    private static bool IsFreeFormObject(JsonSchema schema)
        => schema.Reference is null && schema.Type == JsonObjectType.Object && schema.AdditionalPropertiesSchema is null
            && schema.Properties.Count == 0 && schema.AllOf.Count == 0 && !HasExtension(schema, StringSetExtension);

    private (string Name, NameSource Source) InlineName(JsonSchema schema, string contextName, string pointer, NameSource contextSource)
    {
        if (_naming.InlineNames.TryGetValue(pointer, out var configured))
        {
            return (configured, NameSource.Configured);
        }

        if (!string.IsNullOrWhiteSpace(schema.Title))
        {
            return (_naming.Rename(Identifiers.ToPascalCase(schema.Title)), NameSource.Title);
        }

        if (ExtensionString(schema, "x-go-name") is { Length: > 0 } goName)
        {
            return (_naming.Rename(Identifiers.ToPascalCase(goName)), NameSource.GoName);
        }

        return (_naming.Rename(contextName), contextSource);
    }

    private string Register(string name, string pointer)
    {
        if (!Identifiers.IsValidIdentifier(name))
        {
            Report(pointer, $"The schema gives no valid C# type name ('{name}').", $"Give it a title with a patch, or a rename in {_naming.File}.");
        }
        else if (_pointerOfName.TryGetValue(name, out var other) && other != pointer)
        {
            var at = _map.Find(other) is { } position ? $" (line {position.Line})" : string.Empty;
            Report(pointer, $"Type name clash: '{name}' is also the name of the schema at {other}{at}.", $"Give one of them another name in {_naming.File} (typeRenames, inlineNames), with a title patch, or rename a component with a renameTo patch; names are never numbered.");
        }
        else if (UserFacingCollisions.Collides(name, out var frameworkType))
        {
            Report(pointer, $"The type name '{name}' would be ambiguous with {frameworkType} in user code.", $"Rename it in {_naming.File} (typeRenames).");
        }

        _pointerOfName[name] = pointer;
        return name;
    }

    private void AddType(TypeDefinition type) => _types[type.Name] = type;

    private static bool IsDeprecated(JsonSchema schema)
        => schema.IsDeprecated
            || (schema.Description is { } description
                && (description.TrimStart().StartsWith("Deprecated", StringComparison.OrdinalIgnoreCase)
                    || description.Contains("**Deprecated**", StringComparison.OrdinalIgnoreCase)));

    private static bool HasExtension(JsonSchema schema, string name)
        => schema.ExtensionData?.TryGetValue(name, out var value) == true && value is true;

    private static string? ExtensionString(JsonSchema schema, string name)
        => schema.ExtensionData?.TryGetValue(name, out var value) == true ? value as string : null;

    private static string? Text(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim().ReplaceLineEndings("\n");

    private void Report(string pointer, string message, string? hint = null)
    {
        var position = _map.Find(pointer);
        _problems.Add(new SpecProblem(_map.File, position?.Line, position?.Column, pointer, message, hint));
    }
}
