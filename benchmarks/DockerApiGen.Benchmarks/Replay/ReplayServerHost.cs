namespace DockerApiGen.Benchmarks.Replay;

/// <summary>
/// Where the benchmarks find the replay server. BenchmarkDotNet runs each benchmark in a child process
/// and counts every byte that process allocates, so <c>Program</c> serves the replay from the parent
/// process and hands its socket down in <see cref="SocketVariable"/>: the figures are then the client's
/// alone. Without it (a benchmark started some other way) the benchmark serves it in its own process.
/// </summary>
public static class ReplayServerHost
{
    /// <summary>The environment variable that carries the replay server's socket to benchmark processes.</summary>
    public const string SocketVariable = "DOCKERAPIGEN_REPLAY_SOCKET";

    /// <summary>Starts the replay server and publishes its socket to the child processes started from now on.</summary>
    public static ReplayServer StartForChildProcesses()
    {
        var server = ReplayServer.Start(NewSocketPath(), new ReplayRoutes());
        Environment.SetEnvironmentVariable(SocketVariable, server.SocketPath);
        return server;
    }

    /// <summary>
    /// The socket of the parent's replay server, or a server started here (returned, for the caller to
    /// dispose) when there is none.
    /// </summary>
    /// <param name="ownServer">The server started here, or null.</param>
    public static string FindOrStart(out ReplayServer? ownServer)
    {
        var published = Environment.GetEnvironmentVariable(SocketVariable);
        if (!string.IsNullOrEmpty(published) && File.Exists(published))
        {
            ownServer = null;
            return published;
        }

        Console.WriteLine($"// No replay server in {SocketVariable}: serving it in this process, so its allocations count too.");
        ownServer = ReplayServer.Start(NewSocketPath(), new ReplayRoutes());
        return ownServer.SocketPath;
    }

    private static string NewSocketPath() =>
        Path.Combine(Path.GetTempPath(), $"dockerapigen-replay-{Environment.ProcessId}.sock");
}
