using System.Text.Json;
using System.Text.Json.Nodes;
using DockerApiGen.Generator.Diagnostics;
using DockerApiGen.Generator.Loading;
using DockerApiGen.Generator.Naming;

namespace DockerApiGen.Generator.Specs;

/// <summary>
/// A spec family (<c>specs/&lt;name&gt;/family.yaml</c>): what sets one of Docker's APIs apart from the others, as
/// data, so that no generator stage needs to know which family it works on. The family's folder also holds
/// its lock, patches, naming and operations files.
/// </summary>
/// <param name="Name">The family's name, which is also its folder's (<c>engine</c>, <c>hub</c>, <c>registry</c>).</param>
/// <param name="Folder">The family's folder.</param>
/// <param name="Title">The API's name in generated docs, without "Docker" (<c>Engine API</c>).</param>
/// <param name="VersionScheme">How versions are written and ordered.</param>
/// <param name="PackageTemplate">The package (and project) name; <c>{id}</c> becomes the version's identifier (<c>V1_41</c>).</param>
/// <param name="RootNamespaceTemplate">The generated code's root namespace, with the same placeholder.</param>
/// <param name="JsonContextName">The class name of the generated System.Text.Json context.</param>
/// <param name="CommittedRange">The locked versions that get a committed package; null means only the newest.</param>
/// <param name="Client">The entry client and the runtime it calls; null: models and the JSON context only.</param>
/// <param name="HandWrittenProject">The package's project file is hand-written (its folder also holds hand-written code, compiled with the generated code); otherwise the generator writes it.</param>
/// <param name="MirrorVariable">The environment variable naming a mirror of the family's specs, if it has any.</param>
/// <param name="CacheFolder">Where pulled specs are kept, relative to the repository root (git-ignored).</param>
/// <param name="File">The descriptor file.</param>
public sealed record SpecFamily(
    string Name,
    string Folder,
    string Title,
    VersionScheme VersionScheme,
    string PackageTemplate,
    string RootNamespaceTemplate,
    string JsonContextName,
    VersionRange? CommittedRange,
    FamilyClient? Client,
    bool HandWrittenProject,
    string? MirrorVariable,
    string CacheFolder,
    string File)
{
    /// <summary>What generated docs call the other end of the connection (<c>server</c>; default <c>the daemon</c>).</summary>
    public string Server { get; init; } = "the daemon";

    /// <summary>
    /// Whether generated members carry availability markers (the version that introduced, deprecated, removed each,
    /// from every locked spec) and requests the version requirements a negotiating client checks:
    /// <c>availabilityMarkers: true</c>.
    /// </summary>
    public bool MarksAvailability { get; init; }

    /// <summary>Whether clients are generated (otherwise models and the JSON context only).</summary>
    public bool EmitClients => Client is not null;

    /// <summary>The descriptor's file name inside a family folder.</summary>
    public const string DescriptorFileName = "family.yaml";

    /// <summary>The family every command works on unless told otherwise.</summary>
    public const string DefaultName = "engine";

    /// <summary>The spec lock.</summary>
    public string LockPath => Path.Combine(Folder, "spec-lock.yaml");

    /// <summary>The patches folder (<c>patches/*.yaml</c>).</summary>
    public string PatchesFolder => Path.Combine(Folder, "patches");

    /// <summary>A single patch file beside the other inputs, for families with few patches.</summary>
    public string PatchesFile => Path.Combine(Folder, "patches.yaml");

    /// <summary>The naming decisions.</summary>
    public string NamingPath => Path.Combine(Folder, "naming.yaml");

    /// <summary>What each generated package's README says (optional).</summary>
    public string PackageReadmePath => Path.Combine(Folder, "package-readme.yaml");

    /// <summary>Client names and what the spec cannot say about operations.</summary>
    public string OperationsPath => Path.Combine(Folder, "operations.yaml");

    /// <summary>Whether each committed version gets a package of its own (the template names the version).</summary>
    public bool HasPackagePerVersion => PackageTemplate.Contains("{id}", StringComparison.Ordinal);

    /// <summary>Parses a version as this family writes them.</summary>
    /// <param name="text">The text.</param>
    /// <exception cref="FormatException">Not a version of this family.</exception>
    public ApiVersion ParseVersion(string text) => ApiVersion.Parse(text, VersionScheme);

    /// <summary>The package (and project) name of a version: <c>DockerApiGen.Engine.V1_41</c>, <c>DockerApiGen.Hub</c>.</summary>
    /// <param name="version">The version.</param>
    public string PackageName(ApiVersion version) => Fill(PackageTemplate, version);

    /// <summary>The root namespace of a version's generated code.</summary>
    /// <param name="version">The version.</param>
    public string RootNamespace(ApiVersion version) => Fill(RootNamespaceTemplate, version);

    /// <summary>The surface snapshot's name: the package name's last part (<c>V1_41</c>, <c>Hub</c>).</summary>
    /// <param name="version">The version.</param>
    public string SnapshotName(ApiVersion version) => PackageName(version)[(PackageName(version).LastIndexOf('.') + 1)..];

    /// <summary>Whether a locked version gets a committed package.</summary>
    /// <param name="version">The version.</param>
    /// <param name="specLock">The family's lock (its newest entry, for <c>committed: newest</c>).</param>
    public bool IsCommitted(ApiVersion version, SpecLock specLock)
    {
        ArgumentNullException.ThrowIfNull(specLock);
        return CommittedRange is { } range ? range.Contains(version) : specLock.Entries.Count > 0 && specLock.Entries[^1].Version == version;
    }

    /// <summary>Describes the committed versions for messages: <c>1.40+</c> or <c>the newest</c>.</summary>
    public string CommittedDescription => CommittedRange?.ToString() ?? "the newest";

    /// <summary>Reads and checks a family's descriptor.</summary>
    /// <param name="folder">The family's folder (<c>specs/&lt;name&gt;</c>).</param>
    /// <exception cref="GenerationException">The descriptor is missing or malformed; each problem names its line.</exception>
    public static SpecFamily Load(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var path = Path.Combine(folder, DescriptorFileName);
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(folder));
        if (!System.IO.File.Exists(path))
        {
            var specs = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(folder))!;
            var known = Directory.Exists(specs)
                ? Directory.EnumerateDirectories(specs).Where(d => System.IO.File.Exists(Path.Combine(d, DescriptorFileName))).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList()
                : [];
            throw new GenerationException(new SpecProblem(
                path, null, null, null,
                $"There is no spec family '{name}' (no {DescriptorFileName}).",
                known.Count > 0 ? $"Use one of: {string.Join(", ", known)}." : "Run from the repository root or pass --repo."));
        }

        var (document, map) = YamlToJson.Parse(System.IO.File.ReadAllText(path), path);
        var problems = new List<SpecProblem>();
        SpecProblem Problem(string key, string message, string? hint = null)
        {
            var position = map.Find("/" + key);
            return new SpecProblem(path, position?.Line ?? 1, position?.Column, "/" + key, message, hint);
        }

        string? Text(string key, bool required)
        {
            var node = document[key];
            if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String && !string.IsNullOrWhiteSpace((string?)value))
            {
                return ((string)value!).Trim();
            }

            if (required || node is not null)
            {
                problems.Add(Problem(key, $"`{key}` must be a non-empty string."));
            }

            return null;
        }

        var declaredName = Text("name", required: true);
        if (declaredName is not null && declaredName != name)
        {
            problems.Add(Problem("name", $"The family is named '{declaredName}' but lives in the folder '{name}'.", "The name and the folder must match: the folder is what --family names."));
        }

        var title = Text("title", required: true);
        var schemeText = Text("versionScheme", required: true);
        VersionScheme scheme = default;
        if (schemeText is not null && !TryParseScheme(schemeText, out scheme))
        {
            problems.Add(Problem("versionScheme", $"'{schemeText}' is not a version scheme.", "Use `number` (API versions such as 1.41) or `date` (dated snapshots such as 2024-08)."));
        }

        var package = Text("package", required: true);
        var declaredNamespace = Text("rootNamespace", required: false);
        var jsonContext = Text("jsonContext", required: true);
        if (jsonContext is not null && !Identifiers.IsValidIdentifier(jsonContext))
        {
            problems.Add(Problem("jsonContext", $"'{jsonContext}' is not a C# class name."));
        }

        foreach (var (key, template) in new[] { ("package", package), ("rootNamespace", declaredNamespace) })
        {
            var sample = template?.Replace("{id}", "V1_0", StringComparison.Ordinal);
            if (sample is not null && !sample.Split('.').All(Identifiers.IsValidIdentifier))
            {
                problems.Add(Problem(key, $"'{template}' does not give a dotted C# name.", "Use identifiers separated by dots; {id} stands for the version's identifier (V1_41)."));
            }
        }

        VersionRange? committed = null;
        var committedText = Text("committed", required: true);
        if (committedText is not null && committedText != "newest")
        {
            try
            {
                committed = VersionRange.Parse(committedText, scheme);
            }
            catch (FormatException ex)
            {
                problems.Add(Problem("committed", ex.Message, "Give a range of locked versions, or `newest`."));
            }

            if (package is not null && !package.Contains("{id}", StringComparison.Ordinal))
            {
                problems.Add(Problem("committed", $"The package '{package}' does not name a version, so it can hold only one: `committed` must be `newest`."));
            }
        }

        FamilyClient? client = null;
        if (document["client"] is JsonObject clientNode)
        {
            string? Member(string key)
            {
                var text = clientNode[key] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? ((string?)v)?.Trim() : null;
                var valid = key == "class" ? text is not null && Identifiers.IsValidIdentifier(text) : text is not null && text.Split('.').All(Identifiers.IsValidIdentifier) && text.Contains('.', StringComparison.Ordinal);
                if (!valid)
                {
                    problems.Add(Problem($"client/{key}", $"`client.{key}` must be {(key == "class" ? "a C# class name" : "the full name of a runtime type (namespace and name)")}."));
                }

                return text;
            }

            var className = Member("class");
            var connection = Member("connection");
            var options = Member("options");
            var pins = clientNode["pinsVersion"];
            if (pins is not null and not JsonValue || (pins is JsonValue p && p.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False)))
            {
                problems.Add(Problem("client/pinsVersion", "`client.pinsVersion` must be true or false.", "true: the connection is pinned to the API version (a path prefix); false: the version only dates the description."));
            }

            if (problems.Count == 0)
            {
                client = new FamilyClient(className!, connection!, options!) { PinsVersion = pins is null || (bool)pins };
            }
        }
        else if (document["client"] is not null)
        {
            problems.Add(Problem("client", "`client` must be a mapping with class, connection and options."));
        }
        var projectFile = Text("projectFile", required: false) ?? "generated";
        if (projectFile is not ("generated" or "hand-written"))
        {
            problems.Add(Problem("projectFile", $"'{projectFile}' is not a kind of project file.", "Use `generated` (the generator writes it) or `hand-written` (the package also holds hand-written code)."));
        }

        var server = Text("server", required: false) ?? "the daemon";
        var markers = false;
        if (document["availabilityMarkers"] is { } markersNode)
        {
            if (markersNode is JsonValue markersValue && markersValue.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
            {
                markers = markersValue.GetValue<bool>();
            }
            else
            {
                problems.Add(Problem("availabilityMarkers", "`availabilityMarkers` must be true or false."));
            }
        }

        var mirror = Text("mirrorVariable", required: false);
        var cache = Text("cache", required: false) ?? Path.Combine(".cache", "specs", name);
        if (problems.Count > 0)
        {
            throw new GenerationException(problems);
        }

        return new SpecFamily(name, Path.GetFullPath(folder), title!, scheme, package!, declaredNamespace ?? package!, jsonContext!, committed, client, projectFile == "hand-written", mirror, cache, path)
        {
            Server = server,
            MarksAvailability = markers,
        };
    }

    private static bool TryParseScheme(string text, out VersionScheme scheme)
    {
        scheme = text switch
        {
            "number" => VersionScheme.Number,
            "date" => VersionScheme.Date,
            _ => (VersionScheme)(-1),
        };
        return Enum.IsDefined(scheme);
    }

    private static string Fill(string template, ApiVersion version)
        => template.Replace("{id}", version.Identifier, StringComparison.Ordinal);
}

/// <summary>A family's entry client: its class and the runtime types it is made from.</summary>
/// <param name="ClassName">The entry client's class (<c>DockerClient</c>).</param>
/// <param name="Connection">The full name of the runtime connection every sub-client calls.</param>
/// <param name="Options">The full name of the options the entry client is made from.</param>
public sealed record FamilyClient(string ClassName, string Connection, string Options)
{
    /// <summary>
    /// Whether the connection is pinned to the API version (<c>client.pinsVersion</c>, default true: the Engine's
    /// connection prefixes <c>/v1.41/</c> and is made with the version); false where the version only dates the
    /// description and the connection is made from the options alone (the Hub).
    /// </summary>
    public bool PinsVersion { get; init; } = true;
}
