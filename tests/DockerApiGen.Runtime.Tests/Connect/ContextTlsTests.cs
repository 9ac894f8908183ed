using DockerApiGen.Runtime.Transport;
using DockerApiGen.Runtime.Tests.Connect.Support;

namespace DockerApiGen.Runtime.Tests.Connect;

/// <summary>Contexts that reach the private TLS daemon with the TLS material stored in the context store.</summary>
[Collection(TcpDaemonsCollection.Name)]
public sealed class ContextTlsTests(TcpDaemons daemons)
{
    [Fact]
    public async Task A_context_store_with_tls_files_written_by_the_test_connects()
    {
        daemons.RequireRunning();
        using var config = new TempFolder();
        ContextStoreWriter.Write(config.Path, "dag-tls", $"tcp://127.0.0.1:{daemons.TlsPort}", tlsFilesFrom: daemons.Certificates.GoodClientDirectory);
        using var transport = DockerEndpoints.Resolve(new DockerClientOptions { Context = "dag-tls" }, Daemon.Environment(config.Path, ("DOCKER_CONFIG", config.Path)));

        Assert.NotNull(transport.Tls);
        await Daemon.PingVersionAndListAsync(transport);
    }

    [Fact]
    public async Task A_tls_context_made_by_the_real_docker_cli_connects()
    {
        daemons.RequireRunning();
        var docker = Components.Find("docker");
        Components.RequireNoProblem(docker is null ? "the docker CLI is not installed." : null);
        using var config = new TempFolder();
        var files = daemons.Certificates.GoodClientDirectory;
        var created = await ProcessRunner.RunAsync(docker!,
            ["context", "create", "dag-cli-tls", "--docker", $"host=tcp://127.0.0.1:{daemons.TlsPort},ca={files}/ca.pem,cert={files}/cert.pem,key={files}/key.pem"],
            new Dictionary<string, string?> { ["DOCKER_CONFIG"] = config.Path, ["DOCKER_HOST"] = null, ["DOCKER_CONTEXT"] = null });
        Assert.True(created.ExitCode == 0, created.ToString());

        using var transport = DockerEndpoints.Resolve(new DockerClientOptions(), Daemon.Environment(config.Path, ("DOCKER_CONFIG", config.Path), ("DOCKER_CONTEXT", "dag-cli-tls")));
        Assert.NotNull(transport.Tls);
        var versions = await Daemon.PingVersionAndListAsync(transport);
        Assert.Equal(new Version(1, 41), versions.Maximum);
    }

    [Fact]
    public async Task A_context_with_skip_tls_verify_accepts_the_daemon_without_a_ca()
    {
        daemons.RequireRunning();
        using var config = new TempFolder();
        using var clientOnly = new TempFolder();
        File.Copy(Path.Combine(daemons.Certificates.GoodClientDirectory, "cert.pem"), Path.Combine(clientOnly.Path, "cert.pem"));
        File.Copy(Path.Combine(daemons.Certificates.GoodClientDirectory, "key.pem"), Path.Combine(clientOnly.Path, "key.pem"));
        ContextStoreWriter.Write(config.Path, "dag-skip", $"tcp://127.0.0.1:{daemons.TlsPort}", skipTlsVerify: true, tlsFilesFrom: clientOnly.Path);
        using var transport = DockerEndpoints.Resolve(new DockerClientOptions(), Daemon.Environment(config.Path, ("DOCKER_CONFIG", config.Path), ("DOCKER_CONTEXT", "dag-skip")));

        await Daemon.PingVersionAndListAsync(transport);
    }
}
