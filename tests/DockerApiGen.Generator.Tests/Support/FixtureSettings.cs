using DockerApiGen.Generator.Emitting;
using DockerApiGen.Generator.Specs;

namespace DockerApiGen.Generator.Tests.Support;

/// <summary>Emit settings for fixture specs, named as the Engine family names its packages.</summary>
public static class FixtureSettings
{
    /// <summary>The Engine family's entry client, as specs/engine/family.yaml declares it.</summary>
    public static FamilyClient Engine { get; } = new("DockerClient", "DockerApiGen.Runtime.Http.DockerApiConnection", "DockerApiGen.Runtime.DockerClientOptions");

    /// <summary>Settings for a fixture version.</summary>
    /// <param name="version">The version, e.g. 9.1.</param>
    public static EmitSettings For(string version)
    {
        var parsed = ApiVersion.Parse(version);
        return new EmitSettings(parsed, new string('a', 64), $"DockerApiGen.Engine.{parsed.Identifier}", "Engine API", "EngineJsonContext", Engine);
    }
}
