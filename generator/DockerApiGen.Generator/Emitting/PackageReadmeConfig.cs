using System.Text.Json;
using System.Text.Json.Nodes;
using DockerApiGen.Generator.Diagnostics;
using DockerApiGen.Generator.Loading;
using DockerApiGen.Generator.Specs;

namespace DockerApiGen.Generator.Emitting;

/// <summary>
/// What a generated package's README says (the family's <c>package-readme.yaml</c>, e.g. <c>specs/engine/package-readme.yaml</c>): the product's name, where it
/// documents each version's changes, a quick start, and which releases of the product serve which API versions.
/// Everything particular to a spec family is here, as data; <see cref="PackageReadmeEmitter"/> only fills it in.
/// </summary>
/// <param name="Product">The server product, e.g. <c>Docker Engine</c>.</param>
/// <param name="ChangesUrl">The URL of a version's change list (with placeholders).</param>
/// <param name="QuickStart">C# that runs against any daemon serving the version (with placeholders).</param>
/// <param name="Releases">The product's releases, ordered by release.</param>
public sealed record PackageReadmeConfig(string Product, string ChangesUrl, string QuickStart, IReadOnlyList<ServerRelease> Releases)
{
    /// <summary>Reads the file; a missing file means generated packages get no README.</summary>
    /// <param name="path">The file.</param>
    /// <exception cref="GenerationException">The file is malformed.</exception>
    public static PackageReadmeConfig? Load(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var (document, map) = YamlToJson.Parse(File.ReadAllText(path), path);
        string Text(string key) => document[key] is JsonValue value && value.GetValueKind() == JsonValueKind.String && !string.IsNullOrWhiteSpace((string)value!)
            ? (string)value!
            : throw Problem(map, $"/{key}", $"`{key}` must be a non-empty string.");

        if (document["releases"] is not JsonArray rows || rows.Count == 0)
        {
            throw Problem(map, "/releases", "`releases` must list the product's releases as { release, newest, oldest }.");
        }

        var releases = new List<ServerRelease>();
        for (var i = 0; i < rows.Count; i++)
        {
            var pointer = $"/releases/{i}";
            if (rows[i] is not JsonObject row
                || row["release"]?.GetValueKind() != JsonValueKind.String || !Version.TryParse((string)row["release"]!, out var order)
                || !ApiVersion.TryParse(row["newest"]?.GetValueKind() == JsonValueKind.String ? (string)row["newest"]! : null, out var newest)
                || !ApiVersion.TryParse(row["oldest"]?.GetValueKind() == JsonValueKind.String ? (string)row["oldest"]! : null, out var oldest)
                || oldest > newest)
            {
                throw Problem(map, pointer, "A release needs a quoted `release` (\"29.0\") and quoted API versions `newest` and `oldest` (oldest <= newest).");
            }

            releases.Add(new ServerRelease((string)row["release"]!, order, newest, oldest));
        }

        var duplicate = releases.GroupBy(r => r.Order).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw Problem(map, "/releases", $"Release {duplicate.First().Release} is listed twice.");
        }

        return new PackageReadmeConfig(Text("product"), Text("changesUrl"), Text("quickStart"), releases.OrderBy(r => r.Order).ToList());
    }

    private static GenerationException Problem(SourceMap map, string pointer, string message)
    {
        var position = map.Find(pointer);
        return new GenerationException(new SpecProblem(map.File, position?.Line ?? 1, position?.Column, null, message, "Fix the family's package-readme.yaml."));
    }
}

/// <summary>One release of the server product and the API versions it speaks.</summary>
/// <param name="Release">The release as people write it (<c>20.10</c>).</param>
/// <param name="Order">The release as a version, for ordering.</param>
/// <param name="Newest">The newest API version it speaks.</param>
/// <param name="Oldest">The oldest API version it still accepts.</param>
public sealed record ServerRelease(string Release, Version Order, ApiVersion Newest, ApiVersion Oldest)
{
    /// <summary>Whether the release serves an API version.</summary>
    /// <param name="version">The API version.</param>
    public bool Serves(ApiVersion version) => Oldest <= version && version <= Newest;
}

/// <summary>What one version's README needs besides its settings.</summary>
/// <param name="Config">The README data.</param>
/// <param name="Previous">The locked version before this one, when there is one.</param>
public sealed record PackageReadmeInputs(PackageReadmeConfig Config, ApiVersion? Previous);
