using DockerApiGen.Generator.Model;

namespace DockerApiGen.Generator.Semantics;

/// <summary>
/// Decides what each method returns, from the spec's success responses and the operations file's
/// declared answer kind: JSON (or nothing), values read from headers, JSON and progress streams, container
/// output, byte streams, hijacked connections and websockets; and which calls have no time limit.
/// </summary>
/// <param name="types">The type mapping.</param>
/// <param name="json">The JSON context being planned.</param>
/// <param name="config">The operations declarations.</param>
/// <param name="report">Where problems go.</param>
/// <param name="server">What docs call the other end (<see cref="PackageNames.Server"/>).</param>
public sealed class AnswerPlanner(TypeMapper types, JsonContextPlanner json, OperationsConfig config, Action<OperationModel, string> report, string server = PackageNames.DefaultServer)
{
    /// <summary>Plans the answer of an operation; null (and a reported problem) when it cannot be read.</summary>
    /// <param name="operation">The operation.</param>
    public Answer? Plan(OperationModel operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var declared = config.ResponseOf(operation.OperationId);
        var success = operation.Responses.Where(r => r.StatusCode.StartsWith('2')).ToList();
        var schema = success.FirstOrDefault(r => r.Type is not null)?.Type;
        switch (declared.Kind)
        {
            case ResponseKind.Json:
                return Json(operation, schema, optional: success.Any(r => r.Type is null), declared.NoTimeout);
            case ResponseKind.Headers:
            {
                var lastDot = declared.Result!.LastIndexOf('.');
                var result = new NamedTypeName(declared.Result[..lastDot], declared.Result[(lastDot + 1)..]);
                return Simple(AnswerKind.Headers, Task(result), result, $"What the answer's headers say, read as {result.Name}.", declared.NoTimeout);
            }

            case ResponseKind.JsonStream:
            {
                var message = declared.Message is { } name ? new NamedRef(name) : schema;
                if (message is null || (message is NamedRef named && types.Find(named.Name) is null))
                {
                    report(operation, $"The JSON stream of '{operation.OperationId}' has no message type in this version: give one (`message`) in {config.File}.");
                    return null;
                }

                var item = types.NameOf(message);
                return new Answer(AnswerKind.JsonStream, KnownTypes.IAsyncEnumerable.Of(item), item, json.Entry(message), null, true, null, "The values as the daemon sends them; cancelling the token ends the enumeration without an exception.");
            }

            case ResponseKind.Progress:
            {
                if (types.Find(declared.Message!) is not ObjectType messageType)
                {
                    report(operation, $"The progress message type '{declared.Message}' of '{operation.OperationId}' is not an object in this version.");
                    return null;
                }

                var errors = ProgressErrors(operation, messageType);
                if (errors is null)
                {
                    return null;
                }

                var message = new NamedRef(messageType.Name);
                var item = types.NameOf(message);
                return new Answer(AnswerKind.Progress, KnownTypes.IAsyncEnumerable.Of(item), item, json.Entry(message), null, true, errors, "The progress messages until the operation ends (enumerate to the end, or use WaitForCompletionAsync); an error reported in the stream throws DockerProgressException.");
            }

            case ResponseKind.Output:
                return Simple(AnswerKind.Output, Task(KnownTypes.ContainerOutput), KnownTypes.ContainerOutput, "The output; dispose it to close the connection.", noTimeLimit: true);
            case ResponseKind.Stream:
                return Simple(AnswerKind.Stream, Task(KnownTypes.Stream), KnownTypes.Stream, "The byte stream as it arrives (never buffered whole); dispose it to close the connection.", noTimeLimit: true);
            case ResponseKind.Hijack:
            {
                var detach = declared.DetachedBy is { } wire ? DetachSwitch(operation, wire) : null;
                if (declared.DetachedBy is not null && detach is null)
                {
                    return null;
                }

                var doc = detach is null
                    ? "The duplex session: write stdin, close it, read output; dispose it to close the connection."
                    : $"The duplex session: write stdin, close it, read output; dispose it to close the connection. When the body's `{declared.DetachedBy}` is true, a finished session as soon as the daemon has answered.";
                return new Answer(AnswerKind.Hijack, Task(KnownTypes.HijackedConnection), KnownTypes.HijackedConnection, null, declared.Upgrade, true, null, doc) { Detach = detach };
            }

            case ResponseKind.WebSocket:
                return Simple(AnswerKind.WebSocket, Task(KnownTypes.WebSocket), KnownTypes.WebSocket, "The open websocket; dispose it to close the connection.", noTimeLimit: true);
            case ResponseKind.Paged:
                return PagedAnswers.Paged(operation, schema, declared, types, json, config.File, report);
            case ResponseKind.Exists:
                return PagedAnswers.Exists(declared.NoTimeout);
            case ResponseKind.Response:
                // Bodies may stream either way (a blob up or down), so only the caller's token ends the call.
                return Simple(AnswerKind.Response, Task(KnownTypes.HttpResponseMessage), KnownTypes.HttpResponseMessage, "The answer itself: its status, its headers and its body, not yet read (a download streams from it); dispose it. An error status throws instead.", noTimeLimit: true);
            case ResponseKind.JsonWithHeaders:
            {
                if (schema is null || schema is PrimitiveRef { Kind: PrimitiveKind.Binary } or AnyRef)
                {
                    report(operation, $"'{operation.OperationId}' is declared json-with-headers in {config.File}, but its 2xx answer has no JSON schema in this version.");
                    return null;
                }

                var lastDot = declared.Result!.LastIndexOf('.');
                var item = types.NameOf(schema);
                var wrapper = new NamedTypeName(declared.Result[..lastDot], declared.Result[(lastDot + 1)..]).Of(item);
                return new Answer(AnswerKind.JsonWithHeaders, Task(wrapper), item, json.Entry(schema), null, declared.NoTimeout, null, $"The answer's JSON with its headers, as {wrapper.Name}.");
            }
            default:
                throw new InvalidOperationException($"Unknown response kind {declared.Kind}.");
        }
    }

    private Answer? Json(OperationModel operation, TypeRef? schema, bool optional, bool noTimeLimit)
    {
        if (schema is null)
        {
            return Simple(AnswerKind.Empty, KnownTypes.Task, null, $"A task that completes when {server} has answered.", noTimeLimit);
        }

        if (schema is PrimitiveRef { Kind: PrimitiveKind.Binary } or AnyRef)
        {
            report(operation, $"'{operation.OperationId}' answers {(schema is AnyRef ? "a value of no declared shape" : "binary content")}, which cannot be read as typed JSON: declare what it is under `responses` in {config.File}.");
            return null;
        }

        // A bare JSON value (swarm init answers the node id as a JSON string) is a JSON type of its own.
        var entry = json.Entry(schema);
        var result = types.NameOf(schema);
        return optional
            ? new Answer(AnswerKind.OptionalJson, Task(result.AsNullable()), result, entry, null, noTimeLimit, null, $"{Capitalized(server)}'s answer, or null when it answered without a body.")
            : new Answer(AnswerKind.Json, Task(result), result, entry, null, noTimeLimit, null, $"{Capitalized(server)}'s answer.");
    }

    /// <summary>The body property that asks for no session, by its wire name.</summary>
    private DetachSwitch? DetachSwitch(OperationModel operation, string wireName)
    {
        var body = operation.Parameters.FirstOrDefault(p => p.Location == ParameterLocation.Body);
        var property = body?.Type is NamedRef named && types.Find(named.Name) is ObjectType bodyType
            ? bodyType.Properties.FirstOrDefault(p => p.WireName == wireName && p.Type is PrimitiveRef { Kind: PrimitiveKind.Boolean })
            : null;
        if (property is null)
        {
            report(operation, $"'{operation.OperationId}' is declared `detachedBy: {wireName}` in {config.File}, but its body has no boolean property '{wireName}' in this version.");
            return null;
        }

        return new DetachSwitch(body!.Name, property.Name, !body.IsRequired);
    }

    /// <summary>Where a progress message carries its error: <c>error</c>, and <c>errorDetail.message</c>/<c>code</c>.</summary>
    private ProgressErrors? ProgressErrors(OperationModel operation, ObjectType message)
    {
        var error = message.Properties.FirstOrDefault(p => p.WireName == "error" && p.Type is PrimitiveRef { Kind: PrimitiveKind.String });
        var detail = message.Properties.FirstOrDefault(p => p.WireName == "errorDetail");
        var detailType = detail?.Type is NamedRef named ? types.Find(named.Name) as ObjectType : null;
        var detailMessage = detailType?.Properties.FirstOrDefault(p => p.WireName == "message");
        var detailCode = detailType?.Properties.FirstOrDefault(p => p.WireName == "code");
        if (error is null && detailMessage is null)
        {
            report(operation, $"The progress message '{message.Name}' of '{operation.OperationId}' has neither `error` nor `errorDetail.message`: the client could not see errors inside the stream.");
            return null;
        }

        return new ProgressErrors(error?.Name, detailMessage is null ? null : detail!.Name, detailMessage?.Name, detailMessage is null ? null : detailCode?.Name);
    }

    private static string Capitalized(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    private static Answer Simple(AnswerKind kind, CSharpTypeName returnType, CSharpTypeName? result, string doc, bool noTimeLimit = false)
        => new(kind, returnType, result, null, null, noTimeLimit, null, doc);

    private static NamedTypeName Task(CSharpTypeName result) => KnownTypes.Task.Of(result);
}
