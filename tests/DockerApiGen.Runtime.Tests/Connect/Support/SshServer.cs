using System.Collections.Concurrent;
using System.Diagnostics;

namespace DockerApiGen.Runtime.Tests.Connect.Support;

/// <summary>
/// A private OpenSSH server on a free loopback port, logging root in to this machine with a key the fixture makes.
/// Its sessions get <c>DOCKER_HOST</c> of the project's test daemon (sshd's <c>SetEnv</c>), so the remote
/// <c>docker system dial-stdio</c> reaches that daemon. Needs Debian's openssh-server and openssh-client
/// (build/start-test-daemon.sh installs them) and root.
/// </summary>
public sealed class SshServer : IAsyncLifetime
{
    private TempFolder? _folder;
    private Process? _sshd;
    private string? _unavailable;

    public int Port { get; private set; }

    /// <summary>The private key the server accepts.</summary>
    public string IdentityFile => _folder!.Combine("id_ed25519");

    /// <summary>A private key the server does not accept.</summary>
    public string UnknownIdentityFile => _folder!.Combine("stranger_ed25519");

    /// <summary>The test daemon's socket, which remote sessions reach.</summary>
    public string DaemonSocket { get; private set; } = "";

    public string Endpoint => $"ssh://root@127.0.0.1:{Port}";

    /// <summary>ssh options for a throwaway server: no host key checking against the user's known hosts, quiet.</summary>
    public IList<string> ClientOptions => ["StrictHostKeyChecking=no", "UserKnownHostsFile=/dev/null", "LogLevel=ERROR", "IdentitiesOnly=yes"];

    public void RequireRunning() => Components.RequireNoProblem(_unavailable);

    public async ValueTask InitializeAsync()
    {
        _unavailable = Unavailable();
        if (_unavailable is not null)
        {
            return;
        }

        _folder = new TempFolder("dag-ssh");
        Port = FreePort.Next();
        foreach (var key in new[] { "host_ed25519", "id_ed25519", "stranger_ed25519" })
        {
            var made = await ProcessRunner.RunAsync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "dockerapigen-test", "-f", _folder.Combine(key)]);
            if (made.ExitCode != 0)
            {
                _unavailable = "ssh-keygen failed: " + made;
                return;
            }
        }

        File.Copy(_folder.Combine("id_ed25519.pub"), _folder.Combine("authorized_keys"));
        // sshd refuses to start without its privilege separation folder.
        Directory.CreateDirectory("/run/sshd");
        var config = _folder.Combine("sshd_config");
        await File.WriteAllLinesAsync(config,
        [
            $"Port {Port}",
            "ListenAddress 127.0.0.1",
            $"HostKey {_folder.Combine("host_ed25519")}",
            $"PidFile {_folder.Combine("sshd.pid")}",
            $"AuthorizedKeysFile {_folder.Combine("authorized_keys")}",
            "PermitRootLogin prohibit-password",
            "PubkeyAuthentication yes",
            "PasswordAuthentication no",
            "KbdInteractiveAuthentication no",
            "UsePAM no",
            "StrictModes no",
            $"SetEnv DOCKER_HOST=unix://{DaemonSocket} DOCKER_CONFIG={_folder.Combine("remote-docker-config")}",
        ]);

        var start = new ProcessStartInfo(Components.Find("sshd")!) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { "-D", "-e", "-f", config })
        {
            start.ArgumentList.Add(argument);
        }

        var lines = new ConcurrentQueue<string>();
        _sshd = Process.Start(start)!;
        _sshd.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lines.Enqueue(e.Data); } };
        _sshd.OutputDataReceived += (_, e) => { if (e.Data is not null) { lines.Enqueue(e.Data); } };
        _sshd.BeginErrorReadLine();
        _sshd.BeginOutputReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!lines.Any(l => l.Contains($"Server listening on 127.0.0.1 port {Port}", StringComparison.Ordinal)))
        {
            if (_sshd.HasExited || DateTime.UtcNow > deadline)
            {
                _unavailable = "sshd did not start: " + string.Join(" | ", lines);
                return;
            }

            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_sshd is { HasExited: false })
        {
            await ProcessRunner.RunAsync("kill", ["-TERM", _sshd.Id.ToString()]);
            await _sshd.WaitForExitAsync();
        }

        _sshd?.Dispose();
        _folder?.Dispose();
    }

    private string? Unavailable()
    {
        if (!OperatingSystem.IsLinux() || !Components.IsRoot)
        {
            return "the private sshd logs in as root and must be started as root on Linux.";
        }

        foreach (var program in new[] { "sshd", "ssh", "ssh-keygen", "docker" })
        {
            if (Components.Find(program) is null)
            {
                return $"{program} is not installed (Debian: openssh-server, openssh-client, docker.io; build/start-test-daemon.sh installs them).";
            }
        }

        var host = Environment.GetEnvironmentVariable("DOCKER_HOST");
        if (host is null || !host.StartsWith("unix://", StringComparison.Ordinal) || !File.Exists(host["unix://".Length..]))
        {
            return "DOCKER_HOST does not name the test daemon's socket; start it with build/start-test-daemon.sh and source .test-daemon/env.";
        }

        DaemonSocket = host["unix://".Length..];
        return null;
    }
}
