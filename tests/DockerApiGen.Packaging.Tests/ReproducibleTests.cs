using System.Security.Cryptography;
using DockerApiGen.Packaging.Tests.Support;

namespace DockerApiGen.Packaging.Tests;

/// <summary>Same commit, same bytes: two CI builds from scratch pack identical packages and symbol packages.</summary>
public sealed class ReproducibleTests
{
    [Fact]
    public async Task Packing_an_engine_version_and_the_runtime_twice_from_scratch_gives_identical_bytes()
    {
        var root = Path.Combine(Path.GetTempPath(), "dockerapigen-reproducible", Guid.NewGuid().ToString("N"));
        try
        {
            var first = await PackAsync(root);
            Directory.Delete(root, recursive: true); // from scratch again: no obj, no bin, no package
            var second = await PackAsync(root);

            Assert.Equal(4, first.Count); // V1_41 and the runtime it references, each .nupkg and .snupkg
            Assert.Equal(first.Keys.Order(), second.Keys.Order());
            foreach (var (name, hash) in first)
            {
                Assert.True(hash == second[name], $"{name} differs between two builds of the same commit.");
            }
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    /// <summary>Builds and packs in a fresh artifacts folder (its own obj and bin, outside the working tree), as CI does.</summary>
    private static async Task<Dictionary<string, string>> PackAsync(string root)
    {
        var artifacts = Path.Combine(root, "artifacts");
        var packages = Path.Combine(root, "packages");
        foreach (var project in new[] { "DockerApiGen.Runtime", "DockerApiGen.Engine.V1_41" })
        {
            await ProcessRunner.DotnetAsync(Repository.Root, new Dictionary<string, string?> { ["CI"] = "true" },
                "pack", Path.Combine(Repository.Root, "src", project, project + ".csproj"), "-c", "Release", "-nologo", "--artifacts-path", artifacts, $"-p:PackageOutputPath={packages}/");
        }

        return Directory.GetFiles(packages).ToDictionary(
            file => Path.GetFileName(file),
            file => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file))),
            StringComparer.Ordinal);
    }
}
