using DockerApiGen.Runtime.Configuration;
using DockerApiGen.Runtime.Transport;
using DockerApiGen.Runtime.Tests.Connect.Support;

namespace DockerApiGen.Runtime.Tests.Connect;

/// <summary>Endpoint strings as the docker CLI accepts them, and the messages for those it does not.</summary>
public sealed class EndpointParsingTests
{
    [Theory]
    [InlineData("unix:///var/run/docker.sock", typeof(UnixSocketTransport), "unix:///var/run/docker.sock")]
    [InlineData("unix://", typeof(UnixSocketTransport), "unix:///var/run/docker.sock")]
    [InlineData("tcp://10.0.0.5:2375", typeof(TcpTransport), "tcp://10.0.0.5:2375")]
    [InlineData("tcp://10.0.0.5", typeof(TcpTransport), "tcp://10.0.0.5:2375")]
    [InlineData("tcp://:2375", typeof(TcpTransport), "tcp://127.0.0.1:2375")]
    [InlineData("tcp://[::1]:2375", typeof(TcpTransport), "tcp://[::1]:2375")]
    [InlineData("docker.example:2375", typeof(TcpTransport), "tcp://docker.example:2375")]
    [InlineData("http://docker.example:2375", typeof(TcpTransport), "tcp://docker.example:2375")]
    [InlineData("https://docker.example:2376", typeof(TcpTransport), "tcp://docker.example:2376")]
    [InlineData("npipe:////./pipe/docker_engine", typeof(NamedPipeTransport), "npipe:////./pipe/docker_engine")]
    [InlineData("npipe:////build-host/pipe/dockerDesktopLinuxEngine", typeof(NamedPipeTransport), "npipe:////build-host/pipe/dockerDesktopLinuxEngine")]
    [InlineData("ssh://builder@docker.example", typeof(SshTransport), "ssh://builder@docker.example")]
    [InlineData("ssh://builder@docker.example:2222", typeof(SshTransport), "ssh://builder@docker.example:2222")]
    [InlineData("ssh://docker.example", typeof(SshTransport), "ssh://docker.example")]
    public void Parses_each_scheme(string endpoint, Type type, string normalized)
    {
        using var transport = DockerEndpoints.FromEndpoint(endpoint);
        Assert.IsType(type, transport);
        Assert.Equal(normalized, transport.Endpoint);
    }

    [Fact]
    public void Https_uses_tls_and_tcp_with_tls_defaults_to_port_2376()
    {
        using var https = DockerEndpoints.FromEndpoint("https://docker.example:2376");
        Assert.Equal("docker.example", https.Tls?.TargetHost);
        Assert.Equal(new Uri("https://docker.example:2376/"), https.BaseAddress);

        using var home = new TempFolder();
        File.WriteAllText(Path.Combine(home.Path, "ca.pem"), File.ReadAllText(WriteCa(home.Path)));
        using var tcp = DockerEndpoints.FromEndpoint("tcp://docker.example", new DockerTlsOptions { CertificateDirectory = home.Path });
        Assert.Equal("tcp://docker.example:2376", tcp.Endpoint);
    }

    [Fact]
    public void Ssh_arguments_are_the_docker_clis_with_user_options_first()
    {
        using var transport = (SshTransport)DockerEndpoints.FromEndpoint("ssh://builder@docker.example:2222", tls: null, new SshTransportOptions { IdentityFile = "/keys/id", Options = ["StrictHostKeyChecking=accept-new"] });
        Assert.Equal(
            ["-o", "StrictHostKeyChecking=accept-new", "-i", "/keys/id", "-o", "ConnectTimeout=30", "-T", "-o", "BatchMode=yes", "-l", "builder", "-p", "2222", "--", "docker.example", "docker", "system", "dial-stdio"],
            transport.SshArguments);
    }

    [Theory]
    [InlineData("tcp://docker.example:notaport", "is malformed: it is not a valid host and port")]
    [InlineData("tcp://docker.example:99999", "is malformed: it is not a valid host and port")]
    [InlineData("tcp://", "is malformed: it is not a valid host and port")]
    [InlineData("tcp://docker.example:2375/v1.41", "is malformed: it has a path, query or fragment after the host and port")]
    [InlineData("fd://3", "has the scheme 'fd', which this client does not support")]
    [InlineData("npipe://docker_engine", "is malformed: a named pipe is written npipe:////SERVER/pipe/NAME")]
    [InlineData("ssh://-oProxyCommand=touch@docker.example", "must not start with '-'")]
    [InlineData("ssh://builder@docker.example/var/run/docker.sock", "an ssh endpoint has nothing after the host and port")]
    public void A_malformed_docker_host_names_the_variable_and_shows_the_accepted_forms(string endpoint, string problem)
    {
        using var home = new TempFolder();
        var error = Assert.Throws<DockerConfigurationException>(() => DockerEndpoints.Resolve(new DockerClientOptions(), Daemon.Environment(home.Path, ("DOCKER_HOST", endpoint))));

        Assert.Equal("DOCKER_HOST", error.Setting);
        Assert.Contains($"'{endpoint}' (from DOCKER_HOST)", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_docker_host_message_in_full()
    {
        using var home = new TempFolder();
        var error = Assert.Throws<DockerConfigurationException>(() => DockerEndpoints.Resolve(new DockerClientOptions(), Daemon.Environment(home.Path, ("DOCKER_HOST", "tcp://docker.example:notaport"))));
        Assert.Equal(
            "The Docker endpoint 'tcp://docker.example:notaport' (from DOCKER_HOST) is malformed: it is not a valid host and port. Write it as unix:///var/run/docker.sock, tcp://host:2376, https://host:2376, ssh://user@host or npipe:////./pipe/docker_engine.",
            error.Message);
    }

    [Fact]
    public void A_password_in_an_endpoint_never_reaches_a_message()
    {
        using var home = new TempFolder();
        var ssh = Assert.Throws<DockerConfigurationException>(() => DockerEndpoints.Resolve(new DockerClientOptions(), Daemon.Environment(home.Path, ("DOCKER_HOST", "ssh://builder:s3cr3t-pw@docker.example"))));
        Assert.DoesNotContain("s3cr3t-pw", ssh.Message, StringComparison.Ordinal);
        Assert.Contains("ssh://builder:***@docker.example", ssh.Message, StringComparison.Ordinal);
        Assert.Contains("ssh:// endpoints do not take one", ssh.Message, StringComparison.Ordinal);

        var tcp = Assert.Throws<DockerConfigurationException>(() => DockerEndpoints.FromEndpoint("tcp://admin:s3cr3t-pw@docker.example:2375"));
        Assert.DoesNotContain("s3cr3t-pw", tcp.Message, StringComparison.Ordinal);

        var options = new DockerClientOptions { Endpoint = "tcp://admin:s3cr3t-pw@docker.example:2375" };
        Assert.DoesNotContain("s3cr3t-pw", options.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Endpoint_and_context_together_are_refused_as_by_the_docker_cli()
    {
        using var home = new TempFolder();
        var error = Assert.Throws<DockerConfigurationException>(() => DockerEndpoints.Resolve(new DockerClientOptions { Endpoint = "tcp://a:2375", Context = "b" }, Daemon.Environment(home.Path)));
        Assert.Equal("DockerClientOptions sets both Endpoint and Context; set one of them (as the docker CLI refuses --host with --context).", error.Message);
    }

    [Fact]
    public void Docker_tls_verify_without_a_ca_file_says_where_it_looked()
    {
        using var home = new TempFolder();
        var environment = Daemon.Environment(home.Path, ("DOCKER_HOST", "tcp://docker.example:2376"), ("DOCKER_TLS_VERIFY", "1"), ("DOCKER_CERT_PATH", home.Path));
        var error = Assert.Throws<DockerConfigurationException>(() => DockerEndpoints.Resolve(new DockerClientOptions(), environment));

        Assert.Equal("DOCKER_TLS_VERIFY/DOCKER_TLS and DOCKER_CERT_PATH", error.Setting);
        Assert.Contains($"verify the daemon but there is no CA certificate at {Path.Combine(home.Path, "ca.pem")}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Docker_tls_verify_uses_the_config_folder_when_docker_cert_path_is_unset()
    {
        using var home = new TempFolder();
        var tls = DockerEndpoints.TlsFromEnvironment(Daemon.Environment(home.Path, ("DOCKER_TLS_VERIFY", "0")));
        // As in the docker CLI, any non-empty value turns verification on, "0" included.
        Assert.NotNull(tls);
        Assert.False(tls.DangerouslyAcceptAnyServerCertificate);
        Assert.Equal(Path.Combine(home.Path, ".docker"), tls.CertificateDirectory);
    }

    private static string WriteCa(string folder)
    {
        using var key = System.Security.Cryptography.ECDsa.Create();
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=ca", key, System.Security.Cryptography.HashAlgorithmName.SHA256);
        using var ca = request.CreateSelfSigned(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(1));
        var path = Path.Combine(folder, "made-ca.pem");
        File.WriteAllText(path, ca.ExportCertificatePem());
        return path;
    }
}
