using DockerApiGen.Generator.Model;
using DockerApiGen.Generator.Semantics;

namespace DockerApiGen.Generator.Emitting;

/// <summary>
/// Prints one sub-client class (<c>ContainersClient</c>): a virtual method per operation that builds a
/// request as the client model says and hands it to the runtime connection. A protected constructor lets
/// users mock it.
/// </summary>
public static class ClientEmitter
{
    /// <summary>The request property that lifts the time limit (streams, waits).</summary>
    private const string NoTimeLimitProperty = "NoTimeLimit";

    /// <summary>Writes the class.</summary>
    /// <param name="file">Where to write.</param>
    /// <param name="area">The sub-client.</param>
    /// <param name="client">The client model (names, JSON context).</param>
    public static void Emit(CSharpFile file, ClientArea area, ClientModel client)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(area);
        ArgumentNullException.ThrowIfNull(client);
        var writer = file.Body;
        var names = client.Names;
        var connection = file.Type(names.Connection);
        writer.Summary($"The {area.Tag} operations of the {names.ApiTitle} {names.VersionLabel} (`{names.ClientVariable}.{area.Property}`). Methods are virtual so that tests can replace them.");
        writer.Line($"public class {area.ClassName}").Open();
        writer.Line($"private readonly {connection}? _connection;");
        writer.Line();
        writer.DocXml("summary", $"Creates the client on a connection (usually through <see cref=\"{names.ClientClassName}\"/>).");
        writer.DocElement("param", $"The connection to {names.Server}.", "name=\"connection\"");
        writer.Line($"public {area.ClassName}({connection} connection)").Open();
        writer.Line($"_connection = connection ?? throw new {file.Type(KnownTypes.ArgumentNullException)}(nameof(connection));").Close();
        writer.Line();
        writer.Summary("For mocking: a client without a connection, whose methods that are not overridden throw.");
        writer.Line($"protected {area.ClassName}()").Open().Close();
        writer.Line();
        writer.Summary("The connection the methods use.");
        writer.DocElement("exception", "The client was made for mocking and has no connection.", $"cref=\"{file.Type(KnownTypes.InvalidOperationException)}\"");
        writer.Line($"protected {connection} Connection => _connection ?? throw new {file.Type(KnownTypes.InvalidOperationException)}(\"This client was made for mocking (protected constructor) and has no connection.\");");
        var context = file.Type(new NamedTypeName(names.RootNamespace, client.JsonContext.ClassName)) + ".Default";
        var bodyShapes = client.BodyShapes.ClassName;
        foreach (var method in area.Methods)
        {
            writer.Line();
            EmitMethod(file, method, context, names, bodyShapes);
        }

        writer.Close();
    }

    private static void EmitMethod(CSharpFile file, ClientMethod method, string context, PackageNames names, string bodyShapes)
    {
        var writer = file.Body;
        var operation = method.Operation;
        var summary = operation.Summary ?? FirstLine(operation.Description) ?? $"Calls {operation.OperationId}.";
        writer.Summary(AvailabilityText.WithMarker($"{summary}\n\n`{operation.Method} {operation.Path}` ({operation.OperationId}){(operation.IsDeprecated ? ". Deprecated by the API." : ".")}", method.Availability));
        if (operation.Description is { } description && description != summary)
        {
            writer.DocElement("remarks", description);
        }

        var parameters = new List<string>();
        foreach (var parameter in method.Parameters)
        {
            writer.DocElement("param", parameter.Doc, $"name=\"{parameter.Name.TrimStart('@')}\"");
            parameters.Add($"{file.Type(parameter.Type)} {parameter.Name}{(parameter.IsOptional ? " = null" : string.Empty)}");
        }

        if (method.Options is { } options)
        {
            writer.DocElement("param", $"The optional parameters; null for {names.Server}'s defaults.", "name=\"options\"");
            parameters.Add($"{options.Name}? options = null");
        }

        writer.DocElement("param", method.Answer.Kind switch { AnswerKind.JsonStream => "Ends the stream.", AnswerKind.Paged => "Stops fetching pages.", _ => "Cancels the call." }, "name=\"cancellationToken\"");
        parameters.Add($"{file.Type(KnownTypes.CancellationToken)} cancellationToken = default");
        writer.DocElement("returns", method.Answer.Doc);
        var markers = AvailabilityText.NamedArguments(method.Availability);
        writer.Line($"[{file.Attribute(KnownTypes.DockerOperation)}({ObjectEmitter.Literal(operation.OperationId)}, {ObjectEmitter.Literal(operation.Method)}, {ObjectEmitter.Literal(operation.Path)}{(markers.Length == 0 ? string.Empty : ", " + markers)})]");
        writer.Line($"public virtual {file.Type(method.Answer.ReturnType)} {method.Name}({string.Join(", ", parameters)})").Open();
        foreach (var parameter in method.Parameters.Where(p => p.NeedsNullCheck))
        {
            writer.Line($"{file.Type(KnownTypes.ArgumentNullException)}.ThrowIfNull({parameter.Name});");
        }

        var httpMethod = $"{file.Type(KnownTypes.HttpMethod)}.{operation.Method[0]}{operation.Method[1..].ToLowerInvariant()}";
        var initializers = new List<string>(2);
        if (method.Answer.NoTimeLimit)
        {
            initializers.Add($"{NoTimeLimitProperty} = true");
        }

        if (method.Availability.Since is { } since)
        {
            initializers.Add($"Since = {AvailabilityText.VersionValue(since)}");
        }

        var initializer = initializers.Count == 0 ? string.Empty : $" {{ {string.Join(", ", initializers)} }}";
        writer.Line($"var request = new {file.Type(KnownTypes.DockerRequest)}({httpMethod}, {method.Location ?? Path(method.Path)}, {ObjectEmitter.Literal(operation.OperationId)}){initializer};");
        foreach (var value in method.Request)
        {
            writer.Line(RequestStatement(file, value, context, bodyShapes));
            if (value.Since is { } valueSince)
            {
                writer.Line(VersionRequirement(file, value, valueSince));
            }
        }

        writer.Line($"return {AnswerCall(file, method.Answer, context)};");
        writer.Close();
    }

    /// <summary>The path as a literal, or an interpolated string whose holes the runtime escapes (whole, or as their format says).</summary>
    private static string Path(IReadOnlyList<PathSegment> segments)
    {
        if (segments.All(s => !s.IsParameter))
        {
            return ObjectEmitter.Literal(string.Concat(segments.Select(s => s.Text)));
        }

        var text = string.Concat(segments.Select(s => s.IsParameter
            ? s.Format is { } format ? $"{{{s.Text}:{format}}}" : $"{{{s.Text}}}"
            : s.Text.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal)));
        return "$" + ObjectEmitter.Literal(text);
    }

    /// <summary>
    /// Tells the request that a value set by the caller needs a version newer than the oldest locked one, so a
    /// negotiating connection can refuse or drop it before sending.
    /// </summary>
    private static string VersionRequirement(CSharpFile file, RequestValue value, Specs.ApiVersion since)
    {
        var part = value.Target switch
        {
            RequestTarget.Query => "Query",
            RequestTarget.Body => "Body",
            _ => "Header",
        };
        var wireName = value.Target == RequestTarget.ContentType ? "Content-Type" : value.WireName;
        var call = $"request.RequireVersion({AvailabilityText.VersionValue(since)}, {file.Type(KnownTypes.DockerRequestPart)}.{part}, {ObjectEmitter.Literal(wireName)});";
        if (value.AlwaysSet)
        {
            return call;
        }

        var source = value.FromOptions ? $"options?.{value.Source}" : value.Source;
        return $"if ({source} is not null) {call}";
    }

    private static string RequestStatement(CSharpFile file, RequestValue value, string context, string bodyShapes)
    {
        var source = value.FromOptions ? $"options?.{value.Source}" : value.Source;
        var wire = ObjectEmitter.Literal(value.WireName);
        var enumValue = value.FromOptions ? $"{source}?.Value" : $"{source}.Value";
        return (value.Target, value.Encoding) switch
        {
            (RequestTarget.Query, WireEncoding.Text) => $"request.Query({wire}, {source});",
            (RequestTarget.Query, WireEncoding.EnumValue) => $"request.Query({wire}, {enumValue});",
            (RequestTarget.Query, WireEncoding.EnumValues) => $"request.Query({wire}, {EnumValues(file, source, value)});",
            (RequestTarget.Query, WireEncoding.Json) => $"request.QueryJson({wire}, {source}, {context}.{value.Json!.PropertyName});",
            (RequestTarget.Query, WireEncoding.JsonEach) => $"request.QueryJsonEach({wire}, {source}, {context}.{value.Json!.PropertyName});",
            (RequestTarget.Header, WireEncoding.Text) => $"request.Header({wire}, {source});",
            (RequestTarget.Header, WireEncoding.EnumValue) => $"request.Header({wire}, {enumValue});",
            (RequestTarget.ContentType, WireEncoding.Text) => $"request.ContentType({source});",
            (RequestTarget.ContentType, WireEncoding.EnumValue) => $"request.ContentType({enumValue});",
            (RequestTarget.ContentLength, WireEncoding.Text) => $"request.ContentLength({source});",
            (RequestTarget.Body, WireEncoding.Json) when value.Shape is { } shape => $"request.JsonBody({source}, {context}.{value.Json!.PropertyName}, {BodyShapesEmitter.Expression(file, shape, bodyShapes)});",
            (RequestTarget.Body, WireEncoding.Json) when value.ContentType is { } mediaType => $"request.JsonBody({source}, {context}.{value.Json!.PropertyName}).ContentType({ObjectEmitter.Literal(mediaType)});",
            (RequestTarget.Body, WireEncoding.Json) => $"request.JsonBody({source}, {context}.{value.Json!.PropertyName});",
            (RequestTarget.Body, WireEncoding.Stream) => $"request.StreamBody({source}, {ObjectEmitter.Literal(value.ContentType!)});",
            _ => throw new InvalidOperationException($"No request call for {value.Encoding} in {value.Target}."),
        };
    }

    private static string EnumValues(CSharpFile file, string source, RequestValue value)
    {
        file.Using("System.Linq");
        var item = value.EnumKind == EnumKind.Integer ? $"v.Value.ToString({file.Type(KnownTypes.CultureInfo)}.InvariantCulture)" : "v.Value";
        return $"{source}?.Select(static v => {item})";
    }

    private static string AnswerCall(CSharpFile file, Answer answer, string context)
    {
        const string token = "cancellationToken";
        var metadata = answer.Json is { } json ? $"{context}.{json.PropertyName}" : null;
        return answer.Kind switch
        {
            AnswerKind.Empty => $"Connection.SendAsync(request, {token})",
            AnswerKind.Json => $"Connection.SendAsync(request, {metadata}, {token})",
            AnswerKind.OptionalJson => $"Connection.SendForOptionalAsync(request, {metadata}, {token})",
            AnswerKind.Headers => $"Connection.SendForHeadersAsync(request, {file.Type(answer.Result!)}.FromHeaders, {token})",
            AnswerKind.JsonStream => $"Connection.StreamAsync(request, {metadata}, {token})",
            AnswerKind.Progress => $"Connection.StreamProgressAsync(request, {metadata}, {ErrorOf(file, answer.Errors!)}, {token})",
            AnswerKind.Output => $"Connection.SendForOutputAsync(request, {token})",
            AnswerKind.Stream => $"Connection.SendForStreamAsync(request, {token})",
            AnswerKind.Hijack when answer.Detach is { } detach => $"Connection.HijackAsync(request, {ObjectEmitter.Literal(answer.Upgrade!)}, detached: {detach.Parameter}{(detach.BodyIsOptional ? "?." : ".")}{detach.Property} == true, {token})",
            AnswerKind.Hijack => $"Connection.HijackAsync(request, {ObjectEmitter.Literal(answer.Upgrade!)}, {token})",
            AnswerKind.WebSocket => $"Connection.ConnectWebSocketAsync(request, {token})",
            AnswerKind.Response => $"Connection.SendForResponseAsync(request, {token})",
            AnswerKind.JsonWithHeaders => $"Connection.SendWithHeadersAsync(request, {metadata}, {token})",
            AnswerKind.Paged => $"Connection.ItemsAsync(request, {metadata}, static p => p.{answer.Paging!.Items}, static p => p.{answer.Paging.Next}, {token})",
            AnswerKind.Exists => $"Connection.SendForExistenceAsync(request, {token})",
            _ => throw new InvalidOperationException($"Unknown answer kind {answer.Kind}."),
        };
    }

    /// <summary>The lambda that finds the error in a progress message: <c>errorDetail</c> first, then <c>error</c>.</summary>
    private static string ErrorOf(CSharpFile file, ProgressErrors errors)
    {
        var progressError = file.Type(KnownTypes.ProgressError);
        var fromError = errors.Error is null ? "null" : $"m.{errors.Error} is {{ }} e ? new {progressError}(e, null) : null";
        if (errors.DetailMessage is null)
        {
            return $"static m => {fromError}";
        }

        var fallback = errors.Error is null ? string.Empty : $"m.{errors.Error} ?? ";
        var code = errors.DetailCode is null ? "null" : $"d.{errors.DetailCode}";
        return $"static m => m.{errors.Detail} is {{ }} d ? new {progressError}(d.{errors.DetailMessage} ?? {fallback}\"unknown error\", {code}) : {fromError}";
    }

    private static string? FirstLine(string? text)
    {
        var line = text?.Split('\n')[0].Trim();
        return string.IsNullOrEmpty(line) ? null : line;
    }
}
