using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using DockerApiGen.Generator.Diagnostics;
using DockerApiGen.Generator.Specs;

namespace DockerApiGen.Generator.Upstream;

/// <summary>One spec upstream offers.</summary>
/// <param name="Version">The API version.</param>
/// <param name="Url">Its raw address at the scanned commit.</param>
/// <param name="Path">Its path in the repository.</param>
/// <param name="Released">False for the spec under development (it may still change before release).</param>
public sealed record UpstreamSpec(ApiVersion Version, Uri Url, string Path, bool Released);

/// <summary>What upstream offers at one commit.</summary>
/// <param name="Repository">Where it was read.</param>
/// <param name="Reference">The ref asked for (<c>master</c>).</param>
/// <param name="Commit">The commit the ref resolved to; every address is pinned to it.</param>
/// <param name="Specs">Every version found, ordered.</param>
public sealed record UpstreamSnapshot(UpstreamRepository Repository, string Reference, string Commit, IReadOnlyList<UpstreamSpec> Specs);

/// <summary>
/// Asks GitHub which spec versions a repository holds at a ref: resolves the ref to a commit (so every
/// address found is pinned), lists the released specs' folder through the contents API, and reads the
/// version of the spec under development from its <c>info.version</c>.
/// </summary>
public static partial class UpstreamScanner
{
    /// <summary>Scans upstream at a ref.</summary>
    /// <param name="repository">Where to look.</param>
    /// <param name="reference">A branch, tag or commit.</param>
    /// <param name="http">The client to use.</param>
    /// <param name="cancellationToken">Cancels the scan.</param>
    /// <exception cref="GenerationException">Upstream could not be read, with what to do.</exception>
    public static async Task<UpstreamSnapshot> ScanAsync(UpstreamRepository repository, string reference, HttpClient http, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentException.ThrowIfNullOrWhiteSpace(reference);
        ArgumentNullException.ThrowIfNull(http);

        var commit = await ResolveCommitAsync(repository, reference, http, cancellationToken).ConfigureAwait(false);
        var specs = new List<UpstreamSpec>();
        var listingUrl = repository.ContentsUrl(repository.ReleasedFolder, commit);
        using (var listing = JsonDocument.Parse(await GetAsync(listingUrl, "application/vnd.github+json", http, cancellationToken).ConfigureAwait(false)))
        {
            if (listing.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw Problem(listingUrl, $"The listing of {repository.ReleasedFolder} is not a JSON array of files.", "Check --api-url: it must answer as GitHub's contents API does.");
            }

            foreach (var item in listing.RootElement.EnumerateArray())
            {
                if (item.TryGetProperty("name", out var name) && name.GetString() is { } file
                    && SpecFileName().Match(file) is { Success: true } match
                    && ApiVersion.TryParse(match.Groups["version"].Value, out var version))
                {
                    var path = repository.ReleasedPath(version);
                    specs.Add(new UpstreamSpec(version, repository.RawUrl(commit, path), path, Released: true));
                }
            }
        }

        var currentUrl = repository.RawUrl(commit, repository.CurrentSpecPath);
        var current = await GetAsync(currentUrl, null, http, cancellationToken).ConfigureAwait(false);
        var declared = DeclaredVersion.Read(current);
        if (!ApiVersion.TryParse(declared, out var currentVersion))
        {
            throw Problem(currentUrl, $"The spec under development declares no version such as 1.56 (info.version is '{declared ?? "missing"}').", "Check --raw-url and --ref.");
        }

        // Right after a release the spec under development still has the released number: keep the released file.
        if (specs.All(s => s.Version != currentVersion))
        {
            specs.Add(new UpstreamSpec(currentVersion, currentUrl, repository.CurrentSpecPath, Released: false));
        }

        return new UpstreamSnapshot(repository, reference, commit, specs.OrderBy(s => s.Version).ToList());
    }

    private static async Task<string> ResolveCommitAsync(UpstreamRepository repository, string reference, HttpClient http, CancellationToken cancellationToken)
    {
        if (UpstreamRepository.IsCommit(reference))
        {
            return reference;
        }

        // GitHub answers the bare commit id for this media type; a JSON commit object is read as well.
        var url = repository.CommitUrl(reference);
        var text = Encoding.UTF8.GetString(await GetAsync(url, "application/vnd.github.sha", http, cancellationToken).ConfigureAwait(false)).Trim();
        if (text.StartsWith('{'))
        {
            using var json = JsonDocument.Parse(text);
            text = json.RootElement.TryGetProperty("sha", out var sha) ? sha.GetString() ?? string.Empty : string.Empty;
        }

        return UpstreamRepository.IsCommit(text)
            ? text
            : throw Problem(url, $"The ref '{reference}' did not resolve to a commit id.", "Pass --ref with a branch, tag or commit that exists upstream.");
    }

    private static async Task<byte[]> GetAsync(Uri url, string? accept, HttpClient http, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("dockerapigen", "1.0"));
        if (accept is not null)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        }

        try
        {
            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw Problem(
                    url,
                    $"Upstream answered HTTP {(int)response.StatusCode} {response.ReasonPhrase}.",
                    response.StatusCode switch
                    {
                        HttpStatusCode.NotFound => "Check --ref (a branch, tag or commit upstream) and the base addresses.",
                        HttpStatusCode.Forbidden or HttpStatusCode.TooManyRequests => "GitHub limits unauthenticated API calls per hour: wait, or point --api-url at a mirror.",
                        _ => "Retry later.",
                    });
            }

            return await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw Problem(url, $"Upstream could not be reached: {ex.Message}", "Without network access, add a version from a mirror: `dockerapigen add-version X --source DIR --url URL`.");
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw Problem(url, $"Upstream did not answer in time ({ex.Message}).", "Retry later.");
        }
    }

    private static GenerationException Problem(Uri url, string message, string hint)
        => new(new SpecProblem(url.ToString(), null, null, null, message, hint));

    [GeneratedRegex(@"^v(?<version>\d+\.\d+)\.yaml$")]
    private static partial Regex SpecFileName();
}
