using System.Text.Json.Nodes;
using DockerApiGen.Generator.Diagnostics;
using DockerApiGen.Generator.Loading;
using DockerApiGen.Generator.Specs;

namespace DockerApiGen.Generator.Patching;

/// <summary>
/// Applies the patches that cover a version to its document. A patch that no longer matches (its target
/// is gone, or upstream already made the same fix) fails generation, so that upstream fixes are noticed
/// and the patch's version range is narrowed instead of silently doing nothing.
/// </summary>
public static class PatchApplier
{
    /// <summary>Applies every patch whose range contains <paramref name="version"/>.</summary>
    /// <param name="document">The spec document; edited in place.</param>
    /// <param name="version">The spec's version.</param>
    /// <param name="patches">All patches.</param>
    /// <param name="map">The document's source map: a renamed node keeps its lines under its new pointer.</param>
    /// <returns>The patches applied, in order.</returns>
    /// <exception cref="GenerationException">One or more patches no longer match.</exception>
    public static IReadOnlyList<AppliedPatch> Apply(JsonObject document, ApiVersion version, IReadOnlyList<SpecPatch> patches, SourceMap? map = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(patches);
        var problems = new List<SpecProblem>();
        var applied = new List<AppliedPatch>();
        foreach (var patch in patches.Where(p => p.Versions.Contains(version)))
        {
            SpecProblem Problem(string message, string hint)
                => new(patch.File, patch.Line, null, null, $"Patch '{patch.Id}' does not match v{version}: {message}", hint);

            if (JsonPointer.Resolve(document, patch.Target) is not JsonObject target)
            {
                problems.Add(Problem($"no object at {patch.Target}.", $"The spec changed there: fix the target, or end the patch's versions ({patch.Versions}) before {version}."));
                continue;
            }

            if (patch.RenameTo is { } newKey)
            {
                var slash = patch.Target.LastIndexOf('/');
                var oldKey = SourceMap.Unescape(patch.Target[(slash + 1)..]);
                var parentPointer = patch.Target[..slash];
                var parent = JsonPointer.Resolve(document, parentPointer) as JsonObject;
                if (parent is null || parent.ContainsKey(newKey))
                {
                    problems.Add(Problem(
                        $"{(parentPointer.Length == 0 ? "the document" : parentPointer)} already has the key '{newKey}'.",
                        $"Upstream renamed it already, or another patch did: end the patch's versions before {version}."));
                    continue;
                }

                RenameKey(parent, oldKey, newKey);
                var newPointer = parentPointer + "/" + SourceMap.Escape(newKey);
                RewriteReferences(document, "#" + patch.Target, "#" + newPointer);
                map?.CopySubtree(patch.Target, newPointer);
            }
            else if (patch.AddParameter is { } parameter)
            {
                var parameters = target["parameters"] as JsonArray ?? [];
                var name = (string?)parameter["name"];
                var location = (string?)parameter["in"];
                if (parameters.OfType<JsonObject>().Any(p => string.Equals((string?)p["name"], name, StringComparison.OrdinalIgnoreCase) && (string?)p["in"] == location))
                {
                    problems.Add(Problem($"{patch.Target} already declares the {location} parameter '{name}'.", $"Upstream fixed it: end the patch's versions before {version}."));
                    continue;
                }

                parameters.Add(parameter.DeepClone());
                if (parameters.Parent is null)
                {
                    target["parameters"] = parameters;
                }
            }
            else if (patch.AddEnumValues.Count > 0)
            {
                if (target["enum"] is not JsonArray values)
                {
                    problems.Add(Problem($"{patch.Target} has no enum.", "Fix the target or narrow the versions."));
                    continue;
                }

                var present = patch.AddEnumValues.Where(v => values.Any(existing => JsonNode.DeepEquals(existing, v))).ToList();
                if (present.Count > 0)
                {
                    problems.Add(Problem(
                        $"the enum already has {string.Join(", ", present.Select(v => v?.ToJsonString()))}.",
                        $"Upstream fixed it: end the patch's versions before {version}."));
                    continue;
                }

                foreach (var value in patch.AddEnumValues)
                {
                    values.Add(value?.DeepClone());
                }
            }
            else
            {
                var already = patch.Set!.Where(kv => target.TryGetPropertyValue(kv.Key, out var existing) && JsonNode.DeepEquals(existing, kv.Value)).Select(kv => kv.Key).ToList();
                if (already.Count == patch.Set!.Count)
                {
                    problems.Add(Problem(
                        $"{patch.Target} already has {string.Join(", ", already)} as the patch sets it.",
                        $"Upstream fixed it: end the patch's versions before {version}."));
                    continue;
                }

                foreach (var (key, value) in patch.Set!)
                {
                    target[key] = value?.DeepClone();
                }
            }

            applied.Add(new AppliedPatch(patch.Id, patch.Target, patch.Reason));
        }

        return problems.Count > 0 ? throw new GenerationException(problems) : applied;
    }

    /// <summary>Renames a key in place: the parent keeps the order of its keys (property order is the model's order).</summary>
    private static void RenameKey(JsonObject parent, string oldKey, string newKey)
    {
        var entries = parent.ToList();
        parent.Clear();
        foreach (var (key, value) in entries)
        {
            parent[key == oldKey ? newKey : key] = value;
        }
    }

    /// <summary>Points every <c>$ref</c> to the old location (or below it) at the new one.</summary>
    private static void RewriteReferences(JsonNode? node, string oldReference, string newReference)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["$ref"] is JsonValue reference && reference.TryGetValue<string>(out var target)
                    && (target == oldReference || target.StartsWith(oldReference + "/", StringComparison.Ordinal)))
                {
                    obj["$ref"] = newReference + target[oldReference.Length..];
                }

                foreach (var (_, child) in obj)
                {
                    RewriteReferences(child, oldReference, newReference);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    RewriteReferences(child, oldReference, newReference);
                }

                break;
        }
    }
}
