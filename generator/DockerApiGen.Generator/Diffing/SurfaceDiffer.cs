using System.Text.RegularExpressions;
using DockerApiGen.Generator.Surface;

namespace DockerApiGen.Generator.Diffing;

/// <summary>
/// The C#-level diff: compares the public surfaces (Roslyn symbols) of two generated packages. Version
/// namespaces are set aside (<c>DockerApiGen.Engine.V1_41.Models.X</c> and <c>…V1_42.Models.X</c> are
/// the same type), the JSON context's per-type properties are left out (they mirror the types), and a
/// removed type whose members reappear unchanged under a new name is reported as one rename.
/// </summary>
public static partial class SurfaceDiffer
{
    private const string ContextType = "EngineJsonContext";

    // How the surface marks a constant's detail: `string (static const)`.
    private const string ConstMarker = "const)";

    /// <summary>Every change from one surface to the other.</summary>
    /// <param name="from">The older package's surface.</param>
    /// <param name="to">The newer package's surface.</param>
    public static IReadOnlyList<ApiChange> Diff(IReadOnlyList<SurfaceEntry> from, IReadOnlyList<SurfaceEntry> to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var oldTypes = Group(from);
        var newTypes = Group(to);
        var changes = new List<ApiChange>();

        var removed = oldTypes.Keys.Where(t => !newTypes.ContainsKey(t)).Order(StringComparer.Ordinal).ToList();
        var added = newTypes.Keys.Where(t => !oldTypes.ContainsKey(t)).Order(StringComparer.Ordinal).ToList();
        foreach (var oldName in removed.ToList())
        {
            var shape = Shape(oldName, oldTypes[oldName]);
            var newName = added.FirstOrDefault(candidate => shape.Count > 1 && Shape(candidate, newTypes[candidate]).SetEquals(shape));
            if (newName is not null)
            {
                changes.Add(Change(DiffRules.CSharpTypeRenamed, oldName, oldName, $"C#: type {oldName} is now {newName} (same members)."));
                removed.Remove(oldName);
                added.Remove(newName);
            }
        }

        changes.AddRange(removed.Select(t => Change(DiffRules.CSharpTypeRemoved, t, t, $"C#: type {t} removed.")));
        changes.AddRange(added.Select(t => Change(DiffRules.CSharpTypeAdded, t, t, $"C#: type {t} added.")));

        foreach (var (name, newEntries) in newTypes)
        {
            if (!oldTypes.TryGetValue(name, out var oldEntries))
            {
                continue;
            }

            var oldType = oldEntries.Single(e => e.Member is null);
            var newType = newEntries.Single(e => e.Member is null);
            if (oldType.Detail != newType.Detail)
            {
                changes.Add(Change(DiffRules.CSharpTypeChanged, name, name, $"C#: type {name} changed from '{oldType.Detail}' to '{newType.Detail}'."));
            }

            if (name == ContextType)
            {
                continue;
            }

            var oldMembers = oldEntries.Where(e => e.Member is not null).ToDictionary(e => e.Member!, StringComparer.Ordinal);
            var newMembers = newEntries.Where(e => e.Member is not null).ToDictionary(e => e.Member!, StringComparer.Ordinal);
            foreach (var (member, entry) in newMembers.Where(kv => !oldMembers.ContainsKey(kv.Key)))
            {
                changes.Add(Change(DiffRules.CSharpMemberAdded, name, $"{name}.{member}", $"C#: {name}.{member} added ({entry.Detail})."));
            }

            foreach (var member in oldMembers.Keys.Where(m => !newMembers.ContainsKey(m)))
            {
                changes.Add(Change(DiffRules.CSharpMemberRemoved, name, $"{name}.{member}", $"C#: {name}.{member} removed."));
            }

            foreach (var (member, entry) in newMembers)
            {
                if (!oldMembers.TryGetValue(member, out var old) || old.Detail == entry.Detail)
                {
                    continue;
                }

                if (ConstantValue(old.Detail) is { } oldValue && ConstantValue(entry.Detail) is { } newValue && oldValue.Declaration == newValue.Declaration)
                {
                    // DockerClient.ApiVersion changes with every version: expected, and nothing stops compiling.
                    changes.Add(Change(DiffRules.CSharpConstantChanged, name, $"{name}.{member}", $"C#: constant {name}.{member} is now {newValue.Value} (was {oldValue.Value})."));
                    continue;
                }

                var rule = old.Detail.Replace("?", string.Empty, StringComparison.Ordinal) == entry.Detail.Replace("?", string.Empty, StringComparison.Ordinal)
                    ? DiffRules.CSharpMemberNullabilityChanged
                    : DiffRules.CSharpMemberChanged;
                changes.Add(Change(rule, name, $"{name}.{member}", $"C#: {name}.{member} changed from '{old.Detail}' to '{entry.Detail}'."));
            }
        }

        return changes
            .OrderBy(c => c.Level)
            .ThenBy(c => c.Schema, StringComparer.Ordinal)
            .ThenBy(c => c.Target, StringComparer.Ordinal)
            .ThenBy(c => c.RuleId, StringComparer.Ordinal)
            .ToList();
    }

    private static ApiChange Change(DiffRule rule, string type, string target, string text)
        => new(rule.Id, rule.Level, rule.Direction, null, type, "csharp:" + target, text) { Target = target };

    private static Dictionary<string, List<SurfaceEntry>> Group(IReadOnlyList<SurfaceEntry> entries)
        => entries
            .Select(e => WithConstantValueInDetail(new SurfaceEntry(Strip(e.Type), e.Member is null ? null : Strip(e.Member), Strip(e.Detail), e.Line)))
            .GroupBy(e => e.Type, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);

    // A constant's member reads `ApiVersion = "1.41"`: its value moves into the detail, so that the member
    // keeps its identity across versions and a new value is a change of it, not a removal and an addition.
    private static SurfaceEntry WithConstantValueInDetail(SurfaceEntry entry)
    {
        const string assignment = " = ";
        return entry.Member is { } member && entry.Detail.Contains(ConstMarker, StringComparison.Ordinal) && member.IndexOf(assignment, StringComparison.Ordinal) is > 0 and var at
            ? entry with { Member = member[..at], Detail = $"{entry.Detail}{assignment}{member[(at + assignment.Length)..]}" }
            : entry;
    }

    private static (string Declaration, string Value)? ConstantValue(string detail)
    {
        var at = detail.IndexOf(ConstMarker + " = ", StringComparison.Ordinal);
        return at < 0 ? null : (detail[..(at + ConstMarker.Length)], detail[(at + ConstMarker.Length + 3)..]);
    }

    // The members of a type with its own name blanked out, so a renamed type matches its old self.
    private static HashSet<string> Shape(string type, List<SurfaceEntry> entries)
    {
        var simple = type[(type.LastIndexOf('.') + 1)..];
        return entries
            .Select(e => $"{e.Member}|{e.Detail}".Replace(simple, "\u0001", StringComparison.Ordinal))
            .ToHashSet(StringComparer.Ordinal);
    }

    private static string Strip(string text) => VersionNamespace().Replace(text, string.Empty);

    [GeneratedRegex(@"DockerApiGen\.Engine\.V\d+_\d+\.")]
    private static partial Regex VersionNamespace();
}
