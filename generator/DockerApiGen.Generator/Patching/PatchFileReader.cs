using System.Text.Json;
using System.Text.Json.Nodes;
using DockerApiGen.Generator.Diagnostics;
using DockerApiGen.Generator.Loading;
using DockerApiGen.Generator.Specs;

namespace DockerApiGen.Generator.Patching;

/// <summary>Reads every <c>*.yaml</c> patch file of a folder (YamlDotNet, through <see cref="YamlToJson"/>).</summary>
public static class PatchFileReader
{
    /// <summary>Reads all patches of a folder, ordered by file name then position.</summary>
    /// <param name="folder">The patches folder; a missing folder means no patches.</param>
    /// <exception cref="GenerationException">A patch file is malformed, or two patches share an id.</exception>
    public static IReadOnlyList<SpecPatch> ReadFolder(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var patches = FilesIn(folder)
            .SelectMany(file => Read(File.ReadAllText(file), file))
            .ToList();
        var duplicates = patches.GroupBy(p => p.Id, StringComparer.Ordinal).Where(g => g.Count() > 1).ToList();
        return duplicates.Count == 0
            ? patches
            : throw new GenerationException(duplicates.Select(g => new SpecProblem(g.Last().File, g.Last().Line, null, null, $"The patch id '{g.Key}' is used {g.Count()} times.")).ToList());
    }

    /// <summary>The patch files of a folder, in the order they are read (none when the folder is missing).</summary>
    /// <param name="folder">The patches folder.</param>
    public static IReadOnlyList<string> FilesIn(string folder)
        => Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*.yaml").Order(StringComparer.Ordinal).ToList() : [];

    /// <summary>Reads the patches of one file.</summary>
    /// <param name="text">The file's text.</param>
    /// <param name="file">The file's path, for errors.</param>
    /// <exception cref="GenerationException">The file is malformed.</exception>
    public static IReadOnlyList<SpecPatch> Read(string text, string file)
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
                problems.Add(Problem("A patch needs `id`, `reason` (one line), `versions` (e.g. 1.25-1.47, 1.48+, all) and `target` (a JSON pointer)."));
                continue;
            }

            VersionRange range;
            try
            {
                range = VersionRange.Parse(versions);
            }
            catch (FormatException ex)
            {
                problems.Add(Problem($"Patch '{id}': {ex.Message}"));
                continue;
            }

            var add = item["addEnumValues"] as JsonArray;
            var set = item["set"] as JsonObject;
            var parameter = item["addParameter"] as JsonObject;
            if (new object?[] { add, set, parameter }.Count(edit => edit is not null) != 1)
            {
                problems.Add(Problem($"Patch '{id}' must have exactly one of `addEnumValues` (a list), `set` (a mapping) or `addParameter` (a Swagger parameter)."));
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
                (JsonObject?)parameter?.DeepClone()));
        }

        return problems.Count > 0 ? throw new GenerationException(problems) : patches;
    }

    private static string? Text(JsonObject item, string key)
        => item[key] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? (string?)value : null;
}
