using System.Diagnostics;

namespace DockerApiGen.Runtime.Tests.Connect.Support;

/// <summary>
/// A private dockerd started by a test fixture: its own data, exec root, pid file and config file under a
/// temporary folder, no iptables, no bridge, vfs storage, no swarm (the main test daemon's swarm owns the gossip
/// port). Stopped with SIGTERM (so that it stops its containerd too) on dispose.
/// </summary>
internal sealed class DaemonProcess : IAsyncDisposable
{
    private readonly Process _process;

    private DaemonProcess(Process process, string logFile)
    {
        _process = process;
        LogFile = logFile;
    }

    public string LogFile { get; }

    public static string? Unavailable()
    {
        if (!OperatingSystem.IsLinux())
        {
            return "a private dockerd needs Linux.";
        }

        if (Components.Find("dockerd") is null)
        {
            return "dockerd is not installed (Debian: apt-get install docker.io; build/start-test-daemon.sh installs it).";
        }

        return Components.IsRoot ? null : "a private dockerd must be started as root.";
    }

    /// <summary>Starts dockerd with the given listeners and extra arguments and waits until each listener is announced.</summary>
    public static async Task<DaemonProcess> StartAsync(string folder, IReadOnlyList<string> hosts, IEnumerable<string> extraArguments, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var configFile = Path.Combine(folder, "daemon.json");
        await File.WriteAllTextAsync(configFile, "{}", cancellationToken);
        var logFile = Path.Combine(folder, "dockerd.log");
        var start = new ProcessStartInfo(Components.Find("dockerd")!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] arguments =
        [
            "--config-file", configFile,
            "--data-root", Path.Combine(folder, "data"),
            "--exec-root", Path.Combine(folder, "x"),
            "--pidfile", Path.Combine(folder, "docker.pid"),
            "--iptables=false", "--ip6tables=false", "--bridge=none", "--storage-driver=vfs",
            .. hosts.SelectMany(h => new[] { "-H", h }),
            .. extraArguments,
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var log = new StreamWriter(logFile) { AutoFlush = true };
        var process = Process.Start(start)!;
        var lines = new System.Collections.Concurrent.ConcurrentQueue<string>();
        void Collect(object _, DataReceivedEventArgs e)
        {
            if (e.Data is not null)
            {
                lines.Enqueue(e.Data);
                lock (log)
                {
                    log.WriteLine(e.Data);
                }
            }
        }

        process.OutputDataReceived += Collect;
        process.ErrorDataReceived += Collect;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var daemon = new DaemonProcess(process, logFile);

        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            var text = string.Join('\n', lines);
            // dockerd logs "API listen on 127.0.0.1:PORT" for each TCP listener once it serves requests.
            if (hosts.All(h => text.Contains("API listen on " + h.Replace("tcp://", "", StringComparison.Ordinal).Replace("unix://", "", StringComparison.Ordinal), StringComparison.Ordinal)))
            {
                return daemon;
            }

            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                await daemon.DisposeAsync();
                throw new InvalidOperationException($"dockerd did not start (exit: {(process.HasExited ? process.ExitCode.ToString() : "still running")}); its log:\n{string.Join('\n', lines.TakeLast(30))}");
            }

            await Task.Delay(200, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await ProcessRunner.RunAsync("kill", ["-TERM", _process.Id.ToString()]);
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try
            {
                await _process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
    }
}
