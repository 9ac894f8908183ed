using System.Globalization;
using System.Net.Sockets;
using System.Text;
using DockerApiGen.Runtime.Tests.Connect.Support;

namespace DockerApiGen.Runtime.Tests;

/// <summary>
/// A stand-in for the daemon on a unix socket that answers every request with bytes a test writes by hand:
/// answers no real server would give (a stream cut in the middle, a session that is not upgraded). Each
/// connection gets one request; the connection is closed when the script returns.
/// </summary>
internal sealed class ScriptedDaemon : IAsyncDisposable
{
    private readonly TempFolder _folder = new("sd");
    private readonly Socket _listener = new(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
    private readonly Func<ScriptedRequest, Stream, Task> _script;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    /// <summary>Starts listening.</summary>
    /// <param name="script">Writes the answer to one request (the raw HTTP/1.1 bytes) on the connection's stream.</param>
    public ScriptedDaemon(Func<ScriptedRequest, Stream, Task> script)
    {
        _script = script;
        var path = _folder.Combine("d.sock");
        _listener.Bind(new UnixDomainSocketEndPoint(path));
        _listener.Listen();
        Endpoint = "unix://" + path;
        _accepting = AcceptAsync();
    }

    /// <summary>The endpoint to give the client.</summary>
    public string Endpoint { get; }

    /// <summary>The requests seen so far.</summary>
    public List<ScriptedRequest> Requests { get; } = [];

    /// <summary>A chunk of a chunked body.</summary>
    /// <param name="text">Its text.</param>
    public static string Chunk(string text) => $"{Encoding.UTF8.GetByteCount(text):x}\r\n{text}\r\n";

    /// <summary>Writes text to the connection and flushes it.</summary>
    /// <param name="stream">The connection.</param>
    /// <param name="text">The bytes, as ASCII/UTF-8 text.</param>
    public static async Task WriteAsync(Stream stream, string text)
    {
        await stream.WriteAsync(Encoding.UTF8.GetBytes(text));
        await stream.FlushAsync();
    }

    /// <summary>Waits until the client closes the connection (as a daemon keeps an answered connection open).</summary>
    /// <param name="stream">The connection.</param>
    public static async Task WaitForCloseAsync(Stream stream)
    {
        var buffer = new byte[256];
        while (await stream.ReadAsync(buffer) > 0)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Dispose();
        try
        {
            await _accepting;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        _stop.Dispose();
        _folder.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var socket = await _listener.AcceptAsync(_stop.Token);
            _ = ServeAsync(socket);
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        await using var stream = new NetworkStream(socket, ownsSocket: true);
        try
        {
            var request = await ReadRequestAsync(stream);
            lock (Requests)
            {
                Requests.Add(request);
            }

            await _script(request, stream);
        }
        catch (IOException)
        {
            // The client went away first.
        }
    }

    private static async Task<ScriptedRequest> ReadRequestAsync(Stream stream)
    {
        var head = new List<byte>();
        var one = new byte[1];
        while (head.Count < 4 || !(head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n'))
        {
            if (await stream.ReadAsync(one) == 0)
            {
                throw new IOException("The client closed the connection inside a request head.");
            }

            head.Add(one[0]);
        }

        var lines = Encoding.ASCII.GetString([.. head]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var headers = lines.Skip(1).Select(l => l.Split(':', 2)).ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.OrdinalIgnoreCase);
        var body = new byte[headers.TryGetValue("Content-Length", out var length) ? int.Parse(length, CultureInfo.InvariantCulture) : 0];
        await stream.ReadExactlyAsync(body);
        return new ScriptedRequest(lines[0], headers, Encoding.UTF8.GetString(body));
    }
}

/// <summary>A request the scripted daemon received.</summary>
/// <param name="RequestLine">Its first line (<c>POST /v1.41/exec/x/start HTTP/1.1</c>).</param>
/// <param name="Headers">Its headers.</param>
/// <param name="Body">Its body, as text.</param>
internal sealed record ScriptedRequest(string RequestLine, IReadOnlyDictionary<string, string> Headers, string Body);
