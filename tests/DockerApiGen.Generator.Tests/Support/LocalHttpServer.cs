using System.Net;
using System.Net.Sockets;
using System.Text;

namespace DockerApiGen.Generator.Tests.Support;

/// <summary>
/// A minimal HTTP/1.1 server on 127.0.0.1 for tests that play upstream (GitHub's API and raw files):
/// GET only, one request per connection, answers from a table of paths (with query) to bodies; anything
/// else is 404. It records the paths asked for.
/// </summary>
public sealed class LocalHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Dictionary<string, byte[]> _files = new(StringComparer.Ordinal);
    private readonly List<string> _requests = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    /// <summary>Starts listening on a free port.</summary>
    public LocalHttpServer()
    {
        _listener.Start();
        _loop = Task.Run(AcceptAsync);
    }

    /// <summary>The server's base address, ending with a slash.</summary>
    public Uri BaseUrl => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    /// <summary>The paths (with query) asked for, in order.</summary>
    public IReadOnlyList<string> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Serves bytes at a path (with its query, if any), such as <c>/raw/moby/moby/abc/api/swagger.yaml</c>.</summary>
    /// <param name="pathAndQuery">The path, starting with a slash.</param>
    /// <param name="body">The body.</param>
    public void Serve(string pathAndQuery, byte[] body)
    {
        lock (_files)
        {
            _files[pathAndQuery] = body;
        }
    }

    /// <summary>Serves UTF-8 text at a path.</summary>
    /// <param name="pathAndQuery">The path, starting with a slash.</param>
    /// <param name="text">The body.</param>
    public void Serve(string pathAndQuery, string text) => Serve(pathAndQuery, Encoding.UTF8.GetBytes(text));

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
            // Stopping is the point.
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(client));
        }
    }

    private async Task AnswerAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.ASCII, leaveOpen: true);
            var requestLine = await reader.ReadLineAsync(_stop.Token) ?? string.Empty;
            while (!string.IsNullOrEmpty(await reader.ReadLineAsync(_stop.Token)))
            {
                // Headers are not needed to answer.
            }

            var parts = requestLine.Split(' ');
            var path = parts.Length > 1 ? parts[1] : "/";
            lock (_requests)
            {
                _requests.Add(path);
            }

            byte[]? body;
            lock (_files)
            {
                body = parts[0] == "GET" && _files.TryGetValue(path, out var found) ? found : null;
            }

            var status = body is null ? "404 Not Found" : "200 OK";
            body ??= Encoding.UTF8.GetBytes("{\"message\":\"Not Found\"}");
            var head = Encoding.ASCII.GetBytes($"HTTP/1.1 {status}\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n");
            await stream.WriteAsync(head, _stop.Token);
            await stream.WriteAsync(body, _stop.Token);
        }
    }
}
