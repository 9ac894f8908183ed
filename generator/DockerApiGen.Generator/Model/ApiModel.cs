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
    /// <summary>The spec's format.</summary>
    public SpecFormat Format { get; init; }

    /// <summary>Where the API is served (OpenAPI 3 <c>servers</c>; Swagger 2 <c>schemes</c>, <c>host</c> and <c>basePath</c>).</summary>
    public IReadOnlyList<ServerModel> Servers { get; init; } = [];

    /// <summary>The declared security schemes, ordered by key.</summary>
    public IReadOnlyList<SecuritySchemeModel> SecuritySchemes { get; init; } = [];

    /// <summary>The document's default security requirements (operations may state their own).</summary>
    public IReadOnlyList<SecurityRequirementModel> Security { get; init; } = [];

    /// <summary>Finds a type by its C# name.</summary>
    /// <param name="name">The name.</param>
    public TypeDefinition? FindType(string name) => Types.FirstOrDefault(t => t.Name == name);
}
