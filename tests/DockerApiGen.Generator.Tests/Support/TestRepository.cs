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
}
