using System.Globalization;
using System.Text;
using DockerApiGen.Generator.Specs;

namespace DockerApiGen.Generator.Emitting;

/// <summary>
/// Emits a version's package README (<c>README.md</c> beside the project file, the package's page): which
/// releases of the server serve the version, worked out from <see cref="PackageReadmeConfig.Releases"/>, a quick
/// start, and where the changes from the previous version are.
/// </summary>
public static class PackageReadmeEmitter
{
    /// <summary>The README's path relative to the project folder.</summary>
    public const string FileName = "README.md";

    /// <summary>The README's text.</summary>
    /// <param name="settings">Names for the version.</param>
    /// <param name="inputs">The README data and the previous version.</param>
    public static string Emit(EmitSettings settings, PackageReadmeInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(inputs);
        var version = settings.Version;
        var config = inputs.Config;
        var text = new StringBuilder();
        void Line(string line = "") => text.Append(line).Append('\n');

        Line($"# {settings.RootNamespace}");
        Line();
        Line($"A typed C# client for the {config.Product} API v{version}: every operation and model of that version, generated");
        Line($"from the published spec (sha256 `{settings.SpecSha256[..12]}…`) by DockerApiGen. Every request goes to `/v{version}/`.");
        Line();
        Line($"## Which daemons speak v{version}");
        Line();
        foreach (var sentence in Servers(config, version))
        {
            Line(sentence);
        }

        Line();
        Line("## Quick start");
        Line();
        Line("```csharp");
        foreach (var line in Fill(config.QuickStart, settings, inputs.Previous).TrimEnd('\n').Split('\n'))
        {
            Line(line);
        }

        Line("```");
        Line();
        Line($"Streams, attach/exec sessions, errors and connecting over TCP, TLS or SSH work the same in every version:");
        Line("see the repository's README.");
        if (inputs.Previous is { } previous)
        {
            Line();
            Line($"## Changes from v{previous}");
            Line();
            Line($"- The API's changes, as documented upstream: {Fill(config.ChangesUrl, settings, previous)}");
            Line($"- What changed for a client, each change rated breaking or not, and the C# surface: `dockerapigen diff {previous} {version} --surface`");
            Line("  (the `dockerapigen` .NET tool).");
        }

        Line();
        Line("## Package versions");
        Line();
        Line($"The API version is in the package id; the package version is the DockerApiGen release that generated it, so a");
        Line("generator or runtime fix ships as a new version of every API version's package. Keep every `DockerApiGen.*`");
        Line("package of an application at the same version.");
        return text.ToString();
    }

    /// <summary>Markdown lines saying which releases serve a version and why the others do not.</summary>
    /// <param name="config">The README data.</param>
    /// <param name="version">The API version.</param>
    public static IReadOnlyList<string> Servers(PackageReadmeConfig config, ApiVersion version)
    {
        ArgumentNullException.ThrowIfNull(config);
        var runs = new List<(string Why, List<ServerRelease> Releases)>();
        foreach (var release in config.Releases)
        {
            var why = release.Serves(version) ? ""
                : release.Newest < version ? "older"
                : string.Create(CultureInfo.InvariantCulture, $"refuses {release.Oldest}");
            if (runs.Count > 0 && runs[^1].Why == why)
            {
                runs[^1].Releases.Add(release);
            }
            else
            {
                runs.Add((why, [release]));
            }
        }

        var product = config.Product;
        var served = runs.Where(r => r.Why.Length == 0).Select(r => Span(r.Releases)).ToList();
        var sentences = new List<string>
        {
            served.Count == 0
                ? $"No {product} release listed here serves v{version} yet."
                : $"Served by {product} {Join(served)}.",
        };
        var notServed = runs.Where(r => r.Why.Length > 0).ToList();
        if (notServed.Count > 0)
        {
            sentences.Add("");
        }

        foreach (var (why, releases) in notServed)
        {
            sentences.Add("- " + (why == "older"
                ? $"Not by {(releases[0] == config.Releases[0] ? $"{releases[^1].Release} and older" : Span(releases))}: the newest API version they speak is below {version}."
                : $"Not by {Span(releases)}: {(releases.Count == 1 ? "it refuses" : "they refuse")} every API version below {releases[0].Oldest}."));
        }

        sentences.Add("");
        sentences.Add($"A release newer than {config.Releases[^1].Release} serves v{version} when the oldest API version it accepts is {version} or lower;");
        sentences.Add("`await docker.Connection.GetDaemonVersionsAsync()` reads a daemon's range.");
        return sentences;
    }

    private static string Span(List<ServerRelease> releases)
        => releases.Count == 1 ? releases[0].Release : $"{releases[0].Release}–{releases[^1].Release}";

    private static string Join(List<string> parts)
        => parts.Count == 1 ? parts[0] : string.Join(", ", parts.Take(parts.Count - 1)) + " and " + parts[^1];

    private static string Fill(string template, EmitSettings settings, ApiVersion? previous)
        => template
            .Replace("{version}", settings.Version.ToString(), StringComparison.Ordinal)
            .Replace("{identifier}", settings.Version.Identifier, StringComparison.Ordinal)
            .Replace("{package}", settings.RootNamespace, StringComparison.Ordinal)
            .Replace("{major}", settings.Version.Major.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{minor}", settings.Version.Minor.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{previous}", previous?.ToString() ?? "", StringComparison.Ordinal);
}
