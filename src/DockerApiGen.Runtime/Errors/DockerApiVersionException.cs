using System.Net;
using System.Text.RegularExpressions;

namespace DockerApiGen.Runtime.Errors;

/// <summary>
/// The client is pinned to an API version the daemon does not support. The message names the daemon's
/// range and the package that matches it.
/// </summary>
public sealed partial class DockerApiVersionException : DockerApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="requestedVersion">The client's pinned version, e.g. <c>1.55</c>.</param>
    /// <param name="maximumVersion">The newest version the daemon supports, if known.</param>
    /// <param name="minimumVersion">The oldest version the daemon supports, if known.</param>
    /// <param name="daemonMessage">The daemon's own message, if the daemon answered.</param>
    /// <param name="method">The request method.</param>
    /// <param name="path">The request path.</param>
    public DockerApiVersionException(string requestedVersion, string? maximumVersion, string? minimumVersion, string? daemonMessage, string method, string path)
        : base(HttpStatusCode.BadRequest, daemonMessage, method, path, Describe(requestedVersion, maximumVersion, minimumVersion, daemonMessage))
    {
        RequestedVersion = requestedVersion;
        MaximumVersion = maximumVersion;
        MinimumVersion = minimumVersion;
    }

    /// <summary>The client's pinned version.</summary>
    public string RequestedVersion { get; }

    /// <summary>The newest version the daemon supports, when known.</summary>
    public string? MaximumVersion { get; }

    /// <summary>The oldest version the daemon supports, when known.</summary>
    public string? MinimumVersion { get; }

    /// <summary>
    /// Recognises the daemon's answer to a too-new or too-old version
    /// (<c>client version 1.55 is too new. Maximum supported API version is 1.41</c>).
    /// </summary>
    /// <param name="daemonMessage">The daemon's message.</param>
    /// <param name="method">The request method.</param>
    /// <param name="path">The request path.</param>
    /// <returns>The exception, or null when the message is about something else.</returns>
    public static DockerApiVersionException? TryParse(string? daemonMessage, string method, string path)
    {
        if (daemonMessage is null)
        {
            return null;
        }

        var tooNew = TooNew().Match(daemonMessage);
        if (tooNew.Success)
        {
            return new DockerApiVersionException(tooNew.Groups["requested"].Value, tooNew.Groups["limit"].Value, null, daemonMessage, method, path);
        }

        var tooOld = TooOld().Match(daemonMessage);
        return tooOld.Success
            ? new DockerApiVersionException(tooOld.Groups["requested"].Value, null, tooOld.Groups["limit"].Value, daemonMessage, method, path)
            : null;
    }

    /// <summary>The package pinned to a version: <c>DockerApiGen.Engine.V1_41</c> for <c>1.41</c>.</summary>
    /// <param name="version">The version.</param>
    public static string PackageFor(string version) => "DockerApiGen.Engine.V" + version.Replace('.', '_');

    private static string Describe(string requested, string? maximum, string? minimum, string? daemonMessage)
    {
        var range = (minimum, maximum) switch
        {
            (not null, not null) => $"API {minimum} to {maximum}",
            (null, not null) => $"API up to {maximum}",
            (not null, null) => $"API {minimum} and later",
            _ => "a different API version",
        };
        var advice = maximum is not null
            ? $"Use {PackageFor(maximum)} (or an older package) with this daemon, or upgrade the daemon."
            : minimum is not null ? $"Use {PackageFor(minimum)} or a newer package with this daemon." : "Use a package pinned to a version the daemon supports.";
        return $"This client speaks Docker Engine API {requested}, but the daemon supports {range}. {advice}"
            + (daemonMessage is null ? string.Empty : $" (Daemon: {daemonMessage})");
    }

    [GeneratedRegex(@"client version (?<requested>\d+\.\d+) is too new\. Maximum supported API version is (?<limit>\d+\.\d+)")]
    private static partial Regex TooNew();

    [GeneratedRegex(@"client version (?<requested>\d+\.\d+) is too old\. Minimum supported API version is (?<limit>\d+\.\d+)")]
    private static partial Regex TooOld();
}
