using System.Text;
using DockerApiGen.Generator.Pipeline;
using DockerApiGen.Generator.Specs;

namespace DockerApiGen.Generator.Tests.Support;

/// <summary>A small repository in a temp folder whose lock pins one fixture version, 9.1, and a mirror beside it.</summary>
public static class FixtureRepository
{
    /// <summary>The fixture spec of a version 9.N: <see cref="FixtureSpecs.Rich"/>, declaring that version, with one description changed per version.</summary>
    /// <param name="version">The version, e.g. 9.2.</param>
    public static string Spec(string version)
        => version == "9.1"
            ? FixtureSpecs.Rich
            : FixtureSpecs.Rich
                .Replace("version: \"9.1\"", $"version: \"{version}\"", StringComparison.Ordinal)
                .Replace("basePath: \"/v9.1\"", $"basePath: \"/v{version}\"", StringComparison.Ordinal)
                .Replace("description: \"A widget.\"", $"description: \"A widget, v{version}.\"", StringComparison.Ordinal);

    /// <summary>The bytes of <see cref="Spec"/>.</summary>
    /// <param name="version">The version.</param>
    public static byte[] Bytes(string version) => Encoding.UTF8.GetBytes(Spec(version));

    /// <summary>Creates <c>repo/</c> (the engine family: descriptor, lock with 9.1, naming, operations) and <c>mirror/</c> with v9.1 and v9.2.</summary>
    /// <param name="temp">The temp folder.</param>
    /// <param name="committed">The committed range, e.g. <c>9.0+</c>.</param>
    /// <param name="availabilityMarkers">Whether the family marks members with the versions that have them.</param>
    public static RepositoryLayout Create(TempFolder temp, string committed, bool availabilityMarkers = false)
    {
        ArgumentNullException.ThrowIfNull(temp);
        temp.Write("repo/specs/engine/spec-lock.yaml", $"""
            versions:
              - version: "9.1"
                url: https://example.invalid/specs/v9.1.yaml
                sha256: {SpecCache.Sha256Of(Bytes("9.1"))}

            """);
        temp.Write("repo/specs/engine/family.yaml", $$"""
            name: engine
            title: Engine API
            versionScheme: number
            package: DockerApiGen.Engine.{id}
            jsonContext: EngineJsonContext
            committed: {{committed}}
            client:
              class: DockerClient
              connection: DockerApiGen.Runtime.Http.DockerApiConnection
              options: DockerApiGen.Runtime.DockerClientOptions
            availabilityMarkers: {{(availabilityMarkers ? "true" : "false")}}

            """);
        temp.Write("repo/specs/engine/naming.yaml", "typeRenames:\n  Task: SwarmTask\n");
        temp.Write("repo/specs/engine/operations.yaml", "areas:\n  Widget: { property: Widgets, noun: Widget }\n");
        temp.Write("mirror/v9.1.yaml", Spec("9.1"));
        temp.Write("mirror/v9.2.yaml", Spec("9.2"));
        return new RepositoryLayout(Path.Combine(temp.Path, "repo"));
    }
}
