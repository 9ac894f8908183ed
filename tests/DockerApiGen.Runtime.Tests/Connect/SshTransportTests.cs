using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DockerApiGen.Runtime.Transport;
using DockerApiGen.Runtime.Tests.Connect.Support;

namespace DockerApiGen.Runtime.Tests.Connect;

/// <summary>
/// ssh:// against a private sshd on loopback that logs in to this machine, whose docker CLI's
/// <c>docker system dial-stdio</c> reaches the project's test daemon.
/// </summary>
public sealed class SshTransportTests(SshServer ssh) : IClassFixture<SshServer>
{
    private const string Image = "dockerapigen/busybox:latest";

    private SshTransport Transport(string? identity = null)
        => (SshTransport)DockerEndpoints.FromEndpoint(ssh.Endpoint, tls: null, new SshTransportOptions { IdentityFile = identity ?? ssh.IdentityFile, Options = ssh.ClientOptions });

    [Fact]
    public async Task Pings_reads_versions_and_lists_containers_over_ssh()
    {
        ssh.RequireRunning();
        using var transport = Transport();
        var versions = await Daemon.PingVersionAndListAsync(transport);
        Assert.Equal(new Version(1, 41), versions.Maximum);
    }

    [Fact]
    public async Task Runs_a_container_lifecycle_over_ssh()
    {
        ssh.RequireRunning();
        var cancellationToken = TestContext.Current.CancellationToken;
        using var transport = Transport();
        using var http = new HttpClient(transport.CreateHandler()) { BaseAddress = transport.BaseAddress };

        var id = await CreateAsync(http, """{"Image":"dockerapigen/busybox:latest","Cmd":["sh","-c","echo hello over ssh"],"HostConfig":{"NetworkMode":"none"}}""", cancellationToken);
        try
        {
            (await http.PostAsync($"v1.41/containers/{id}/start", null, cancellationToken)).EnsureSuccessStatusCode();
            using var wait = await http.PostAsync($"v1.41/containers/{id}/wait", null, cancellationToken);
            using var status = JsonDocument.Parse(await wait.Content.ReadAsStringAsync(cancellationToken));
            Assert.Equal(0, status.RootElement.GetProperty("StatusCode").GetInt32());
            var logs = await http.GetByteArrayAsync($"v1.41/containers/{id}/logs?stdout=1", cancellationToken);
            Assert.Contains("hello over ssh", Encoding.UTF8.GetString(logs), StringComparison.Ordinal);
        }
        finally
        {
            (await http.DeleteAsync($"v1.41/containers/{id}?force=1", cancellationToken)).EnsureSuccessStatusCode();
        }
    }

    [Fact]
    public async Task Attaches_over_a_hijacked_ssh_connection_and_half_closes_stdin()
    {
        ssh.RequireRunning();
        var cancellationToken = TestContext.Current.CancellationToken;
        using var transport = Transport();
        using var http = new HttpClient(transport.CreateHandler()) { BaseAddress = transport.BaseAddress };
        var id = await CreateAsync(http, """{"Image":"dockerapigen/busybox:latest","Cmd":["cat"],"OpenStdin":true,"StdinOnce":true,"AttachStdin":true,"AttachStdout":true,"HostConfig":{"NetworkMode":"none"}}""", cancellationToken);
        try
        {
            await using var connection = await transport.OpenConnectionAsync(cancellationToken);
            await connection.WriteAsync(Encoding.ASCII.GetBytes(
                $"POST /v1.41/containers/{id}/attach?stream=1&stdin=1&stdout=1 HTTP/1.1\r\nHost: docker\r\nConnection: Upgrade\r\nUpgrade: tcp\r\nContent-Length: 0\r\n\r\n"), cancellationToken);
            var head = await ReadHeadAsync(connection, cancellationToken);
            Assert.StartsWith("HTTP/1.1 101 UPGRADED", head, StringComparison.Ordinal);

            (await http.PostAsync($"v1.41/containers/{id}/start", null, cancellationToken)).EnsureSuccessStatusCode();
            await connection.WriteAsync(Encoding.UTF8.GetBytes("typed into stdin\n"), cancellationToken);
            await connection.FlushAsync(cancellationToken);
            // cat exits only when its stdin ends: the output can end only if the half-close reached the container.
            await Assert.IsAssignableFrom<IHalfClosableStream>(connection).CloseWriteAsync(cancellationToken);

            var stdout = await MultiplexedFrames.ReadStdoutToEndAsync(connection, cancellationToken);
            Assert.Equal("typed into stdin\n", stdout);
        }
        finally
        {
            (await http.DeleteAsync($"v1.41/containers/{id}?force=1", cancellationToken)).EnsureSuccessStatusCode();
        }
    }

    [Fact]
    public async Task A_key_the_server_refuses_gives_ssh_s_own_words_and_the_endpoint()
    {
        ssh.RequireRunning();
        using var transport = Transport(ssh.UnknownIdentityFile);
        var error = await Daemon.FailureAsync(transport);

        Assert.StartsWith($"Cannot connect to the Docker daemon at {ssh.Endpoint}: ssh exited with code 255 and said: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("Permission denied (publickey)", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("ssh could not connect or log in: check the host, port, user and key (SshTransportOptions.IdentityFile), and that the host key is known (or set SshTransportOptions.Options).", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_port_without_sshd_gives_ssh_s_connection_refused()
    {
        var sshClient = Components.Find("ssh");
        Components.RequireNoProblem(sshClient is null ? "the ssh client is not installed (Debian: openssh-client)." : null);
        var port = FreePort.Next();
        using var transport = DockerEndpoints.FromEndpoint($"ssh://root@127.0.0.1:{port}", tls: null, new SshTransportOptions { Options = ["StrictHostKeyChecking=no", "UserKnownHostsFile=/dev/null"] });
        var error = await Daemon.FailureAsync(transport);

        Assert.Contains($"ssh://root@127.0.0.1:{port}", error.Message, StringComparison.Ordinal);
        Assert.Contains("Connection refused", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_ssh_client_says_to_install_one()
    {
        using var transport = DockerEndpoints.FromEndpoint("ssh://root@127.0.0.1", tls: null, new SshTransportOptions { SshExecutable = "/nonexistent/ssh" });
        var error = await Daemon.FailureAsync(transport);
        Assert.Contains("the ssh client '/nonexistent/ssh' cannot be started", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("Install OpenSSH's client, or set SshTransportOptions.SshExecutable.", error.Message, StringComparison.Ordinal);
    }

    private static async Task<string> CreateAsync(HttpClient http, string body, CancellationToken cancellationToken)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var created = await http.PostAsync("v1.41/containers/create", content, cancellationToken);
        var text = await created.Content.ReadAsStringAsync(cancellationToken);
        Assert.True(created.IsSuccessStatusCode, text);
        using var document = JsonDocument.Parse(text);
        return document.RootElement.GetProperty("Id").GetString()!;
    }

    private static async Task<string> ReadHeadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = new List<byte>();
        var chunk = new byte[1];
        // Byte by byte, so that nothing after the headers (the start of the output) is consumed by mistake.
        while (buffer.Count < 8192)
        {
            if (await stream.ReadAsync(chunk, cancellationToken) == 0)
            {
                break;
            }

            buffer.Add(chunk[0]);
            if (buffer.Count >= 4 && buffer[^4] == '\r' && buffer[^3] == '\n' && buffer[^2] == '\r' && buffer[^1] == '\n')
            {
                break;
            }
        }

        return Encoding.ASCII.GetString(buffer.ToArray());
    }
}
