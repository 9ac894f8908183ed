namespace DockerApiGen.Generator.Tests.Support;

/// <summary>Spec families written into a test's repository copy.</summary>
public static class TestFamilies
{
    /// <summary>
    /// Writes a family <paramref name="name"/> into a repository folder (commands reach it with --repo),
    /// with one package (<c>DockerApiGen.{Title}</c>), models only, and the given scheme.
    /// </summary>
    /// <param name="temp">The test's folder.</param>
    /// <param name="name">The family's name.</param>
    /// <param name="scheme">number or date.</param>
    /// <param name="lockYaml">The lock's <c>versions:</c> entries.</param>
    /// <param name="mirrorVariable">The family's mirror variable, if any.</param>
    /// <returns>The repository root.</returns>
    public static string Write(TempFolder temp, string name, string scheme, string lockYaml, string? mirrorVariable = null)
    {
        var title = char.ToUpperInvariant(name[0]) + name[1..];
        temp.Write($"repo/specs/{name}/family.yaml", $"""
            name: {name}
            title: {title} API
            versionScheme: {scheme}
            package: DockerApiGen.{title}
            jsonContext: {title}JsonContext
            committed: newest
            {(mirrorVariable is null ? string.Empty : "mirrorVariable: " + mirrorVariable)}

            """);
        temp.Write($"repo/specs/{name}/spec-lock.yaml", "versions:\n" + lockYaml);
        return Path.Combine(temp.Path, "repo");
    }
}
