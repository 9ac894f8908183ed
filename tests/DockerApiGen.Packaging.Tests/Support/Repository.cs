namespace DockerApiGen.Packaging.Tests.Support;

/// <summary>The repository this test assembly was built from, and what the tests read from it.</summary>
public static class Repository
{
    /// <summary>The repository root (the folder holding DockerApiGen.sln).</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The release version every package carries (build/version.props).</summary>
    public static string Version { get; } = ReadVersion();

    /// <summary>The folder of a sample.</summary>
    /// <param name="name">The sample's folder name.</param>
    public static string Sample(string name) => Path.Combine(Root, "samples", name);

    /// <summary>The spec mirror the tool test reads: <c>DOCKERAPIGEN_SPEC_SOURCE</c>, else the shared mirror beside the repository.</summary>
    public static string? SpecSource
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable("DOCKERAPIGEN_SPEC_SOURCE");
            if (!string.IsNullOrWhiteSpace(configured))
            {
                return configured;
            }

            var shared = Path.GetFullPath(Path.Combine(Root, "..", "shared", "specs", "docker-engine"));
            return Directory.Exists(shared) ? shared : null;
        }
    }

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "DockerApiGen.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No DockerApiGen.sln above {AppContext.BaseDirectory}.");
    }

    private static string ReadVersion()
    {
        var props = System.Xml.Linq.XDocument.Load(Path.Combine(Root, "build", "version.props"));
        return props.Descendants("VersionPrefix").Single().Value.Trim();
    }
}
