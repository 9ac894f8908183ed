using DockerApiGen.Generator.Pipeline;
using DockerApiGen.Generator.Specs;

namespace DockerApiGen.Generator.Tests.Support;

/// <summary>Locates the repository and the spec mirror the tests read.</summary>
public static class TestRepository
{
    /// <summary>The repository this test assembly was built from.</summary>
    public static RepositoryLayout Layout { get; } = RepositoryLayout.Find(AppContext.BaseDirectory);

    /// <summary>
    /// The spec source: <c>DOCKERAPIGEN_SPEC_SOURCE</c> when set (CI sets it), else the shared mirror beside
    /// the repository, else upstream.
    /// </summary>
    public static Generator.Specs.SpecSource SpecSource
    {
        get
        {
            if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Generator.Specs.SpecSource.EnvironmentVariable)))
            {
                return Generator.Specs.SpecSource.Resolve(null);
            }

            var shared = Path.GetFullPath(Path.Combine(Layout.Root, "..", "shared", "specs", "docker-engine"));
            return Directory.Exists(shared) ? new Generator.Specs.SpecSource.MirrorFolderSource(shared) : Generator.Specs.SpecSource.Upstream;
        }
    }

    /// <summary>
    /// The Docker Hub spec mirror: <c>DOCKERAPIGEN_HUB_SPEC_SOURCE</c> when it names a folder (CI sets it), else the
    /// shared mirror beside the repository, else null (the Hub is then pulled from upstream, if the network allows).
    /// </summary>
    public static string? HubMirror
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable("DOCKERAPIGEN_HUB_SPEC_SOURCE");
            if (!string.IsNullOrWhiteSpace(configured) && Directory.Exists(configured))
            {
                return Path.GetFullPath(configured);
            }

            var shared = Path.GetFullPath(Path.Combine(Layout.Root, "..", "shared", "specs", "docker-hub"));
            return Directory.Exists(shared) ? shared : null;
        }
    }

    /// <summary>Where the Hub's snapshots are pulled from: <see cref="HubMirror"/>, else upstream.</summary>
    public static Generator.Specs.SpecSource HubSource
        => HubMirror is { } mirror ? new Generator.Specs.SpecSource.MirrorFolderSource(mirror) { MirrorVariable = "DOCKERAPIGEN_HUB_SPEC_SOURCE" } : Generator.Specs.SpecSource.Resolve(null, "DOCKERAPIGEN_HUB_SPEC_SOURCE");
}
