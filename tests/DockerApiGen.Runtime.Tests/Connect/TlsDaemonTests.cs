using System.Text;
using DockerApiGen.Runtime.Transport;
using DockerApiGen.Runtime.Tests.Connect.Support;

namespace DockerApiGen.Runtime.Tests.Connect;

/// <summary>A private dockerd with <c>--tlsverify</c> and certificates this run made; good and bad TLS settings against it.</summary>
[Collection(TcpDaemonsCollection.Name)]
public sealed class TlsDaemonTests(TcpDaemons daemons)
{
    private string TlsHost => $"tcp://127.0.0.1:{daemons.TlsPort}";

    [Fact]
    public async Task Docker_tls_verify_and_cert_path_connect_with_mutual_tls()
    {
        daemons.RequireRunning();
        using var home = new TempFolder();
        var environment = Daemon.Environment(home.Path, ("DOCKER_HOST", TlsHost), ("DOCKER_TLS_VERIFY", "1"), ("DOCKER_CERT_PATH", daemons.Certificates.GoodClientDirectory));
        using var transport = DockerEndpoints.Resolve(new DockerClientOptions(), environment);

        Assert.NotNull(transport.Tls);
        Assert.Equal("https", transport.BaseAddress.Scheme);
        var versions = await Daemon.PingVersionAndListAsync(transport);
        Assert.Equal(new Version(1, 41), versions.Maximum);
        Assert.Equal(new Version(1, 12), versions.Minimum);
        Assert.Equal(["1.40", "1.41"], versions.Supported(["1.40", "1.41", "1.42"]));
    }

    [Fact]
    public async Task A_hijack_connection_does_the_tls_handshake_and_carries_raw_http()
    {
        daemons.RequireRunning();
        using var transport = DockerEndpoints.FromEndpoint(TlsHost, new DockerTlsOptions { CertificateDirectory = daemons.Certificates.GoodClientDirectory });
        await using var connection = await transport.OpenConnectionAsync(TestContext.Current.CancellationToken);

        await connection.WriteAsync(Encoding.ASCII.GetBytes("GET /_ping HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"), TestContext.Current.CancellationToken);
        using var reader = new StreamReader(connection, Encoding.ASCII);
        var answer = await reader.ReadToEndAsync(TestContext.Current.CancellationToken);
        Assert.StartsWith("HTTP/1.1 200 OK", answer, StringComparison.Ordinal);
        Assert.EndsWith("OK", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_ca_names_the_endpoint_the_ca_file_and_what_to_use()
    {
        daemons.RequireRunning();
        using var transport = DockerEndpoints.FromEndpoint(TlsHost, new DockerTlsOptions { CertificateDirectory = daemons.Certificates.WrongCaDirectory });
        var error = await Daemon.FailureAsync(transport);

        Assert.Equal(transport.Endpoint, error.Endpoint);
        Assert.Contains($"The daemon at tcp://127.0.0.1:{daemons.TlsPort} presented a certificate", error.Message, StringComparison.Ordinal);
        Assert.Contains($"that the CA in {Path.Combine(daemons.Certificates.WrongCaDirectory, "ca.pem")} did not sign", error.Message, StringComparison.Ordinal);
        Assert.Contains("Use the CA that signed the daemon's certificate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_client_certificate_says_the_daemon_requires_one()
    {
        daemons.RequireRunning();
        using var transport = DockerEndpoints.FromEndpoint(TlsHost, new DockerTlsOptions { CertificateDirectory = daemons.Certificates.NoClientDirectory });
        var error = await Daemon.FailureAsync(transport);

        Assert.Contains(TlsHost, error.Message, StringComparison.Ordinal);
        Assert.Contains("requires", error.Message, StringComparison.Ordinal);
        Assert.Contains("cert.pem and key.pem", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_certificate_from_another_ca_says_the_daemon_rejected_it()
    {
        daemons.RequireRunning();
        using var transport = DockerEndpoints.FromEndpoint(TlsHost, new DockerTlsOptions { CertificateDirectory = daemons.Certificates.WrongClientDirectory });
        var error = await Daemon.FailureAsync(transport);

        Assert.Contains(TlsHost, error.Message, StringComparison.Ordinal);
        Assert.Contains("client certificate", error.Message, StringComparison.Ordinal);
        Assert.Contains("signed by the CA", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plain_http_to_the_tls_daemon_says_it_expects_tls()
    {
        daemons.RequireRunning();
        using var transport = DockerEndpoints.FromEndpoint(TlsHost);
        var error = await Daemon.FailureAsync(transport);

        Assert.Equal($"The Docker daemon at {TlsHost} expects TLS, but this client sent plain HTTP. Set DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH to the folder with ca.pem, cert.pem and key.pem (or DockerClientOptions.Tls), or use an https:// endpoint.", error.Message);
    }

    [Fact]
    public async Task Tls_to_a_plain_http_daemon_says_it_does_not_speak_tls()
    {
        daemons.RequireRunning();
        var plainHost = $"tcp://127.0.0.1:{daemons.PlainPort}";
        using var transport = DockerEndpoints.FromEndpoint(plainHost, new DockerTlsOptions { CertificateDirectory = daemons.Certificates.GoodClientDirectory });
        var error = await Daemon.FailureAsync(transport);

        Assert.StartsWith($"The TLS handshake with the Docker daemon at {plainHost} failed", error.Message, StringComparison.Ordinal);
        Assert.Contains("The endpoint does not speak TLS: it looks like a plain HTTP daemon.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Docker_cert_path_alone_turns_tls_on_neither_here_nor_in_the_docker_cli()
    {
        daemons.RequireRunning();
        using var home = new TempFolder();
        (string, string)[] variables = [("DOCKER_HOST", TlsHost), ("DOCKER_CERT_PATH", daemons.Certificates.GoodClientDirectory), ("DOCKER_CONFIG", home.Path)];
        using var transport = DockerEndpoints.Resolve(new DockerClientOptions(), Daemon.Environment(home.Path, variables));
        Assert.Null(transport.Tls);

        var docker = Components.Find("docker");
        Components.RequireNoProblem(docker is null ? "the docker CLI is not installed." : null);
        var cli = await ProcessRunner.RunAsync(docker!, ["version", "--format", "{{.Server.APIVersion}}"],
            new Dictionary<string, string?> { ["DOCKER_HOST"] = TlsHost, ["DOCKER_CERT_PATH"] = daemons.Certificates.GoodClientDirectory, ["DOCKER_CONFIG"] = home.Path, ["DOCKER_TLS_VERIFY"] = null, ["DOCKER_TLS"] = null, ["DOCKER_CONTEXT"] = null });
        Assert.Contains(DockerConnectionFailures.PlainRequestToTlsServerAnswer, cli.Stderr + cli.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_docker_cli_agrees_that_docker_tls_verify_with_the_good_files_connects()
    {
        daemons.RequireRunning();
        var docker = Components.Find("docker");
        Components.RequireNoProblem(docker is null ? "the docker CLI is not installed." : null);
        using var home = new TempFolder();
        var cli = await ProcessRunner.RunAsync(docker!, ["version", "--format", "{{.Server.APIVersion}}"],
            new Dictionary<string, string?> { ["DOCKER_HOST"] = TlsHost, ["DOCKER_CERT_PATH"] = daemons.Certificates.GoodClientDirectory, ["DOCKER_TLS_VERIFY"] = "1", ["DOCKER_CONFIG"] = home.Path, ["DOCKER_CONTEXT"] = null });
        Assert.True(cli.ExitCode == 0, cli.ToString());
        Assert.Equal("1.41", cli.Stdout.Trim());
    }

    [Fact]
    public async Task Docker_tls_without_verify_accepts_any_server_certificate_as_the_docker_cli_does()
    {
        daemons.RequireRunning();
        using var home = new TempFolder();
        var environment = Daemon.Environment(home.Path, ("DOCKER_HOST", TlsHost), ("DOCKER_TLS", "1"), ("DOCKER_CERT_PATH", daemons.Certificates.WrongCaDirectory));
        using var transport = DockerEndpoints.Resolve(new DockerClientOptions(), environment);

        var versions = await Daemon.PingVersionAndListAsync(transport);
        Assert.Equal(new Version(1, 41), versions.Maximum);
    }

    [Fact]
    public async Task Turning_verification_off_is_an_explicit_option()
    {
        daemons.RequireRunning();
        var options = new DockerClientOptions
        {
            Endpoint = TlsHost,
            Tls = new DockerTlsOptions { CertificateDirectory = daemons.Certificates.WrongCaDirectory, DangerouslyAcceptAnyServerCertificate = true },
        };
        using var home = new TempFolder();
        using var transport = DockerEndpoints.Resolve(options, Daemon.Environment(home.Path));

        await Daemon.PingVersionAndListAsync(transport);
    }

    [Fact]
    public async Task The_daemon_certificate_must_name_the_host()
    {
        daemons.RequireRunning();
        // The certificate names 127.0.0.1 only; "localhost" reaches the same daemon under another name.
        using var transport = DockerEndpoints.FromEndpoint($"tcp://localhost:{daemons.TlsPort}", new DockerTlsOptions { CertificateDirectory = daemons.Certificates.GoodClientDirectory });
        var error = await Daemon.FailureAsync(transport);

        Assert.Contains($"The daemon at tcp://localhost:{daemons.TlsPort} presented a certificate for", error.Message, StringComparison.Ordinal);
        Assert.Contains("that does not name this host", error.Message, StringComparison.Ordinal);
    }
}
