using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DockerApiGen.Generator.Specs;

namespace DockerApiGen.Generator.Availability;

/// <summary>
/// Keeps the <see cref="ApiHistory"/> between runs in a git-ignored folder, so that generating one version does
/// not load every locked spec again (31 specs take seconds; the file takes milliseconds). The file is named by a
/// hash of everything the history is built from: the lock's versions and hashes, the patch, naming and operations files
/// and the generator build itself (a changed generator may build models differently). A file that does not parse
/// is ignored and rebuilt.
/// </summary>
/// <param name="Folder">The cache folder.</param>
public sealed record ApiHistoryCache(string Folder)
{
    private const string Header = "dockerapigen availability history 2";

    /// <summary>The key of a history built from these inputs.</summary>
    /// <param name="lockEntries">The locked versions.</param>
    /// <param name="inputFiles">The files the models depend on besides the specs (patches, naming); missing ones count as empty.</param>
    public static string Key(IEnumerable<SpecLockEntry> lockEntries, IEnumerable<string> inputFiles)
    {
        ArgumentNullException.ThrowIfNull(lockEntries);
        ArgumentNullException.ThrowIfNull(inputFiles);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string text) => hash.AppendData(Encoding.UTF8.GetBytes(text + "\n"));
        Add(Header);
        Add(typeof(ApiHistoryCache).Assembly.ManifestModule.ModuleVersionId.ToString());
        foreach (var entry in lockEntries)
        {
            Add($"{entry.Version} {entry.Sha256}");
        }

        foreach (var file in inputFiles)
        {
            Add(Path.GetFileName(file));
            hash.AppendData(File.Exists(file) ? File.ReadAllBytes(file) : []);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>The file of a key.</summary>
    /// <param name="key">The key.</param>
    public string PathOf(string key) => Path.Combine(Folder, $"history-{key[..16]}.txt");

    /// <summary>The history kept under a key, or null when there is none (or it does not parse).</summary>
    /// <param name="key">The key.</param>
    public ApiHistory? TryRead(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var path = PathOf(key);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return Parse(File.ReadAllLines(path), key);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>Keeps a history under a key, replacing histories kept under other keys.</summary>
    /// <param name="key">The key.</param>
    /// <param name="history">The history.</param>
    public void Write(string key, ApiHistory history)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(history);
        var path = PathOf(key);
        AtomicFile.WriteAllText(path, Format(key, history));
        foreach (var stale in Directory.EnumerateFiles(Folder, "history-*.txt").Where(f => f != path))
        {
            File.Delete(stale);
        }
    }

    /// <summary>The history as text: versions, lineages, then one line per member.</summary>
    /// <param name="key">The key it is kept under.</param>
    /// <param name="history">The history.</param>
    public static string Format(string key, ApiHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var text = new StringBuilder();
        text.Append(Header).Append('\n');
        text.Append("key\t").Append(key).Append('\n');
        text.Append("versions\t").Append(history.Versions.FirstOrDefault().Scheme).Append('\t').AppendJoin('\t', history.Versions).Append('\n');
        for (var i = 0; i < history.Lineages.Count; i++)
        {
            foreach (var (type, lineage) in history.Lineages[i].OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                text.Append(CultureInfo.InvariantCulture, $"type\t{i}\t{type}\t{lineage}\n");
            }
        }

        foreach (var (member, record) in history.Members.OrderBy(kv => kv.Key.ToString(), StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"member\t{member}\t{record.Present}\t{record.Deprecated}\n");
        }

        return text.ToString();
    }

    /// <summary>Reads what <see cref="Format"/> wrote.</summary>
    /// <param name="lines">The lines.</param>
    /// <param name="key">The expected key.</param>
    /// <exception cref="FormatException">The text is not a history kept under that key.</exception>
    public static ApiHistory Parse(IReadOnlyList<string> lines, string key)
    {
        ArgumentNullException.ThrowIfNull(lines);
        if (lines.Count < 3 || lines[0] != Header || lines[1] != "key\t" + key || !lines[2].StartsWith("versions", StringComparison.Ordinal))
        {
            throw new FormatException("Not an availability history for this key.");
        }

        var versionFields = lines[2].Split('\t');
        if (versionFields.Length < 2 || !Enum.TryParse<VersionScheme>(versionFields[1], out var scheme))
        {
            throw new FormatException("An availability history without its version scheme.");
        }

        var versions = versionFields.Skip(2).Select(v => ApiVersion.Parse(v, scheme)).ToList();
        var lineages = versions.Select(_ => new Dictionary<string, string>(StringComparer.Ordinal)).ToList();
        var members = new Dictionary<MemberKey, MemberHistory>();
        foreach (var line in lines.Skip(3).Where(l => l.Length > 0))
        {
            var fields = line.Split('\t');
            switch (fields[0])
            {
                case "type" when fields.Length == 4 && int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < lineages.Count:
                    lineages[index][fields[2]] = fields[3];
                    break;
                case "member" when fields.Length == 4:
                    members[MemberKey.Parse(fields[1])] = new MemberHistory(VersionSet.Parse(fields[2]), VersionSet.Parse(fields[3]));
                    break;
                default:
                    throw new FormatException($"Unexpected line in an availability history: {line}");
            }
        }

        return new ApiHistory(versions, lineages, members);
    }
}
