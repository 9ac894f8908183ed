using System.Diagnostics;

namespace DockerApiGen.Registry.Benchmarks;

/// <summary>Timing and memory figures.</summary>
internal static class Measure
{
    public const double MiB = 1024 * 1024;

    public static async Task<TimeSpan> TimeAsync(Func<Task> action)
    {
        var clock = Stopwatch.StartNew();
        await action().ConfigureAwait(false);
        return clock.Elapsed;
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>The process's resident set and its peak so far (VmRSS, VmHWM of /proc/self/status), in bytes.</summary>
    public static (long Resident, long Peak) Memory()
    {
        long Read(string key)
        {
            var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith(key, StringComparison.Ordinal));
            return long.Parse(line[key.Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
        }

        return (Read("VmRSS:"), Read("VmHWM:"));
    }

    /// <summary>Times an action of this process: wall clock, and the CPU time the whole process used meanwhile.</summary>
    public static async Task<(TimeSpan Wall, TimeSpan Cpu)> TimeWithCpuAsync(Func<Task> action)
    {
        using var self = Process.GetCurrentProcess();
        var cpu = self.TotalProcessorTime;
        var wall = await TimeAsync(action).ConfigureAwait(false);
        self.Refresh();
        return (wall, self.TotalProcessorTime - cpu);
    }

    /// <summary>Runs curl under /usr/bin/time and waits for it (its exit code must be 0); returns the CPU time it used (user and system).</summary>
    public static async Task<TimeSpan> CurlAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("/usr/bin/time") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add("-f");
        start.ArgumentList.Add("cpu %U %S");
        start.ArgumentList.Add("curl");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("curl could not be started.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().ConfigureAwait(false);
        var errors = await error.ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"curl {string.Join(' ', arguments.Where(a => !a.Contains(':', StringComparison.Ordinal) || a.StartsWith("http", StringComparison.Ordinal)))} failed ({process.ExitCode}): {errors}");
        }

        await output.ConfigureAwait(false);
        var times = errors.Split('\n').Last(l => l.StartsWith("cpu ", StringComparison.Ordinal)).Split(' ');
        return TimeSpan.FromSeconds(double.Parse(times[1], System.Globalization.CultureInfo.InvariantCulture) + double.Parse(times[2], System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Runs a shell pipeline (<c>curl … | sha256sum</c>) and waits for it; it must succeed.</summary>
    public static async Task ShellAsync(string command)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("set -o pipefail; " + command);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash could not be started.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().ConfigureAwait(false);
        await output.ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"A shell pipeline failed ({process.ExitCode}): {await error.ConfigureAwait(false)}");
        }
    }

    /// <summary>Runs curl and returns what it printed.</summary>
    public static async Task<string> CurlOutputAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("curl") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("curl could not be started.");
        var output = await process.StandardOutput.ReadToEndAsync().ConfigureAwait(false);
        await process.WaitForExitAsync().ConfigureAwait(false);
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"curl failed ({process.ExitCode}).");
    }
}
