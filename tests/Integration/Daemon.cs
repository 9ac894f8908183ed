using System.Formats.Tar;
using DockerApiGen.Runtime;
using DockerApiGen.Runtime.Auth;
using DockerApiGen.Tests.Shared;

namespace DockerApiGen.Integration;

/// <summary>
/// What every scenario needs: a client for the test daemon, names and labels unique to this run (the
/// V1_40 and V1_41 suites run at the same time against one daemon, so nothing may touch the other's
/// objects: prunes filter on this run's label), the registry's credentials and a busybox root file system.
/// </summary>
internal static class Daemon
{
    /// <summary>The image build/start-test-daemon.sh imports from the static busybox.</summary>
    public const string BusyboxImage = "dockerapigen/busybox:latest";

    /// <summary>The label every object made by this run carries.</summary>
    public const string RunLabel = "dockerapigen.test.run";

    /// <summary>This run's label value: the API version and a random part.</summary>
    public static string RunId { get; } = $"v{DockerClient.ApiVersion.Replace(".", string.Empty, StringComparison.Ordinal)}-{Guid.NewGuid():N}"[..20];

    /// <summary>The label dictionary for created objects.</summary>
    public static Dictionary<string, string> Labels => new() { [RunLabel] = RunId };

    /// <summary>A filter value selecting this run's objects.</summary>
    public static string LabelFilter => $"{RunLabel}={RunId}";

    /// <summary>The test registry's address.</summary>
    public static string Registry => Environment.GetEnvironmentVariable("DOCKERAPIGEN_TEST_REGISTRY") ?? "127.0.0.1:5000";

    /// <summary>A client for the test daemon, or skips (fails under CI) when there is none.</summary>
    public static DockerClient Client() => new(new DockerClientOptions { Endpoint = "unix://" + TestDaemon.SocketOrSkip() });

    /// <summary>A name unique to this run.</summary>
    /// <param name="what">What it names.</param>
    public static string Name(string what) => $"dagen-{RunId}-{what}-{Guid.NewGuid():N}"[..48].TrimEnd('-');

    /// <summary>The test registry's credentials.</summary>
    public static RegistryCredentials Credentials => new(
        Environment.GetEnvironmentVariable("DOCKERAPIGEN_TEST_REGISTRY_USER") ?? "testuser",
        Environment.GetEnvironmentVariable("DOCKERAPIGEN_TEST_REGISTRY_PASSWORD") ?? "testpassword",
        Registry);

    /// <summary>The current test's cancellation token.</summary>
    public static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>A tar of a root file system: the static busybox and links for the applets the tests use.</summary>
    public static MemoryStream BusyboxRootFs()
    {
        var tar = new MemoryStream();
        using (var writer = new TarWriter(tar, TarEntryFormat.Pax, leaveOpen: true))
        {
            writer.WriteEntry(new PaxTarEntry(TarEntryType.Directory, "bin/") { Mode = (UnixFileMode)0b111_101_101 });
            writer.WriteEntry(new PaxTarEntry(TarEntryType.Directory, "tmp/") { Mode = (UnixFileMode)0b111_111_111 });
            writer.WriteEntry("/bin/busybox", "bin/busybox");
            foreach (var applet in new[] { "sh", "echo", "cat", "sleep", "true", "ls", "head", "tr" })
            {
                writer.WriteEntry(new PaxTarEntry(TarEntryType.SymbolicLink, "bin/" + applet) { LinkName = "busybox" });
            }
        }

        tar.Position = 0;
        return tar;
    }

    /// <summary>A tar holding one file.</summary>
    /// <param name="name">The file's name.</param>
    /// <param name="content">Its content.</param>
    public static MemoryStream TarOf(string name, string content)
    {
        var tar = new MemoryStream();
        using (var writer = new TarWriter(tar, TarEntryFormat.Pax, leaveOpen: true))
        {
            writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(content)), Mode = (UnixFileMode)0b110_100_100 });
        }

        tar.Position = 0;
        return tar;
    }

    /// <summary>The entries of a tar stream (names → text of regular files, empty for others).</summary>
    /// <param name="tar">The stream.</param>
    public static async Task<Dictionary<string, string>> ReadTarAsync(Stream tar)
    {
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        var reader = new TarReader(tar);
        while (await reader.GetNextEntryAsync(copyData: true, Token) is { } entry)
        {
            var text = string.Empty;
            if (entry.DataStream is { } data && entry.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile && entry.Length < 1024 * 1024)
            {
                using var content = new StreamReader(data);
                text = await content.ReadToEndAsync(Token);
            }

            entries[entry.Name.TrimStart('.', '/')] = text;
        }

        return entries;
    }

    /// <summary>Creates (not starts) a busybox container with no network, labelled for this run.</summary>
    /// <param name="docker">The client.</param>
    /// <param name="command">Its command (run by sh -c).</param>
    /// <param name="configure">Further settings.</param>
    public static async Task<string> CreateContainerAsync(DockerClient docker, string command, Action<ContainerCreateRequest>? configure = null)
    {
        var request = new ContainerCreateRequest
        {
            Image = BusyboxImage,
            Cmd = ["sh", "-c", command],
            Labels = Labels,
            HostConfig = new HostConfig { NetworkMode = "none" },
        };
        configure?.Invoke(request);
        var created = await docker.Containers.CreateAsync(request, new ContainerCreateOptions { Name = Name("c") }, Token);
        return created.Id;
    }

    /// <summary>Removes a container, whatever its state.</summary>
    /// <param name="docker">The client.</param>
    /// <param name="id">The container.</param>
    public static async Task RemoveContainerAsync(DockerClient docker, string id)
    {
        try
        {
            await docker.Containers.DeleteAsync(id, new ContainerDeleteOptions { Force = true, RemoveVolumes = true }, CancellationToken.None);
        }
        catch (DockerApiGen.Runtime.Errors.DockerNotFoundException)
        {
            // Already gone (auto-removed, or removed by the test).
        }
    }

    /// <summary>Polls until a condition holds or the time is up.</summary>
    /// <param name="condition">The condition.</param>
    /// <param name="what">What is awaited, for the failure message.</param>
    /// <param name="seconds">How long to wait.</param>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, string what, int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out after {seconds} s waiting for {what}.");
            }

            await Task.Delay(250, Token);
        }
    }
}
