namespace DockerApiGen.Runtime.Tests.Connect.Support;

/// <summary>
/// Skips a test whose real component (a dockerd, sshd, the docker CLI) is unavailable, with the reason; under CI
/// (<c>CI=true</c>) a missing component is a failure, as in <c>TestDaemon</c>.
/// </summary>
internal static class Components
{
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static bool IsRoot => OperatingSystem.IsLinux() && Environment.UserName == "root";

    /// <summary>Skips (or fails under CI) when <paramref name="reason"/> is not null.</summary>
    public static void RequireNoProblem(string? reason)
    {
        if (reason is null)
        {
            return;
        }

        if (IsCi)
        {
            Assert.Fail("CI must run this test against real components: " + reason);
        }

        Assert.Skip(reason);
    }

    /// <summary>The full path of a program on PATH, or null.</summary>
    public static string? Find(string program)
    {
        if (Path.IsPathRooted(program))
        {
            return File.Exists(program) ? program : null;
        }

        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Concat(["/usr/sbin", "/sbin"]))
        {
            var candidate = Path.Combine(folder, program);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
