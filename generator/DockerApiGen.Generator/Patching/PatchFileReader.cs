using System.Text.Json;
using System.Text.Json.Nodes;
using DockerApiGen.Generator.Diagnostics;
using DockerApiGen.Generator.Loading;
using DockerApiGen.Generator.Specs;

namespace DockerApiGen.Generator.Patching;

/// <summary>
/// Reads a family's patches: <c>patches.yaml</c> beside its other inputs and every <c>*.yaml</c> file of its
/// <c>patches/</c> folder (YamlDotNet, through <see cref="YamlToJson"/>).
/// </summary>
public static class PatchFileReader
{
    /// <summary>Reads all patches of a folder of API version numbers, ordered by file name then position.</summary>
    /// <param name="folder">The patches folder; a missing folder means no patches.</param>
    /// <exception cref="GenerationException">A patch file is malformed, or two patches share an id.</exception>
    public static IReadOnlyList<SpecPatch> ReadFolder(string folder) => ReadFiles(Files(folder), VersionScheme.Number);

    /// <summary>Reads a family's patches: its <c>patches.yaml</c> first, then its <c>patches/*.yaml</c> by file name.</summary>
    /// <param name="family">The family.</param>
    /// <exception cref="GenerationException">A patch file is malformed, or two patches share an id.</exception>
    public static IReadOnlyList<SpecPatch> ReadFamily(SpecFamily family)
    {
        ArgumentNullException.ThrowIfNull(family);
        return ReadFiles(FilesOf(family), family.VersionScheme);
    }

    /// <summary>A family's patch files, in the order they are read: its <c>patches.yaml</c>, then its <c>patches/*.yaml</c> by name.</summary>
    /// <param name="family">The family.</param>
    public static IReadOnlyList<string> FilesOf(SpecFamily family)
    {
        ArgumentNullException.ThrowIfNull(family);
        IEnumerable<string> single = File.Exists(family.PatchesFile) ? [family.PatchesFile] : [];
        return [.. single.Concat(Files(family.PatchesFolder))];
    }

    private static IEnumerable<string> Files(string folder)
        => Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*.yaml").Order(StringComparer.Ordinal) : [];

    private static IReadOnlyList<SpecPatch> ReadFiles(IEnumerable<string> files, VersionScheme scheme)
    {
        var patches = files
            .SelectMany(file => Read(File.ReadAllText(file), file, scheme))
            .ToList();
        var duplicates = patches.GroupBy(p => p.Id, StringComparer.Ordinal).Where(g => g.Count() > 1).ToList();
        return duplicates.Count == 0
            ? patches
            : throw new GenerationException(duplicates.Select(g => new SpecProblem(g.Last().File, g.Last().Line, null, null, $"The patch id '{g.Key}' is used {g.Count()} times.")).ToList());
    }

    /// <summary>Reads the patches of one file whose versions are API version numbers.</summary>
    /// <param name="text">The file's text.</param>
    /// <param name="file">The file's path, for errors.</param>
    /// <exception cref="GenerationException">The file is malformed.</exception>
    public static IReadOnlyList<SpecPatch> Read(string text, string file) => Read(text, file, VersionScheme.Number);

    /// <summary>Reads the patches of one file.</summary>
    /// <param name="text">The file's text.</param>
    /// <param name="file">The file's path, for errors.</param>
    /// <param name="scheme">How the family writes versions (in each patch's <c>versions</c>).</param>
    /// <exception cref="GenerationException">The file is malformed.</exception>
    public static IReadOnlyList<SpecPatch> Read(string text, string file, VersionScheme scheme)
    {
        var (document, map) = YamlToJson.Parse(text, file);
        if (document["patches"] is not JsonArray items)
        {
            throw new GenerationException(new SpecProblem(file, 1, 1, null, "A patch file must have a top-level `patches:` list."));
        }

        var problems = new List<SpecProblem>();
        var patches = new List<SpecPatch>();
        for (var i = 0; i < items.Count; i++)
        {
            var pointer = $"/patches/{i}";
            var line = map.Find(pointer)?.Line ?? 1;
            SpecProblem Problem(string message) => new(file, line, null, pointer, message);

            if (items[i] is not JsonObject item)
            {
                problems.Add(Problem("A patch must be a mapping."));
                continue;
            }

            var id = Text(item, "id");
            var reason = Text(item, "reason");
            var versions = Text(item, "versions");
            var target = Text(item, "target");
            if (id is null || reason is null || versions is null || target is null)
            {
                problems.Add(Problem("A patch needs `id`, `reason` (one line), `versions` (e.g. 1.25-1.47, 1.48+, 2025-03+, all) and `target` (a JSON pointer)."));
                continue;
            }

            VersionRange range;
            try
            {
                range = VersionRange.Parse(versions, scheme);
            }
            catch (FormatException ex)
            {
                problems.Add(Problem($"Patch '{id}': {ex.Message}"));
                continue;
            }

            var add = item["addEnumValues"] as JsonArray;
            var set = item["set"] as JsonObject;
            var parameter = item["addParameter"] as JsonObject;
            var renameTo = item["renameTo"];
            if (new object?[] { add, set, parameter, renameTo }.Count(edit => edit is not null) != 1)
            {
                problems.Add(Problem($"Patch '{id}' must have exactly one of `addEnumValues` (a list), `set` (a mapping), `addParameter` (a parameter) or `renameTo` (a new key)."));
                continue;
            }

            var newKey = Text(item, "renameTo");
            if (renameTo is not null && (newKey is null || newKey.Contains('/', StringComparison.Ordinal)))
            {
                problems.Add(Problem($"Patch '{id}': `renameTo` must be the target's new key (a string without '/')."));
                continue;
            }

            if (parameter is not null && (parameter["name"] is not JsonValue || parameter["in"] is not JsonValue))
            {
                problems.Add(Problem($"Patch '{id}': `addParameter` needs at least `name` and `in`."));
                continue;
            }

            if (!target.StartsWith('/'))
            {
                problems.Add(Problem($"Patch '{id}': the target '{target}' is not a JSON pointer (it must start with '/')."));
                continue;
            }

            patches.Add(new SpecPatch(
                id, reason, range, target,
                add?.Select(v => v?.DeepClone()).ToList() ?? [],
                (JsonObject?)set?.DeepClone(),
                file, line,
                (JsonObject?)parameter?.DeepClone())
            {
                RenameTo = newKey,
            });
        }

        return problems.Count > 0 ? throw new GenerationException(problems) : patches;
    }

    private static string? Text(JsonObject item, string key)
        => item[key] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? (string?)value : null;
}
