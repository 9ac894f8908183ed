using System.Text.Json.Nodes;
using DockerApiGen.Generator.Specs;

namespace DockerApiGen.Generator.Patching;

/// <summary>
/// One of the project's own corrections to a spec defect (<c>specs/&lt;family&gt;/patches.yaml</c> or
/// <c>patches/*.yaml</c>). Exactly one operation per patch: add enum values, set keys on the target object,
/// add a parameter the spec does not declare to the target operation, or rename the target's key (a
/// component, a definition) and every <c>$ref</c> to it.
/// </summary>
/// <param name="Id">A stable, unique id.</param>
/// <param name="Reason">One line: which defect it corrects and how we know.</param>
/// <param name="Versions">The versions it applies to.</param>
/// <param name="Target">A JSON pointer to the schema it edits.</param>
/// <param name="AddEnumValues">Values to add to the target's <c>enum</c>, or empty.</param>
/// <param name="Set">Keys to set on the target, or null.</param>
/// <param name="AddParameter">A parameter to add to the target operation's <c>parameters</c>, or null.</param>
/// <param name="File">The patch file, for errors.</param>
/// <param name="Line">The line of the patch in its file, for errors.</param>
public sealed record SpecPatch(
    string Id,
    string Reason,
    VersionRange Versions,
    string Target,
    IReadOnlyList<JsonNode?> AddEnumValues,
    JsonObject? Set,
    string File,
    int Line,
    JsonObject? AddParameter = null)
{
    /// <summary>The target's new key (its parent keeps the order of its keys), or null.</summary>
    public string? RenameTo { get; init; }
}

/// <summary>A patch that was applied to a version, for the generation report.</summary>
/// <param name="Id">The patch id.</param>
/// <param name="Target">What it edited.</param>
/// <param name="Reason">Why.</param>
public sealed record AppliedPatch(string Id, string Target, string Reason);
