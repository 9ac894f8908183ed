using System.Runtime.InteropServices;

namespace DockerApiGen.Runtime.Tests.Connect.Support;

/// <summary>
/// Runs code on a new thread whose effective user and group are an unprivileged user's, while the rest of the
/// test process stays root. Linux keeps credentials per thread in the kernel; glibc's setresuid() changes every
/// thread, so the raw system call is used to change only this one. The thread ends afterwards, so its lowered
/// credentials end with it. The real and saved ids stay root, which the kernel requires to hand back effective
/// capabilities later and which changes nothing for permission checks (they use the effective ids).
/// </summary>
internal static class ThreadCredentials
{
    public const int Nobody = 65534;

    public static string? Unavailable()
        => !OperatingSystem.IsLinux() ? "per-thread credentials are a Linux feature."
            : !Components.IsRoot ? "changing to another user needs root."
            : RuntimeInformation.ProcessArchitecture is not (Architecture.X64 or Architecture.Arm64) ? "the system call numbers are known for x64 and arm64 only."
            : null;

    /// <summary>Runs <paramref name="action"/> with effective uid and gid <paramref name="id"/>; returns its result and the thread's <c>Uid:</c> line from /proc as proof.</summary>
    public static (T Result, string UidLine) RunAs<T>(int id, Func<T> action)
    {
        T result = default!;
        string uidLine = "";
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                // Group first: once the user is unprivileged, the group can no longer be changed.
                Check(Syscall(SetresgidNumber, -1, id, -1), "setresgid");
                Check(Syscall(SetresuidNumber, -1, id, -1), "setresuid");
                uidLine = File.ReadLines("/proc/thread-self/status").First(l => l.StartsWith("Uid:", StringComparison.Ordinal));
                result = action();
            }
            catch (Exception ex)
            {
                failure = ex;
            }
        });
        thread.Start();
        thread.Join();
        if (failure is not null)
        {
            throw new InvalidOperationException("The code run as another user failed.", failure);
        }

        return (result, uidLine);
    }

    private static long SetresuidNumber => RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 117 : 147;

    private static long SetresgidNumber => RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 119 : 149;

    private static void Check(long result, string call)
    {
        if (result != 0)
        {
            throw new InvalidOperationException($"{call} failed with errno {Marshal.GetLastPInvokeError()}.");
        }
    }

    [DllImport("libc", EntryPoint = "syscall", SetLastError = true)]
    private static extern long Syscall(long number, long real, long effective, long saved);
}
