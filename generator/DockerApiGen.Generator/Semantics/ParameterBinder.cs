using DockerApiGen.Generator.Model;

namespace DockerApiGen.Generator.Semantics;

/// <summary>How one query or header parameter is typed in C# and written on the wire.</summary>
/// <param name="Type">The C# type (not yet nullable for options).</param>
/// <param name="Target">Where it travels.</param>
/// <param name="Encoding">How it is written.</param>
/// <param name="Json">JSON metadata for JSON encodings.</param>
/// <param name="EnumKind">The enumeration's kind for enumeration encodings.</param>
/// <param name="IsSecret">Carries credentials.</param>
public sealed record ParameterBinding(CSharpTypeName Type, RequestTarget Target, WireEncoding Encoding, JsonContextEntry? Json, EnumKind? EnumKind, bool IsSecret);

/// <summary>How a request body is typed in C# and written.</summary>
/// <param name="Type">The C# type.</param>
/// <param name="Encoding">JSON or a stream.</param>
/// <param name="Json">JSON metadata of a JSON body.</param>
/// <param name="ContentType">The content type of a streamed body, or of a JSON body sent as another JSON media type (<c>application/scim+json</c>).</param>
public sealed record BodyBinding(CSharpTypeName Type, WireEncoding Encoding, JsonContextEntry? Json, string? ContentType);

/// <summary>
/// Decides how query, header and body parameters are typed and encoded: as the spec types them, or as
/// the operations file declares where the spec has a string that carries structure (filters, JSON maps and
/// lists, platforms, registry credentials). A parameter the client cannot send is reported with what to
/// declare.
/// </summary>
/// <param name="types">The type mapping.</param>
/// <param name="json">The JSON context being planned.</param>
/// <param name="config">The operations declarations.</param>
/// <param name="report">Where problems go.</param>
public sealed class ParameterBinder(TypeMapper types, JsonContextPlanner json, OperationsConfig config, Action<OperationModel, string> report)
{
    /// <summary>Binds a query or header parameter; null (and a reported problem) when it cannot be sent.</summary>
    /// <param name="operation">Its operation.</param>
    /// <param name="parameter">The parameter.</param>
    public ParameterBinding? Bind(OperationModel operation, ParameterModel parameter)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(parameter);
        var isHeader = parameter.Location == ParameterLocation.Header;
        var isContentType = isHeader && string.Equals(parameter.WireName, "Content-Type", StringComparison.OrdinalIgnoreCase);
        var target = isContentType ? RequestTarget.ContentType : isHeader ? RequestTarget.Header : RequestTarget.Query;
        var declared = config.ParameterOf(operation.OperationId, parameter.WireName);
        if (declared is not null && declared.Encoding != ParameterEncoding.Plain)
        {
            return Declared(operation, parameter, declared, target);
        }

        // The body's length is a content header: it is set on the body, never sent as a header of its own.
        if (isHeader && string.Equals(parameter.WireName, "Content-Length", StringComparison.OrdinalIgnoreCase))
        {
            return parameter.Type is PrimitiveRef { Kind: PrimitiveKind.Int64 or PrimitiveKind.Int32 }
                ? new ParameterBinding(KnownTypes.Int64, RequestTarget.ContentLength, WireEncoding.Text, null, null, false)
                : Unsupported(operation, parameter);
        }

        var enumKind = parameter.Type is NamedRef named && types.Find(named.Name) is EnumType enumType ? enumType.Kind : (EnumKind?)null;
        if (isContentType)
        {
            return parameter.Type switch
            {
                PrimitiveRef { Kind: PrimitiveKind.String } => new ParameterBinding(KnownTypes.String, target, WireEncoding.Text, null, null, false),
                NamedRef when enumKind is not null => new ParameterBinding(types.NameOf(parameter.Type), target, WireEncoding.EnumValue, null, enumKind, false),
                _ => Unsupported(operation, parameter),
            };
        }

        switch (parameter.Type)
        {
            case PrimitiveRef { Kind: PrimitiveKind.String }:
                return new ParameterBinding(KnownTypes.String, target, WireEncoding.Text, null, null, false);
            // Dates travel as RFC 3339 text (OpenAPI's date-time), which the runtime's request writes.
            case PrimitiveRef primitive when !isHeader && primitive.Kind is not PrimitiveKind.Binary:
                return new ParameterBinding(types.NameOf(primitive), target, WireEncoding.Text, null, null, false);
            case NamedRef when enumKind is not null:
                return new ParameterBinding(types.NameOf(parameter.Type), target, WireEncoding.EnumValue, null, enumKind, false);
            case ArrayRef { Item: PrimitiveRef { Kind: PrimitiveKind.String } } when !isHeader:
                return new ParameterBinding(KnownTypes.IList.Of(KnownTypes.String), target, WireEncoding.Text, null, null, false);
            case ArrayRef { Item: NamedRef item } when !isHeader && types.Find(item.Name) is EnumType itemType:
                return new ParameterBinding(KnownTypes.IList.Of(types.NameOf(item)), target, WireEncoding.EnumValues, null, itemType.Kind, false);
            default:
                return Unsupported(operation, parameter);
        }
    }

    /// <summary>Binds a body parameter; null (and a reported problem) when it cannot be sent.</summary>
    /// <param name="operation">Its operation.</param>
    /// <param name="parameter">The body parameter.</param>
    public BodyBinding? BindBody(OperationModel operation, ParameterModel parameter)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(parameter);
        if (config.ParameterOf(operation.OperationId, parameter.WireName) is { Encoding: ParameterEncoding.Bytes })
        {
            // The caller's bytes whatever the schemas say (content that must arrive byte-exact); the operation's
            // Content-Type parameter, when it has one, names what they are.
            return new BodyBinding(KnownTypes.Stream, WireEncoding.Stream, null, "application/octet-stream");
        }

        switch (parameter.Type)
        {
            case PrimitiveRef { Kind: PrimitiveKind.Binary or PrimitiveKind.String }:
                var contentType = operation.Consumes.FirstOrDefault(c => c is not ("application/json" or "text/plain")) ?? "application/octet-stream";
                return new BodyBinding(KnownTypes.Stream, WireEncoding.Stream, null, contentType);
            case NamedRef named when types.Find(named.Name) is ObjectType:
            case ArrayRef or MapRef:
                return new BodyBinding(types.NameOf(parameter.Type), WireEncoding.Json, json.Entry(parameter.Type), JsonMediaType(operation));
            default:
                report(operation, $"The body of '{operation.OperationId}' has a type the client cannot send ({parameter.Type}).");
                return null;
        }
    }

    /// <summary>
    /// The media type a JSON body is sent as when the operation does not take <c>application/json</c> but another
    /// JSON media type (SCIM's <c>application/scim+json</c>); null for <c>application/json</c>, the runtime's default.
    /// </summary>
    private static string? JsonMediaType(OperationModel operation)
        => operation.Consumes.Contains("application/json", StringComparer.OrdinalIgnoreCase) ? null
            : operation.Consumes.FirstOrDefault(c => c.EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    private ParameterBinding? Declared(OperationModel operation, ParameterModel parameter, ParameterSemantics declared, RequestTarget target)
    {
        // The declaration wins over a scalar type: some specs type JSON-carrying strings wrongly
        // (v1.25–v1.3x declare buildargs as an integer).
        var isScalar = parameter.Type is PrimitiveRef { Kind: not (PrimitiveKind.Binary or PrimitiveKind.DateTime) };
        var isStringList = parameter.Type is ArrayRef { Item: PrimitiveRef { Kind: PrimitiveKind.String } };
        if (!(isScalar || (declared.Encoding == ParameterEncoding.Json && isStringList)))
        {
            report(operation, $"Parameter '{parameter.WireName}' of '{operation.OperationId}' is declared {declared.Encoding} in {config.File} (line {declared.Line}), but the spec types it as {parameter.Type}, which is {(declared.Encoding == ParameterEncoding.Json ? "neither a scalar nor a list of strings" : "not a scalar")}.");
            return null;
        }

        switch (declared.Encoding)
        {
            case ParameterEncoding.Filters:
                return new ParameterBinding(KnownTypes.DockerFilters, target, WireEncoding.Text, null, null, false);
            case ParameterEncoding.JsonStringMap:
                var map = KnownTypes.IDictionary.Of(KnownTypes.String, KnownTypes.String);
                return new ParameterBinding(map, target, WireEncoding.Json, json.Entry(map), null, false);
            case ParameterEncoding.JsonStringList:
                var list = KnownTypes.IList.Of(KnownTypes.String);
                return new ParameterBinding(list, target, WireEncoding.Json, json.Entry(list), null, false);
            case ParameterEncoding.Json or ParameterEncoding.JsonList:
                if (types.Find(declared.Type!) is not ObjectType)
                {
                    report(operation, $"Parameter '{parameter.WireName}' of '{operation.OperationId}' is declared as JSON of '{declared.Type}' in {config.File} (line {declared.Line}), which this version does not define as an object.");
                    return null;
                }

                var item = types.NameOf(new NamedRef(declared.Type!));
                if (declared.Encoding == ParameterEncoding.JsonList)
                {
                    var items = KnownTypes.IList.Of(item);
                    return new ParameterBinding(items, target, WireEncoding.Json, json.Entry(items), null, false);
                }

                // One value where the spec has a string, one per repetition where it has a list (platform became a list in v1.52).
                return isScalar
                    ? new ParameterBinding(item, target, WireEncoding.Json, json.Entry(item), null, false)
                    : new ParameterBinding(KnownTypes.IList.Of(item), target, WireEncoding.JsonEach, json.Entry(item), null, false);
            case ParameterEncoding.RegistryAuth:
                return new ParameterBinding(KnownTypes.RegistryCredentials, target, WireEncoding.Text, null, null, true);
            case ParameterEncoding.RegistryConfig:
                return new ParameterBinding(KnownTypes.IReadOnlyDictionary.Of(KnownTypes.String, KnownTypes.RegistryCredentials), target, WireEncoding.Text, null, null, true);
            case ParameterEncoding.Segments or ParameterEncoding.Location or ParameterEncoding.Bytes:
                report(operation, $"Parameter '{parameter.WireName}' of '{operation.OperationId}' is declared `{declared.Encoding}` in {config.File} (line {declared.Line}), which is for {(declared.Encoding == ParameterEncoding.Bytes ? "bodies" : "path parameters")}, not query or header parameters.");
                return null;
            default:
                throw new InvalidOperationException($"Unknown encoding {declared.Encoding}.");
        }
    }

    private ParameterBinding? Unsupported(OperationModel operation, ParameterModel parameter)
    {
        report(operation, $"Parameter '{parameter.WireName}' of '{operation.OperationId}' has a type the client cannot send ({parameter.Type}); declare its encoding under `parameters` in {config.File}.");
        return null;
    }
}
