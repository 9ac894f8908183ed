using System.Text.Json.Nodes;
using DockerApiGen.Generator.Diagnostics;
using DockerApiGen.Generator.Patching;
using DockerApiGen.Generator.Specs;
using NJsonSchema;
using NSwag;

namespace DockerApiGen.Generator.Loading;

/// <summary>A spec read, repaired, patched, validated and parsed by NSwag.</summary>
/// <param name="Version">The version.</param>
/// <param name="File">The file it was read from.</param>
/// <param name="Repairs">What the YAML repair changed.</param>
/// <param name="Patches">The patches applied.</param>
/// <param name="Json">The patched document as JSON.</param>
/// <param name="Map">Where each node came from.</param>
/// <param name="Document">NSwag's document.</param>
public sealed record LoadedSpec(
    ApiVersion Version,
    string File,
    IReadOnlyList<YamlRepairChange> Repairs,
    IReadOnlyList<AppliedPatch> Patches,
    JsonObject Json,
    SourceMap Map,
    OpenApiDocument Document)
{
    /// <summary>The document's format (Swagger 2.0 or OpenAPI 3.0).</summary>
    public SpecFormat Format { get; init; }
}

/// <summary>
/// The loading stage: YAML repair → YamlDotNet (with a source map) → the project's patches → structural
/// validation → NSwag, for Swagger 2.0 and OpenAPI 3.0 documents alike (the format is read from the document).
/// Each step reports problems with file and line.
/// </summary>
public static class SpecLoader
{
    /// <summary>Loads a spec from text.</summary>
    /// <param name="version">The version the spec is for (selects patches).</param>
    /// <param name="text">The YAML text.</param>
    /// <param name="file">Its path, for messages.</param>
    /// <param name="patches">All patches; those covering <paramref name="version"/> are applied.</param>
    /// <param name="cancellationToken">Cancels loading.</param>
    /// <exception cref="GenerationException">The spec is malformed or a patch does not match.</exception>
    public static async Task<LoadedSpec> LoadAsync(ApiVersion version, string text, string file, IReadOnlyList<SpecPatch> patches, CancellationToken cancellationToken)
    {
        var repair = YamlRepair.Repair(text);
        var (json, map) = YamlToJson.Parse(repair.Text, file);
        var applied = PatchApplier.Apply(json, version, patches, map);
        var format = SpecValidator.Validate(json, map);
        cancellationToken.ThrowIfCancellationRequested();

        OpenApiDocument document;
        try
        {
            var schemaType = format == SpecFormat.OpenApi3 ? SchemaType.OpenApi3 : SchemaType.Swagger2;
            document = await OpenApiDocument.FromJsonAsync(json.ToJsonString(), file, schemaType, null, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is Newtonsoft.Json.JsonException or InvalidOperationException or NotSupportedException or ArgumentException)
        {
            throw new GenerationException(new SpecProblem(file, null, null, null, $"NSwag could not read the spec: {ex.Message}"));
        }

        return new LoadedSpec(version, file, repair.Changes, applied, json, map, document) { Format = format };
    }

    /// <summary>Loads a spec file.</summary>
    /// <param name="version">The version the spec is for.</param>
    /// <param name="path">The file.</param>
    /// <param name="patches">All patches.</param>
    /// <param name="cancellationToken">Cancels loading.</param>
    /// <exception cref="GenerationException">The file is missing or malformed.</exception>
    public static async Task<LoadedSpec> LoadFileAsync(ApiVersion version, string path, IReadOnlyList<SpecPatch> patches, CancellationToken cancellationToken)
    {
        if (!System.IO.File.Exists(path))
        {
            throw new GenerationException(new SpecProblem(path, null, null, null, $"The spec of version {version} is not there.", "Run `dockerapigen pull` first."));
        }

        var text = await System.IO.File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        return await LoadAsync(version, text, path, patches, cancellationToken).ConfigureAwait(false);
    }
}
