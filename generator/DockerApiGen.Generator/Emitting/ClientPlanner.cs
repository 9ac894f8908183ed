using System.Globalization;
using DockerApiGen.Generator.Diagnostics;
using DockerApiGen.Generator.Model;
using DockerApiGen.Generator.Naming;
using DockerApiGen.Generator.Semantics;

namespace DockerApiGen.Generator.Emitting;

/// <summary>
/// Decides the client surface of one version from its model and <c>specs/operations.yaml</c>: a sub-client
/// per tag, a method per operation (name, positional parameters, options type), how each parameter is
/// encoded and how each answer is read. Anything the declarations do not cover (a new tag, an answer the
/// spec types as a bare string, a parameter that cannot be encoded) is an error naming what to declare.
/// </summary>
public sealed class ClientPlanner
{
    private const string Runtime = "global::DockerApiGen.Runtime";
    private readonly ApiModel _model;
    private readonly OperationsConfig _config;
    private readonly EmitSettings _settings;
    private readonly CSharpTypes _types;
    private readonly Dictionary<string, TypeDefinition> _definitions;
    private readonly SortedSet<string> _jsonTypes = new(StringComparer.Ordinal);
    private readonly List<SpecProblem> _problems = [];

    private ClientPlanner(ApiModel model, OperationsConfig config, EmitSettings settings)
    {
        _model = model;
        _config = config;
        _settings = settings;
        _types = new CSharpTypes(model, $"global::{settings.ModelsNamespace}.");
        _definitions = model.Types.ToDictionary(t => t.Name, StringComparer.Ordinal);
    }

    private string Context => $"global::{_settings.RootNamespace}.{_settings.JsonContextName}.Default";

    /// <summary>Plans the clients of a version.</summary>
    /// <param name="model">The version's model.</param>
    /// <param name="config">The operations declarations.</param>
    /// <param name="settings">Names for the version.</param>
    /// <exception cref="GenerationException">An operation needs a declaration it does not have.</exception>
    public static ClientPlan Plan(ApiModel model, OperationsConfig config, EmitSettings settings)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(settings);
        return new ClientPlanner(model, config, settings).Plan();
    }

    private ClientPlan Plan()
    {
        var areas = new List<AreaPlan>();
        foreach (var group in _model.Operations.GroupBy(o => _config.TagOf(o.OperationId, o.Tag), StringComparer.Ordinal))
        {
            if (!_config.Areas.TryGetValue(group.Key, out var area))
            {
                Report(group.First(), $"Tag '{group.Key}' has no area: add it under `areas` in {_config.File} (property and noun).");
                continue;
            }

            var methods = group.Select(o => PlanMethod(o, area)).OfType<MethodPlan>().OrderBy(m => m.Name, StringComparer.Ordinal).ToList();
            foreach (var duplicate in methods.GroupBy(m => m.Name).Where(g => g.Count() > 1))
            {
                Report(duplicate.First().Operation, $"Operations {string.Join(" and ", duplicate.Select(m => m.Operation.OperationId))} would both be {area.Property}.{duplicate.Key}: give one a name under `methodNames` in {_config.File}.");
            }

            var className = area.Property + "Client";
            CheckFreeName(className, group.First());
            areas.Add(new AreaPlan(area, className, methods));
        }

        CheckFreeName("DockerClient", _model.Operations[0]);
        if (_problems.Count > 0)
        {
            throw new GenerationException(_problems);
        }

        return new ClientPlan(areas.OrderBy(a => a.Area.Property, StringComparer.Ordinal).ToList(), _jsonTypes);
    }

    private MethodPlan? PlanMethod(OperationModel operation, AreaConfig area)
    {
        var baseName = _config.MethodNames.TryGetValue(operation.OperationId, out var declared) ? declared : StripNoun(operation.OperationId, area.Noun);
        if (baseName.Length == 0 || !Identifiers.IsValidIdentifier(baseName))
        {
            Report(operation, $"'{operation.OperationId}' without '{area.Noun}' leaves no method name: add one under `methodNames` in {_config.File}.");
            return null;
        }

        // Positional order: path parameters, then required query and header parameters, then the body
        // (whatever order the spec lists them in), so calls read like the URL.
        var pathParameters = new List<PositionalParameter>();
        var positional = new List<PositionalParameter>();
        var bodyParameters = new List<PositionalParameter>();
        var optionalPositional = new List<PositionalParameter>();
        var statements = new List<string>();
        var options = new List<OptionProperty>();
        var optionsName = operation.OperationId + "Options";
        string path = operation.Path;
        string? bodyStatement = null;
        string? contentTypeStatement = null;

        foreach (var parameter in operation.Parameters)
        {
            switch (parameter.Location)
            {
                case ParameterLocation.Path:
                {
                    var name = parameter.Name;
                    var csharp = _types.Of(parameter.Type);
                    var escaped = csharp.Syntax == "string"
                        ? $"{{(global::DockerApiGen.Runtime.Http.DockerRequest.Escape({name}, nameof({name})))}}"
                        : $"{{({name}.ToString(global::System.Globalization.CultureInfo.InvariantCulture))}}";
                    path = path.Replace("{" + parameter.WireName + "}", escaped, StringComparison.Ordinal);
                    pathParameters.Add(new PositionalParameter(name, csharp.Syntax, false, ParameterDoc(parameter), null));
                    break;
                }

                case ParameterLocation.Query or ParameterLocation.Header:
                {
                    var encoded = Encode(operation, parameter);
                    if (encoded is null)
                    {
                        continue;
                    }

                    var (type, call, isSecret) = encoded.Value;
                    var isContentType = parameter.Location == ParameterLocation.Header && string.Equals(parameter.WireName, "Content-Type", StringComparison.OrdinalIgnoreCase);
                    if (parameter.IsRequired)
                    {
                        var name = Identifiers.ToCamelCase(WireNameForCSharp(parameter));
                        positional.Add(new PositionalParameter(name, type, false, ParameterDoc(parameter), type.EndsWith('?') ? null : NullGuard(type, name)));
                        AddStatement(call(name, false));
                    }
                    else
                    {
                        var property = _config.OptionNames.GetValueOrDefault(operation.OperationId)?.GetValueOrDefault(parameter.WireName) ?? OptionName(parameter);
                        if (options.Any(o => o.Name == property))
                        {
                            Report(operation, $"Two parameters of '{operation.OperationId}' would both be option '{property}'.");
                        }

                        options.Add(new OptionProperty(property, type.EndsWith('?') ? type : type + "?", ParameterDoc(parameter), isSecret));
                        AddStatement(call("options?." + property, true));
                    }

                    void AddStatement(string statement)
                    {
                        if (isContentType)
                        {
                            contentTypeStatement = statement;
                        }
                        else
                        {
                            statements.Add(statement);
                        }
                    }

                    break;
                }

                case ParameterLocation.Body:
                {
                    var planned = PlanBody(operation, parameter);
                    if (planned is null)
                    {
                        continue;
                    }

                    var (type, statement) = planned.Value;
                    var name = parameter.Name;
                    if (parameter.IsRequired)
                    {
                        bodyParameters.Add(new PositionalParameter(name, type, false, ParameterDoc(parameter), NullGuard(type, name)));
                    }
                    else
                    {
                        optionalPositional.Add(new PositionalParameter(name, type + "?", true, ParameterDoc(parameter), null));
                    }

                    bodyStatement = statement.Replace("{value}", name, StringComparison.Ordinal);
                    break;
                }

                default:
                    Report(operation, $"Parameter '{parameter.WireName}' of '{operation.OperationId}' is a {parameter.Location} parameter, which the client cannot send yet.");
                    break;
            }
        }

        if (bodyStatement is not null)
        {
            statements.Add(bodyStatement);
        }

        if (contentTypeStatement is not null)
        {
            statements.Add(contentTypeStatement);
        }

        var response = PlanResponse(operation);
        if (response is null)
        {
            return null;
        }

        OptionsPlan? optionsPlan = null;
        if (options.Count > 0)
        {
            CheckFreeName(optionsName, operation);
            optionsPlan = new OptionsPlan(optionsName, operation, options);
        }

        var (returnType, returnsDoc, callExpression, streaming) = response.Value;
        var semantics = _config.ResponseOf(operation.OperationId);
        var method = operation.Method[0] + operation.Method[1..].ToLowerInvariant();
        statements.Insert(0, $"var request = new global::DockerApiGen.Runtime.Http.DockerRequest(global::System.Net.Http.HttpMethod.{method}, $\"{path}\", \"{operation.OperationId}\"){(streaming || semantics.NoTimeout ? " { IsStreaming = true }" : string.Empty)};");
        return new MethodPlan(
            operation,
            baseName + "Async",
            [.. pathParameters, .. positional, .. bodyParameters, .. optionalPositional],
            optionsPlan,
            statements,
            returnType,
            returnsDoc,
            callExpression,
            streaming || semantics.NoTimeout,
            semantics.Kind);
    }

    private (string Type, Func<string, bool, string> Call, bool IsSecret)? Encode(OperationModel operation, ParameterModel parameter)
    {
        var declared = _config.ParameterOf(operation.OperationId, parameter.WireName);
        var wire = parameter.WireName;
        var isHeader = parameter.Location == ParameterLocation.Header;
        var add = isHeader ? "Header" : "Query";
        if (declared is not null && declared.Encoding != ParameterEncoding.Plain)
        {
            // The declaration wins over a scalar type: some specs type JSON-carrying strings wrongly
            // (v1.25–v1.3x declare buildargs as an integer).
            var isString = parameter.Type is PrimitiveRef { Kind: not (PrimitiveKind.Binary or PrimitiveKind.DateTime) };
            var isStringList = parameter.Type is ArrayRef { Item: PrimitiveRef { Kind: PrimitiveKind.String } };
            var isJson = declared.Encoding is ParameterEncoding.Json or ParameterEncoding.JsonEach;
            if (!(isString || (isJson && isStringList)))
            {
                Report(operation, $"Parameter '{wire}' of '{operation.OperationId}' is declared {declared.Encoding} in {_config.File} (line {declared.Line}), but the spec types it as {parameter.Type}, which is neither a scalar nor a list of strings.");
                return null;
            }

            switch (declared.Encoding)
            {
                case ParameterEncoding.Filters:
                    return ($"{Runtime}.Query.DockerFilters", (v, _) => $"request.{add}(\"{wire}\", {v});", false);
                case ParameterEncoding.JsonStringMap:
                    const string map = "global::System.Collections.Generic.IDictionary<string, string>";
                    _jsonTypes.Add(map);
                    return (map, (v, _) => $"request.QueryJson(\"{wire}\", {v}, {Context}.IDictionaryStringString);", false);
                case ParameterEncoding.JsonStringList:
                    const string list = "global::System.Collections.Generic.IList<string>";
                    _jsonTypes.Add(list);
                    return (list, (v, _) => $"request.QueryJson(\"{wire}\", {v}, {Context}.IListString);", false);
                case ParameterEncoding.Json or ParameterEncoding.JsonEach:
                    if (!_definitions.TryGetValue(declared.Type!, out var definition) || definition is not ObjectType)
                    {
                        Report(operation, $"Parameter '{wire}' of '{operation.OperationId}' is declared as JSON of '{declared.Type}' in {_config.File} (line {declared.Line}), which this version does not define as an object.");
                        return null;
                    }

                    var model = _types.Of(new NamedRef(declared.Type!)).Syntax;
                    // One value when the spec has a string, one per repetition when it has a list (platform became a list in v1.52).
                    return isString
                        ? (model, (v, _) => $"request.QueryJson(\"{wire}\", {v}, {Context}.{declared.Type});", false)
                        : ($"global::System.Collections.Generic.IList<{model}>", (v, _) => $"request.QueryJsonEach(\"{wire}\", {v}, {Context}.{declared.Type});", false);
                case ParameterEncoding.RegistryAuth:
                    return ($"{Runtime}.Auth.RegistryCredentials", (v, _) => $"request.Header(\"{wire}\", {v});", true);
                case ParameterEncoding.RegistryConfig:
                    return ($"global::System.Collections.Generic.IReadOnlyDictionary<string, {Runtime}.Auth.RegistryCredentials>", (v, _) => $"request.Header(\"{wire}\", {v});", true);
            }
        }

        if (isHeader && string.Equals(wire, "Content-Type", StringComparison.OrdinalIgnoreCase))
        {
            return parameter.Type switch
            {
                PrimitiveRef { Kind: PrimitiveKind.String } => ("string", (v, _) => $"request.ContentType({v});", false),
                NamedRef named when _definitions.GetValueOrDefault(named.Name) is EnumType => (_types.Of(named).Syntax, (v, optional) => $"request.ContentType({v}{(optional ? "?" : string.Empty)}.Value);", false),
                _ => Unsupported(),
            };
        }

        switch (parameter.Type)
        {
            case PrimitiveRef { Kind: PrimitiveKind.String }:
                return ("string", (v, _) => $"request.{add}(\"{wire}\", {v});", false);
            case PrimitiveRef primitive when !isHeader && primitive.Kind is not (PrimitiveKind.Binary or PrimitiveKind.DateTime):
                return (_types.Of(primitive).Syntax, (v, _) => $"request.Query(\"{wire}\", {v});", false);
            case NamedRef named when _definitions.GetValueOrDefault(named.Name) is EnumType:
                return (_types.Of(named).Syntax, (v, optional) => $"request.{add}(\"{wire}\", {v}{(optional ? "?" : string.Empty)}.Value);", false);
            case ArrayRef { Item: PrimitiveRef { Kind: PrimitiveKind.String } } when !isHeader:
                return ("global::System.Collections.Generic.IList<string>", (v, _) => $"request.Query(\"{wire}\", {v});", false);
            case ArrayRef { Item: NamedRef item } when !isHeader && _definitions.GetValueOrDefault(item.Name) is EnumType enumType:
                var values = enumType.Kind == EnumKind.Integer ? "global::System.Linq.Enumerable.Select(v, static x => x.Value.ToString(global::System.Globalization.CultureInfo.InvariantCulture))" : "global::System.Linq.Enumerable.Select(v, static x => x.Value)";
                return ($"global::System.Collections.Generic.IList<{_types.Of(item).Syntax}>", (v, _) => $"request.Query(\"{wire}\", {v} is {{ }} v ? {values} : null);", false);
            default:
                return Unsupported();
        }

        (string, Func<string, bool, string>, bool)? Unsupported()
        {
            Report(operation, $"Parameter '{wire}' of '{operation.OperationId}' has a type the client cannot send ({parameter.Type}); declare its encoding under `parameters` in {_config.File}.");
            return null;
        }
    }

    private (string Type, string Statement)? PlanBody(OperationModel operation, ParameterModel parameter)
    {
        switch (parameter.Type)
        {
            case PrimitiveRef { Kind: PrimitiveKind.Binary or PrimitiveKind.String }:
                var contentType = operation.Consumes.FirstOrDefault(c => c is not ("application/json" or "text/plain")) ?? "application/octet-stream";
                return ("global::System.IO.Stream", $"request.StreamBody({{value}}, \"{contentType}\");");
            case NamedRef named when _definitions.GetValueOrDefault(named.Name) is ObjectType:
                return (_types.Of(named).Syntax, $"request.JsonBody({{value}}, {Context}.{TypeInfoName(named)});");
            case ArrayRef or MapRef:
                // JsonContextEmitter already lists every collection an operation sends or receives.
                return (_types.Of(parameter.Type).Syntax, $"request.JsonBody({{value}}, {Context}.{TypeInfoName(parameter.Type)});");
            default:
                Report(operation, $"The body of '{operation.OperationId}' has a type the client cannot send ({parameter.Type}).");
                return null;
        }
    }

    private (string ReturnType, string ReturnsDoc, string Call, bool Streaming)? PlanResponse(OperationModel operation)
    {
        var semantics = _config.ResponseOf(operation.OperationId);
        var success = operation.Responses.Where(r => r.StatusCode.StartsWith('2')).ToList();
        var schema = success.FirstOrDefault(r => r.Type is not null)?.Type;
        const string token = "cancellationToken";
        switch (semantics.Kind)
        {
            case ResponseKind.Default:
                if (schema is null)
                {
                    return ("global::System.Threading.Tasks.Task", "A task that completes when the daemon has answered.", $"Connection.SendAsync(request, {token})", false);
                }

                if (schema is PrimitiveRef { Kind: PrimitiveKind.Binary } or AnyRef)
                {
                    Report(operation, $"'{operation.OperationId}' answers {(schema is AnyRef ? "a value of no declared shape" : "binary content")}, which cannot be read as typed JSON: declare what it is under `responses` in {_config.File}.");
                    return null;
                }

                if (schema is PrimitiveRef)
                {
                    // A bare JSON value (swarm init answers the node id as a JSON string).
                    _jsonTypes.Add(TypeOf(schema));
                }

                var result = TypeOf(schema);
                var optional = success.Any(r => r.Type is null);
                return optional
                    ? ($"global::System.Threading.Tasks.Task<{result}?>", "The daemon's answer, or null when it answered without a body.", $"Connection.SendForOptionalAsync(request, {Context}.{TypeInfoName(schema)}, {token})", false)
                    : ($"global::System.Threading.Tasks.Task<{result}>", "The daemon's answer.", $"Connection.SendAsync(request, {Context}.{TypeInfoName(schema)}, {token})", false);
            case ResponseKind.Ping:
                return ($"global::System.Threading.Tasks.Task<{Runtime}.Responses.PingResult>", "What the daemon's headers say: its API version, OS, builder and swarm state.", $"Connection.SendForHeadersAsync(request, {Runtime}.Responses.PingResult.FromHeaders, {token})", false);
            case ResponseKind.PathStat:
                return ($"global::System.Threading.Tasks.Task<{Runtime}.Responses.ContainerPathStat>", "The path's details, decoded from the X-Docker-Container-Path-Stat header.", $"Connection.SendForHeadersAsync(request, {Runtime}.Responses.ContainerPathStat.FromHeaders, {token})", false);
            case ResponseKind.JsonStream:
            {
                var message = semantics.Message is { } name ? new NamedRef(name) : schema;
                if (message is null || (message is NamedRef n && !_definitions.ContainsKey(n.Name)))
                {
                    Report(operation, $"The JSON stream of '{operation.OperationId}' has no message type in this version: give one (`message`) in {_config.File}.");
                    return null;
                }

                if (message is AnyRef)
                {
                    _jsonTypes.Add("global::System.Text.Json.JsonElement");
                }

                return ($"global::System.Collections.Generic.IAsyncEnumerable<{TypeOf(message)}>", "The values as the daemon sends them; cancelling the token ends the enumeration without an exception.", $"Connection.StreamAsync(request, {Context}.{TypeInfoName(message)}, {token})", true);
            }

            case ResponseKind.Progress:
            {
                if (!_definitions.TryGetValue(semantics.Message!, out var definition) || definition is not ObjectType messageType)
                {
                    Report(operation, $"The progress message type '{semantics.Message}' of '{operation.OperationId}' is not an object in this version.");
                    return null;
                }

                var errorOf = ErrorAccessor(operation, messageType);
                if (errorOf is null)
                {
                    return null;
                }

                return ($"global::System.Collections.Generic.IAsyncEnumerable<{_types.Of(new NamedRef(messageType.Name)).Syntax}>", "The progress messages until the operation ends (enumerate to the end, or use WaitForCompletionAsync); an error reported in the stream throws DockerProgressException.", $"Connection.StreamProgressAsync(request, {Context}.{messageType.Name}, {errorOf}, {token})", true);
            }

            case ResponseKind.Output:
                return ($"global::System.Threading.Tasks.Task<{Runtime}.Streams.ContainerOutput>", "The output; dispose it to close the connection.", $"Connection.SendForOutputAsync(request, {token})", true);
            case ResponseKind.Stream:
                return ("global::System.Threading.Tasks.Task<global::System.IO.Stream>", "The byte stream as it arrives (never buffered whole); dispose it to close the connection.", $"Connection.SendForStreamAsync(request, {token})", true);
            case ResponseKind.Hijack:
                return ($"global::System.Threading.Tasks.Task<{Runtime}.Streams.HijackedConnection>", "The duplex session: write stdin, close it, read output; dispose it to close the connection.", $"Connection.HijackAsync(request, \"{semantics.Upgrade}\", {token})", true);
            case ResponseKind.WebSocket:
                return ("global::System.Threading.Tasks.Task<global::System.Net.WebSockets.WebSocket>", "The open websocket; dispose it to close the connection.", $"Connection.ConnectWebSocketAsync(request, {token})", true);
            default:
                throw new InvalidOperationException($"Unknown response kind {semantics.Kind}.");
        }
    }

    private string? ErrorAccessor(OperationModel operation, ObjectType message)
    {
        var error = message.Properties.FirstOrDefault(p => p.WireName == "error" && p.Type is PrimitiveRef { Kind: PrimitiveKind.String });
        var detail = message.Properties.FirstOrDefault(p => p.WireName == "errorDetail");
        var detailType = detail?.Type is NamedRef named ? _definitions.GetValueOrDefault(named.Name) as ObjectType : null;
        var detailMessage = detailType?.Properties.FirstOrDefault(p => p.WireName == "message");
        var detailCode = detailType?.Properties.FirstOrDefault(p => p.WireName == "code");
        if (error is null && detailMessage is null)
        {
            Report(operation, $"The progress message '{message.Name}' of '{operation.OperationId}' has neither `error` nor `errorDetail.message`: the client could not see errors inside the stream.");
            return null;
        }

        var errorText = error is null ? "null" : $"m.{error.Name}";
        var fromDetail = detailMessage is null
            ? null
            : $"m.{detail!.Name} is {{ }} d ? new {Runtime}.Streams.ProgressError(d.{detailMessage.Name} ?? {(error is null ? string.Empty : $"m.{error.Name} ?? ")}\"unknown error\", {(detailCode is null ? "null" : $"d.{detailCode.Name}")})";
        var fromError = error is null ? "null" : $"m.{error.Name} is {{ }} e ? new {Runtime}.Streams.ProgressError(e, null) : null";
        return fromDetail is null
            ? $"static m => {fromError}"
            : $"static m => {fromDetail} : {fromError}";
    }

    private string TypeOf(TypeRef type) => _types.Of(type).Syntax;

    /// <summary>The property name System.Text.Json's source generator gives a type's metadata.</summary>
    private string TypeInfoName(TypeRef type)
        => type switch
        {
            NamedRef named => named.Name,
            ArrayRef array => "IList" + TypeInfoName(array.Item),
            MapRef map => "IDictionaryString" + TypeInfoName(map.Value),
            StringSetRef => "ISetString",
            CommandLineRef => "IListString",
            AnyRef => "JsonElement",
            PrimitiveRef primitive => _types.Of(primitive).Syntax switch
            {
                "string" => "String",
                "bool" => "Boolean",
                "sbyte" => "SByte",
                "byte" => "Byte",
                "short" => "Int16",
                "ushort" => "UInt16",
                "int" => "Int32",
                "uint" => "UInt32",
                "long" => "Int64",
                "ulong" => "UInt64",
                "float" => "Single",
                "double" => "Double",
                "global::System.DateTimeOffset" => "DateTimeOffset",
                var other => throw new InvalidOperationException($"No metadata name for {other}."),
            },
            _ => throw new InvalidOperationException($"No metadata name for {type}."),
        };

    private static string OptionName(ParameterModel parameter) => Identifiers.ToPascalCase(WireNameForCSharp(parameter));

    /// <summary>The wire name a C# name is made from: headers lose the <c>X-</c> of custom headers (X-Registry-Auth → RegistryAuth).</summary>
    private static string WireNameForCSharp(ParameterModel parameter)
        => parameter.Location == ParameterLocation.Header && parameter.WireName.StartsWith("X-", StringComparison.OrdinalIgnoreCase)
            ? parameter.WireName[2..]
            : parameter.WireName;

    private static string ParameterDoc(ParameterModel parameter)
    {
        var text = DocComments.OrFallback(parameter.Description, $"The `{parameter.WireName}` {parameter.Location.ToString().ToLowerInvariant()} parameter.");
        return parameter.DefaultJson is { } defaultJson ? $"{text}\nDefault: `{defaultJson}`." : text;
    }

    private static string? NullGuard(string type, string name)
        => type is "bool" or "int" or "long" or "uint" or "ulong" or "double" or "float" || type.EndsWith('?')
            ? null
            : $"global::System.ArgumentNullException.ThrowIfNull({name});";

    private static string StripNoun(string operationId, string noun)
    {
        var index = operationId.IndexOf(noun, StringComparison.Ordinal);
        return index < 0 ? operationId : operationId.Remove(index, noun.Length);
    }

    private void CheckFreeName(string name, OperationModel operation)
    {
        if (_definitions.ContainsKey(name))
        {
            Report(operation, $"The generated name '{name}' is also a model type's name in this version; rename the model in specs/naming.yaml or the method in {_config.File}.");
        }
    }

    private void Report(OperationModel operation, string message)
        => _problems.Add(new SpecProblem(_model.SpecFile, null, null, operation.SchemaPointer, message));
}
