using DockerApiGen.Generator.Diagnostics;

namespace DockerApiGen.Generator.Specs;

/// <summary>
/// Where spec files come from: upstream (each lock entry's own url), a mirror folder, or a mirror url
/// under which files keep their upstream names (<c>v1.41.yaml</c>, <c>2024-08.yaml</c>). Each family names
/// its own mirror variable in its <c>family.yaml</c>.
/// </summary>
public abstract record SpecSource
{
    /// <summary>The environment variable that points every command at a mirror of the Engine's specs (CI sets it).</summary>
    public const string EnvironmentVariable = "DOCKERAPIGEN_SPEC_SOURCE";

    /// <summary>Upstream, as pinned in the lock.</summary>
    public static SpecSource Upstream { get; } = new UpstreamSource();

    /// <summary>The environment variable that would have named a mirror instead, for hints; null when the family has none.</summary>
    public string? MirrorVariable { get; init; } = EnvironmentVariable;

    /// <summary>Picks the Engine's source: the explicit option, else <see cref="EnvironmentVariable"/>, else upstream.</summary>
    /// <param name="option">The value of <c>--source</c>, if given.</param>
    public static SpecSource Resolve(string? option) => Resolve(option, EnvironmentVariable);

    /// <summary>Picks a family's source: the explicit option, else the family's mirror variable, else upstream.</summary>
    /// <param name="option">The value of <c>--source</c>, if given.</param>
    /// <param name="mirrorVariable">The family's mirror variable, or null when it has none.</param>
    public static SpecSource Resolve(string? option, string? mirrorVariable)
    {
        var value = !string.IsNullOrWhiteSpace(option) ? option : mirrorVariable is null ? null : Environment.GetEnvironmentVariable(mirrorVariable);
        if (string.IsNullOrWhiteSpace(value))
        {
            return new UpstreamSource { MirrorVariable = mirrorVariable };
        }

        return Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? new MirrorUrlSource(uri) { MirrorVariable = mirrorVariable }
            : new MirrorFolderSource(Path.GetFullPath(value)) { MirrorVariable = mirrorVariable };
    }

    /// <summary>How hints name the ways to point at a mirror: <c>--source (or VARIABLE)</c>.</summary>
    private string MirrorOptions => MirrorVariable is null ? "--source" : $"--source (or {MirrorVariable})";

    /// <summary>
    /// The address this source reads a version's file from, when that address alone identifies the file
    /// (a mirror url, or one file's url); null for a folder, or for upstream (whose address is the lock's).
    /// <c>add-version</c> pins it when no other url is given, so the lock never holds a guessed address.
    /// </summary>
    /// <param name="version">The version.</param>
    public virtual Uri? FoundAt(ApiVersion version) => null;

    /// <summary>Where this source keeps the file of an entry, for messages.</summary>
    /// <param name="entry">The lock entry.</param>
    public abstract string Describe(SpecLockEntry entry);

    /// <summary>Reads the bytes of an entry's file.</summary>
    /// <param name="entry">The lock entry.</param>
    /// <param name="http">The client used for urls.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="GenerationException">The file cannot be had from this source.</exception>
    public abstract Task<byte[]> ReadAsync(SpecLockEntry entry, HttpClient http, CancellationToken cancellationToken);

    private async Task<byte[]> DownloadAsync(Uri url, SpecLockEntry entry, HttpClient http, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(url, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new GenerationException(new SpecProblem(
                    url.ToString(), null, null, null,
                    $"Could not download the spec of version {entry.Version}: HTTP {(int)response.StatusCode} {response.ReasonPhrase}.",
                    $"Check the url in the family's spec-lock.yaml, or point {MirrorOptions} at a mirror folder."));
            }

            return await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new GenerationException(new SpecProblem(
                url.ToString(), null, null, null,
                $"Could not download the spec of version {entry.Version}: {ex.Message}",
                $"Without network access, point {MirrorOptions} at a local mirror folder of the specs."));
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new GenerationException(new SpecProblem(
                url.ToString(), null, null, null,
                $"Downloading the spec of version {entry.Version} timed out ({ex.Message}).",
                $"Retry, or point {MirrorOptions} at a mirror folder."));
        }
    }

    private sealed record UpstreamSource : SpecSource
    {
        public override string Describe(SpecLockEntry entry) => entry.Url.ToString();

        public override Task<byte[]> ReadAsync(SpecLockEntry entry, HttpClient http, CancellationToken cancellationToken)
            => DownloadAsync(entry.Url, entry, http, cancellationToken);

        public override string ToString() => "upstream";
    }

    /// <summary>A local folder holding files named as upstream (<c>v1.41.yaml</c>).</summary>
    /// <param name="Folder">The absolute folder path.</param>
    public sealed record MirrorFolderSource(string Folder) : SpecSource
    {
        /// <inheritdoc />
        public override string Describe(SpecLockEntry entry) => Path.Combine(Folder, entry.Version.SpecFileName);

        /// <inheritdoc />
        public override async Task<byte[]> ReadAsync(SpecLockEntry entry, HttpClient http, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(entry);
            var path = Describe(entry);
            if (!Directory.Exists(Folder))
            {
                throw new GenerationException(new SpecProblem(Folder, null, null, null, "The spec mirror folder does not exist.", $"Check {MirrorOptions}."));
            }

            if (!File.Exists(path))
            {
                throw new GenerationException(new SpecProblem(
                    path, null, null, null,
                    $"The mirror has no spec for version {entry.Version} (the lock pins sha256 {entry.Sha256} at {entry.Url}).",
                    $"Add that file to the mirror as {entry.Version.SpecFileName} (and to its SHA256SUMS), or pull it once from upstream: `dockerapigen pull --version {entry.Version}` without --source or {EnvironmentVariable}."));
            }

            return await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }

        /// <inheritdoc />
        public override string ToString() => Folder;
    }

    /// <summary>A mirror url under which files keep their upstream names.</summary>
    /// <param name="BaseUrl">The mirror's base url.</param>
    public sealed record MirrorUrlSource(Uri BaseUrl) : SpecSource
    {
        private Uri FileUrl(ApiVersion version)
            => new(new Uri(BaseUrl.ToString().TrimEnd('/') + "/"), version.SpecFileName);

        /// <inheritdoc />
        public override Uri? FoundAt(ApiVersion version) => FileUrl(version);

        /// <inheritdoc />
        public override string Describe(SpecLockEntry entry) => FileUrl(entry.Version).ToString();

        /// <inheritdoc />
        public override Task<byte[]> ReadAsync(SpecLockEntry entry, HttpClient http, CancellationToken cancellationToken)
            => DownloadAsync(FileUrl(entry.Version), entry, http, cancellationToken);

        /// <inheritdoc />
        public override string ToString() => BaseUrl.ToString();
    }

    /// <summary>One file's address, whatever version asks for it: the spec upstream offers for a new version.</summary>
    /// <param name="Url">The file's address.</param>
    public sealed record FileUrlSource(Uri Url) : SpecSource
    {
        /// <inheritdoc />
        public override Uri? FoundAt(ApiVersion version) => Url;

        /// <inheritdoc />
        public override string Describe(SpecLockEntry entry) => Url.ToString();

        /// <inheritdoc />
        public override Task<byte[]> ReadAsync(SpecLockEntry entry, HttpClient http, CancellationToken cancellationToken)
            => DownloadAsync(Url, entry, http, cancellationToken);

        /// <inheritdoc />
        public override string ToString() => Url.ToString();
    }
}
