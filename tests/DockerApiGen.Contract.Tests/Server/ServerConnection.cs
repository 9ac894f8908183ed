using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using DockerApiGen.Contract.Tests.Responses;
using DockerApiGen.Contract.Tests.Spec;
using DockerApiGen.Contract.Tests.Validation;

namespace DockerApiGen.Contract.Tests.Server;

/// <summary>
/// Serves one client connection: reads each request, validates it, records it (before answering, so a
/// client that has its answer can read the record), and answers with the operation's wire behaviour.
/// </summary>
/// <param name="spec">The version's spec.</param>
/// <param name="validator">Validates requests against it.</param>
/// <param name="samples">Sample values of its schemas.</param>
/// <param name="record">Where each request goes.</param>
public sealed class ServerConnection(ContractSpec spec, RequestValidator validator, SampleJson samples, Action<RecordedRequest> record)
{
    /// <summary>Serves requests until the client closes the connection, it is hijacked, or the server stops.</summary>
    /// <param name="socket">The accepted socket; closed on return.</param>
    /// <param name="cancellationToken">Stops serving.</param>
    public async Task ServeAsync(Socket socket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(socket);
        using var _ = socket;
        await using var stream = new NetworkStream(socket, ownsSocket: false);
        var reader = new ConnectionReader(stream);
        while (!cancellationToken.IsCancellationRequested)
        {
            HttpRequest? request;
            try
            {
                request = await HttpRequestReader.ReadAsync(reader, cancellationToken).ConfigureAwait(false);
            }
            catch (MalformedRequestException ex)
            {
                var unreadable = new HttpRequest("?", "?", "?", [], [], BodyFraming.None);
                record(new RecordedRequest(unreadable, null, new Dictionary<string, string>(), [new Violation("request", ex.Message)]));
                await WriteErrorAsync(stream, 400, ex.Message, cancellationToken).ConfigureAwait(false);
                return;
            }

            if (request is null)
            {
                return;
            }

            if (!await AnswerAsync(request, socket, stream, reader, cancellationToken).ConfigureAwait(false) || request.HeaderHasToken("Connection", "close"))
            {
                return;
            }
        }
    }

    private async Task<bool> AnswerAsync(HttpRequest request, Socket socket, NetworkStream stream, ConnectionReader reader, CancellationToken cancellationToken)
    {
        var result = validator.Validate(request);
        if (result.Route.Operation is not { } operation)
        {
            record(new RecordedRequest(request, null, result.Route.PathValues, result.Violations));
            await WriteErrorAsync(stream, 404, $"page not found: {request.Method} {request.RawPath}", cancellationToken).ConfigureAwait(false);
            return true;
        }

        var behaviour = WireBehaviours.For(operation.OperationId);
        var violations = result.Violations.Concat(behaviour.Check(request)).ToList();
        record(new RecordedRequest(request, operation.OperationId, result.Route.PathValues, violations));
        var context = new ResponseContext(spec, operation, request, socket, stream, reader, samples);
        return await behaviour.RespondAsync(context, cancellationToken).ConfigureAwait(false);
    }

    // The daemon's error form: {"message": "..."}.
    private static Task WriteErrorAsync(Stream stream, int status, string message, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(new JsonObject { ["message"] = message }.ToJsonString() + "\n");
        return HttpResponseWriter.WriteAsync(stream, status, [new("Content-Type", "application/json")], body, isHead: false, cancellationToken);
    }
}
