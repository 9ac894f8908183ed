using DockerApiGen.Runtime.Versions;

namespace DockerApiGen.Runtime.Http;

/// <summary>A value set on a request that needs an API version newer than the package's oldest known one.</summary>
/// <param name="Since">The version that introduced it.</param>
/// <param name="Part">Where it travels.</param>
/// <param name="Name">Its wire name.</param>
public readonly record struct VersionRequirement(DockerApiVersion Since, DockerRequestPart Part, string Name);
