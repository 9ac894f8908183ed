using System.Text.RegularExpressions;
using DockerApiGen.Generator.Specs;

namespace DockerApiGen.Generator.Upstream;

/// <summary>
/// Where a family's specs live upstream, in a GitHub repository: released versions as files in a folder
/// (<c>api/docs/v1.55.yaml</c>) and the version under development in one file (<c>api/swagger.yaml</c>).
/// The base addresses are overridable so that a mirror, or a test's stand-in server, can play GitHub.
/// </summary>
/// <param name="Owner">The repository owner (<c>moby</c>).</param>
/// <param name="Name">The repository name (<c>moby</c>).</param>
/// <param name="ReleasedFolder">The folder of released specs, one file per version named <c>v1.NN.yaml</c>.</param>
/// <param name="CurrentSpecPath">The file holding the spec under development; its <c>info.version</c> says which version it is.</param>
/// <param name="ApiBase">GitHub's REST API (contents and commits), <c>https://api.github.com/</c>.</param>
/// <param name="RawBase">GitHub's raw file server, <c>https://raw.githubusercontent.com/</c>.</param>
public sealed partial record UpstreamRepository(string Owner, string Name, string ReleasedFolder, string CurrentSpecPath, Uri ApiBase, Uri RawBase)
{
    /// <summary>GitHub's REST API.</summary>
    public static Uri GitHubApi { get; } = new("https://api.github.com/");

    /// <summary>GitHub's raw file server.</summary>
    public static Uri GitHubRaw { get; } = new("https://raw.githubusercontent.com/");

    /// <summary>The Docker Engine API: moby/moby, <c>api/docs/</c> and <c>api/swagger.yaml</c>, on GitHub.</summary>
    public static UpstreamRepository Engine { get; } = new("moby", "moby", "api/docs", "api/swagger.yaml", GitHubApi, GitHubRaw);

    /// <summary>The same repository read through other base addresses (a mirror, or a test's stand-in).</summary>
    /// <param name="apiBase">The API base, or null to keep it.</param>
    /// <param name="rawBase">The raw base, or null to keep it.</param>
    public UpstreamRepository WithBases(Uri? apiBase, Uri? rawBase)
        => this with { ApiBase = WithSlash(apiBase ?? ApiBase), RawBase = WithSlash(rawBase ?? RawBase) };

    /// <summary>The address of a file at a commit on the raw server.</summary>
    /// <param name="commit">The commit (40 hex digits) or another ref.</param>
    /// <param name="path">The file's path in the repository.</param>
    public Uri RawUrl(string commit, string path) => new(WithSlash(RawBase), $"{Owner}/{Name}/{commit}/{path}");

    /// <summary>The REST address that resolves a ref (branch, tag or commit) to its commit.</summary>
    /// <param name="reference">The ref.</param>
    public Uri CommitUrl(string reference) => new(WithSlash(ApiBase), $"repos/{Owner}/{Name}/commits/{Uri.EscapeDataString(reference)}");

    /// <summary>The REST address that lists a folder at a commit.</summary>
    /// <param name="folder">The folder's path.</param>
    /// <param name="commit">The commit.</param>
    public Uri ContentsUrl(string folder, string commit) => new(WithSlash(ApiBase), $"repos/{Owner}/{Name}/contents/{folder}?ref={Uri.EscapeDataString(commit)}");

    /// <summary>The path of a released version's file: <c>api/docs/v1.55.yaml</c>.</summary>
    /// <param name="version">The version.</param>
    public string ReleasedPath(ApiVersion version) => $"{ReleasedFolder}/{version.SpecFileName}";

    /// <summary>
    /// Whether an address is one this repository's raw server gives for a version's spec at a fixed commit:
    /// the released file, or the spec under development.
    /// </summary>
    /// <param name="url">The address.</param>
    /// <param name="version">The version it should hold.</param>
    public bool IsPinnedSpecUrl(Uri url, ApiVersion version)
        => RawParts(url) is ({ } reference, { } path)
            && IsCommit(reference)
            && (path == ReleasedPath(version) || path == CurrentSpecPath);

    /// <summary>
    /// For an address on this repository's raw server, the ref it names (<c>master</c>, or a commit);
    /// null for any other address.
    /// </summary>
    /// <param name="url">The address.</param>
    public string? RawReference(Uri url) => RawParts(url)?.Reference;

    /// <summary>Whether a ref is a full commit id (40 hex digits), which never moves.</summary>
    /// <param name="reference">The ref.</param>
    public static bool IsCommit(string reference) => CommitId().IsMatch(reference);

    /// <inheritdoc />
    public override string ToString() => $"{Owner}/{Name}";

    // raw/<owner>/<name>/<ref>/<path> → (ref, path); null for an address elsewhere.
    private (string Reference, string Path)? RawParts(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var prefix = new Uri(WithSlash(RawBase), $"{Owner}/{Name}/").ToString();
        var text = url.ToString();
        var slash = text.StartsWith(prefix, StringComparison.Ordinal) ? text.IndexOf('/', prefix.Length) : -1;
        return slash > prefix.Length ? (text[prefix.Length..slash], text[(slash + 1)..]) : null;
    }

    private static Uri WithSlash(Uri uri) => uri.ToString().EndsWith('/') ? uri : new Uri(uri + "/");

    [GeneratedRegex("^[0-9a-f]{40}$")]
    private static partial Regex CommitId();
}
