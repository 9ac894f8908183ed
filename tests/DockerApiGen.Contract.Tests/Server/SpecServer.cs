using System.Collections.Concurrent;
using System.Net.Sockets;
using DockerApiGen.Contract.Tests.Responses;
using DockerApiGen.Contract.Tests.Spec;
using DockerApiGen.Contract.Tests.Validation;

namespace DockerApiGen.Contract.Tests.Server;

/// <summary>
/// A spec-driven stand-in for the daemon (or Docker Hub): HTTP/1.1 on a unix socket in a temporary folder, so a
/// client connects exactly as to a daemon. It checks every request against one version's spec, records it with
/// its violations, and answers from the spec (see <see cref="WireBehaviours"/>); with <see cref="SpecServerOptions"/>
/// it also checks and issues bearer tokens and announces rate limits, and <see cref="Faults"/> queues refusals.
/// </summary>
public sealed class SpecServer : IAsyncDisposable
{
    private readonly Socket _listener;
    private readonly DirectoryInfo _folder;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<Task, Socket> _connections = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentQueue<Exception> _errors = new();
    private readonly ServerConnection _connection;
    private readonly Task _acceptLoop;

    private SpecServer(ContractSpec spec, SpecServerOptions options)
    {
        Spec = spec;
        Options = options;
        _folder = Directory.CreateTempSubdirectory("dockerapigen-contract-");
        SocketPath = Path.Combine(_folder.FullName, "docker.sock");
        _listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        _listener.Bind(new UnixDomainSocketEndPoint(SocketPath));
        _listener.Listen(64);
        _connection = new ServerConnection(spec, new RequestValidator(spec), new SampleJson(spec.Schemas), _requests.Enqueue) { Options = options, Faults = Faults };
        _acceptLoop = AcceptAsync();
    }

    /// <summary>The spec it serves.</summary>
    public ContractSpec Spec { get; }

    /// <summary>What it does beyond the spec.</summary>
    public SpecServerOptions Options { get; }

    /// <summary>Refusals to answer next (429, 401).</summary>
    public ServerFaults Faults { get; } = new();

    /// <summary>The socket's path.</summary>
    public string SocketPath { get; }

    /// <summary>The endpoint as a client takes it (<c>unix:///tmp/…/docker.sock</c>).</summary>
    public string Endpoint => "unix://" + SocketPath;

    /// <summary>Every request received so far, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>
    /// Failures of the server itself while answering (not a client's disconnecting); a test that sees any
    /// must fail, since the answers may then be wrong.
    /// </summary>
    public IReadOnlyList<Exception> Errors => [.. _errors];

    /// <summary>Starts a server for a spec.</summary>
    /// <param name="spec">The spec.</param>
    /// <param name="options">Authentication and rate limits; none by default.</param>
    public static SpecServer Start(ContractSpec spec, SpecServerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new SpecServer(spec, options ?? new SpecServerOptions());
    }

    /// <summary>Stops listening, closes every connection and removes the socket's folder.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Dispose();
        foreach (var socket in _connections.Values)
        {
            socket.Dispose();
        }

        await Task.WhenAll(_connections.Keys.Append(_acceptLoop)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
        _folder.Delete(recursive: true);
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            var served = ServeAsync(client);
            _connections[served] = client;
            _ = served.ContinueWith(t => _connections.TryRemove(t, out Socket? _), TaskScheduler.Default);
        }
    }

    private async Task ServeAsync(Socket client)
    {
        await Task.Yield();
        try
        {
            await _connection.ServeAsync(client, _stop.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsDisconnect(ex))
        {
            // The client went away (a cancelled stream, a disposed client), or the server is stopping.
        }
        catch (Exception ex)
        {
            _errors.Enqueue(ex);
        }
    }

    private bool IsDisconnect(Exception ex)
        => ex is IOException or SocketException or ObjectDisposedException
            || (ex is OperationCanceledException && _stop.IsCancellationRequested)
            || (ex is System.Net.WebSockets.WebSocketException { WebSocketErrorCode: System.Net.WebSockets.WebSocketError.ConnectionClosedPrematurely });
}
