namespace DockerApiGen.Benchmarks.Reporting;

/// <summary>How busy the machine is, to print beside figures measured on shared cores.</summary>
public static class MachineLoad
{
    /// <summary>The kernel's 1, 5 and 15 minute load averages, or "unknown" off Linux.</summary>
    public static string Averages()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}
