namespace DockerApiGen.Benchmarks.Clients;

/// <summary>The real daemon the daemon benchmarks call: the one <c>DOCKER_HOST</c> names, which must be a unix socket.</summary>
public static class RealDaemon
{
    /// <summary>The daemon's socket path, or why there is none to use.</summary>
    /// <param name="socketPath">The socket, when found.</param>
    /// <param name="reason">Why not, otherwise.</param>
    public static bool TryFindSocket(out string socketPath, out string reason)
    {
        var host = Environment.GetEnvironmentVariable("DOCKER_HOST");
        socketPath = "";
        if (string.IsNullOrEmpty(host) || !host.StartsWith("unix://", StringComparison.Ordinal))
        {
            reason = $"DOCKER_HOST is '{host}', not a unix:// socket (source the test daemon's env: .test-daemon/env).";
            return false;
        }

        socketPath = host["unix://".Length..];
        if (!File.Exists(socketPath))
        {
            reason = $"No socket at {socketPath}: is the daemon running (build/start-test-daemon.sh)?";
            return false;
        }

        reason = "";
        return true;
    }

    /// <summary>The daemon's socket path.</summary>
    /// <exception cref="InvalidOperationException">There is no daemon to use; the message says why.</exception>
    public static string SocketPath() =>
        TryFindSocket(out var socketPath, out var reason) ? socketPath : throw new InvalidOperationException(reason);
}
