using System.Text.RegularExpressions;

namespace DockerApiGen.Packaging.Tests.Support;

/// <summary>
/// A temporary folder set up as a stranger's machine would be: a NuGet.config that takes DockerApiGen packages
/// from the packed folder only (package source mapping) and everything else from the feeds this machine's NuGet
/// configuration names, and a package cache of its own (so no package comes from the user's cache).
/// </summary>
public sealed partial class IsolatedNuGet : IDisposable
{
    private IsolatedNuGet(string root, string packages)
    {
        Root = root;
        Packages = packages;
        Directory.CreateDirectory(Cache);
        Directory.CreateDirectory(Work);
    }

    /// <summary>The temporary folder.</summary>
    public string Root { get; }

    /// <summary>The packed packages.</summary>
    public string Packages { get; }

    /// <summary>The NuGet.config.</summary>
    public string ConfigFile => Path.Combine(Root, "NuGet.config");

    /// <summary>The package cache (NUGET_PACKAGES).</summary>
    public string Cache => Path.Combine(Root, "nuget-cache");

    /// <summary>A folder for the project or tool under test.</summary>
    public string Work => Path.Combine(Root, "work");

    /// <summary>The environment every dotnet command of the test runs with.</summary>
    public IReadOnlyDictionary<string, string?> Environment => new Dictionary<string, string?>
    {
        ["NUGET_PACKAGES"] = Cache,
        ["XDG_DATA_HOME"] = Path.Combine(Root, "data"),
    };

    /// <summary>Creates the folder and its NuGet.config.</summary>
    /// <param name="packages">The packed packages.</param>
    public static async Task<IsolatedNuGet> CreateAsync(string packages)
    {
        var root = Path.Combine(Path.GetTempPath(), "dockerapigen-consumer", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        var isolated = new IsolatedNuGet(root, packages);
        var feeds = await MachineFeedsAsync(root);
        var sources = string.Join("\n", feeds.Select((feed, i) => $"""    <add key="feed{i}" value="{feed}" />"""));
        var mappings = string.Join("\n", feeds.Select((_, i) => $"""    <packageSource key="feed{i}"><package pattern="*" /></packageSource>"""));
        await File.WriteAllTextAsync(isolated.ConfigFile, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="dockerapigen-packed" value="{packages}" />
            {sources}
              </packageSources>
              <packageSourceMapping>
                <packageSource key="dockerapigen-packed">
                  <package pattern="DockerApiGen.*" />
                  <package pattern="dockerapigen" />
                </packageSource>
            {mappings}
              </packageSourceMapping>
            </configuration>
            """);
        return isolated;
    }

    /// <summary>Asserts that a package was restored from the packed folder into this cache, and not from elsewhere.</summary>
    /// <param name="id">The package id.</param>
    public void AssertRestoredFromPackedFolder(string id)
    {
        var metadata = Path.Combine(Cache, id.ToLowerInvariant(), Repository.Version, ".nupkg.metadata");
        Assert.True(File.Exists(metadata), $"{id} {Repository.Version} is not in the isolated cache {Cache}.");
        var source = System.Text.Json.JsonDocument.Parse(File.ReadAllText(metadata)).RootElement.GetProperty("source").GetString();
        Assert.Equal(Path.GetFullPath(Packages).TrimEnd('/'), Path.GetFullPath(source!).TrimEnd('/'));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temporary folder must not fail a test.
        }
    }

    /// <summary>The enabled feeds of this machine's NuGet configuration (as `dotnet nuget list source` reports them).</summary>
    private static async Task<IReadOnlyList<string>> MachineFeedsAsync(string outside)
    {
        var result = await ProcessRunner.DotnetAsync(outside, null, "nuget", "list", "source", "--format", "Detailed");
        var feeds = new List<string>();
        var lines = result.Output.Split('\n');
        for (var i = 0; i < lines.Length - 1; i++)
        {
            if (EnabledSource().IsMatch(lines[i]))
            {
                feeds.Add(lines[i + 1].Trim());
            }
        }

        Assert.True(feeds.Count > 0, $"This machine's NuGet configuration names no enabled feed:\n{result.Output}");
        return feeds;
    }

    [GeneratedRegex(@"^\s*\d+\.\s+\S.*\[Enabled\]\s*$")]
    private static partial Regex EnabledSource();
}
