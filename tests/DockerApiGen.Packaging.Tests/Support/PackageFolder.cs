using DockerApiGen.Packaging.Tests.Support;

[assembly: AssemblyFixture(typeof(PackageFolder))]

namespace DockerApiGen.Packaging.Tests.Support;

/// <summary>
/// The folder of packed packages every test consumes: <c>DOCKERAPIGEN_PACKAGES</c> when set (CI runs build/pack.sh
/// first and points here), else build/pack.sh run once into a temporary folder for this test run.
/// </summary>
public sealed class PackageFolder : IAsyncLifetime
{
    /// <summary>The variable naming a folder build/pack.sh already filled.</summary>
    public const string EnvironmentVariable = "DOCKERAPIGEN_PACKAGES";

    private readonly Lazy<Task<string>> _folder = new(PrepareAsync);
    private static string? s_temporary;

    /// <summary>The folder, packing first when needed.</summary>
    public Task<string> PathAsync() => _folder.Value;

    private static async Task<string> PrepareAsync()
    {
        var given = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(given))
        {
            Assert.True(File.Exists(Path.Combine(given, $"DockerApiGen.Engine.V1_41.{Repository.Version}.nupkg")), $"{EnvironmentVariable}={given} holds no DockerApiGen.Engine.V1_41 {Repository.Version}; run build/pack.sh {given}.");
            return given;
        }

        s_temporary = Path.Combine(Path.GetTempPath(), "dockerapigen-packages", Guid.NewGuid().ToString("N"));
        var result = await ProcessRunner.RunAsync("bash", [Path.Combine(Repository.Root, "build", "pack.sh"), s_temporary], Repository.Root, timeout: TimeSpan.FromMinutes(30));
        Assert.True(result.ExitCode == 0, $"build/pack.sh failed:\n{result.Output}");
        return s_temporary;
    }

    /// <inheritdoc />
    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        if (s_temporary is not null && Directory.Exists(s_temporary))
        {
            Directory.Delete(s_temporary, recursive: true);
        }

        return ValueTask.CompletedTask;
    }
}
