namespace DockerApiGen.Runtime.Tests.Connect.Support;

/// <summary>
/// Two private daemons on loopback TCP for the connection tests: one started with <c>--tlsverify</c> and
/// certificates this run made, one on plain TCP (a daemon cannot serve both: <c>--tlsverify</c> applies to every
/// TCP listener). Started once for the collection and stopped at its end.
/// </summary>
public sealed class TcpDaemons : IAsyncLifetime
{
    private TempFolder? _folder;
    private DaemonProcess? _tlsDaemon;
    private DaemonProcess? _plainDaemon;
    private string? _unavailable;

    public int TlsPort { get; private set; }

    public int PlainPort { get; private set; }

    internal TestCertificates Certificates => _certificates ?? throw new InvalidOperationException("Not started.");

    private TestCertificates? _certificates;

    /// <summary>Skips (or fails under CI) the calling test when the daemons could not be started.</summary>
    public void RequireRunning() => Components.RequireNoProblem(_unavailable);

    public async ValueTask InitializeAsync()
    {
        _unavailable = DaemonProcess.Unavailable();
        if (_unavailable is not null)
        {
            return;
        }

        _folder = new TempFolder("dag-tcp");
        _certificates = TestCertificates.Create(_folder.Combine("certs"));
        TlsPort = FreePort.Next();
        PlainPort = FreePort.Next();
        var server = _certificates.ServerDirectory;
        try
        {
            var tls = DaemonProcess.StartAsync(_folder.Combine("tls"), [$"tcp://127.0.0.1:{TlsPort}"],
                ["--tlsverify", "--tlscacert", Path.Combine(server, "ca.pem"), "--tlscert", Path.Combine(server, "server-cert.pem"), "--tlskey", Path.Combine(server, "server-key.pem")],
                CancellationToken.None);
            var plain = DaemonProcess.StartAsync(_folder.Combine("plain"), [$"tcp://127.0.0.1:{PlainPort}"], [], CancellationToken.None);
            _tlsDaemon = await tls;
            _plainDaemon = await plain;
        }
        catch (InvalidOperationException ex)
        {
            _unavailable = "the private TCP daemons did not start: " + ex.Message;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_tlsDaemon is not null)
        {
            await _tlsDaemon.DisposeAsync();
        }

        if (_plainDaemon is not null)
        {
            await _plainDaemon.DisposeAsync();
        }

        _folder?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class TcpDaemonsCollection : ICollectionFixture<TcpDaemons>
{
    public const string Name = "private TCP daemons";
}
