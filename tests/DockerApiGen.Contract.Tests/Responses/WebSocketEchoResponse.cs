using System.Net.Sockets;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;
using DockerApiGen.Contract.Tests.Server;
using DockerApiGen.Contract.Tests.Validation;

namespace DockerApiGen.Contract.Tests.Responses;

/// <summary>
/// Attach over a websocket: the server completes the handshake (<c>101</c> with <c>Sec-WebSocket-Accept</c>)
/// and echoes every message back until the client closes the websocket.
/// </summary>
public sealed class WebSocketEchoResponse : WireBehaviour
{
    // RFC 6455 §1.3: the accept value is base64(SHA-1(key + this GUID)).
    private const string HandshakeGuid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    /// <summary>The one instance.</summary>
    public static WebSocketEchoResponse Instance { get; } = new();

    private WebSocketEchoResponse()
    {
    }

    /// <inheritdoc />
    public override IEnumerable<Violation> Check(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.HeaderHasToken("Connection", "Upgrade") || !string.Equals(request.Header("Upgrade"), "websocket", StringComparison.OrdinalIgnoreCase))
        {
            yield return new Violation("header Upgrade", "a websocket attach must send 'Connection: Upgrade' and 'Upgrade: websocket'.");
        }

        if (request.Header("Sec-WebSocket-Version") != "13")
        {
            yield return new Violation("header Sec-WebSocket-Version", $"is '{request.Header("Sec-WebSocket-Version")}', not 13.");
        }

        if (!IsValidKey(request.Header("Sec-WebSocket-Key")))
        {
            yield return new Violation("header Sec-WebSocket-Key", $"'{request.Header("Sec-WebSocket-Key")}' is not base64 of 16 bytes.");
        }
    }

    /// <inheritdoc />
    public override async Task<bool> RespondAsync(ResponseContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var key = context.Request.Header("Sec-WebSocket-Key");
        if (!IsValidKey(key))
        {
            await HttpResponseWriter.WriteAsync(context.Connection, 400, [new("Content-Type", "application/json")], """{"message":"not a websocket handshake"}"""u8.ToArray(), isHead: false, cancellationToken).ConfigureAwait(false);
            return false;
        }

        var accept = Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + HandshakeGuid)));
        await HttpResponseWriter.WriteHeadAsync(context.Connection, 101, [new("Upgrade", "websocket"), new("Connection", "Upgrade"), new("Sec-WebSocket-Accept", accept)], cancellationToken).ConfigureAwait(false);

        using var socket = WebSocket.CreateFromStream(new HijackedStream(context.Reader, context.Connection), new WebSocketCreationOptions { IsServer = true, KeepAliveInterval = Timeout.InfiniteTimeSpan });
        var buffer = new byte[16 * 1024];
        while (true)
        {
            var received = await socket.ReceiveAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, cancellationToken).ConfigureAwait(false);
                break;
            }

            await socket.SendAsync(buffer.AsMemory(0, received.Count), received.MessageType, received.EndOfMessage, cancellationToken).ConfigureAwait(false);
        }

        context.Socket.Shutdown(SocketShutdown.Both);
        return false;
    }

    private static bool IsValidKey(string? key)
    {
        Span<byte> decoded = stackalloc byte[24];
        return key is not null && Convert.TryFromBase64String(key, decoded, out var length) && length == 16;
    }
}
