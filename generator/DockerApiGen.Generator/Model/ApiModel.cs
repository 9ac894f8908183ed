using DockerApiGen.Generator.Patching;
using DockerApiGen.Generator.Specs;

namespace DockerApiGen.Generator.Model;

/// <summary>
/// Everything the emitter and the spec diff need to know about one API version, detached from NSwag:
/// named types (every inline schema already named) and operations. Immutable; built by
/// <see cref="Parsing.ModelBuilder"/>.
/// </summary>
/// <param name="Version">The API version.</param>
/// <param name="SpecFile">The spec file it was built from.</param>
/// <param name="Types">Every type to generate, ordered by name (ordinal).</param>
/// <param name="Operations">Every operation, ordered by operation id (ordinal).</param>
/// <param name="Patches">The project's patches applied to this version's spec.</param>
public sealed record ApiModel(
    ApiVersion Version,
    string SpecFile,
    IReadOnlyList<TypeDefinition> Types,
    IReadOnlyList<OperationModel> Operations,
    IReadOnlyList<AppliedPatch> Patches)
{
    /// <summary>Finds a type by its C# name.</summary>
    /// <param name="name">The name.</param>
    public TypeDefinition? FindType(string name) => Types.FirstOrDefault(t => t.Name == name);
}
