using DockerApiGen.Generator.Availability;
using DockerApiGen.Generator.Specs;

namespace DockerApiGen.Generator.Emitting;

/// <summary>Prints availability markers: the attribute arguments, the docs' sentence, and a version for the runtime's checks.</summary>
public static class AvailabilityText
{
    /// <summary>The named attribute arguments of a marker (<c>Since = "1.44", RemovedIn = "1.50"</c>); empty when unmarked.</summary>
    /// <param name="availability">The marker.</param>
    public static string NamedArguments(MemberAvailability availability)
    {
        ArgumentNullException.ThrowIfNull(availability);
        var arguments = new List<string>(3);
        if (availability.Since is { } since)
        {
            arguments.Add($"Since = {ObjectEmitter.Literal(since.ToString())}");
        }

        if (availability.DeprecatedSince is { } deprecated)
        {
            arguments.Add($"DeprecatedSince = {ObjectEmitter.Literal(deprecated.ToString())}");
        }

        if (availability.RemovedIn is { } removed)
        {
            arguments.Add($"RemovedIn = {ObjectEmitter.Literal(removed.ToString())}");
        }

        return string.Join(", ", arguments);
    }

    /// <summary>A doc text with the marker's sentence as a last paragraph (unchanged when unmarked).</summary>
    /// <param name="markdown">The doc text.</param>
    /// <param name="availability">The marker.</param>
    public static string WithMarker(string markdown, MemberAvailability availability)
    {
        ArgumentNullException.ThrowIfNull(availability);
        return availability.IsMarked ? $"{markdown}\n\n{availability.Describe()}" : markdown;
    }

    /// <summary>A version as the runtime's <c>DockerApiVersion</c> constructor (<c>new(1, 44)</c>).</summary>
    /// <param name="version">The version.</param>
    public static string VersionValue(ApiVersion version) => FormattableString.Invariant($"new({version.Major}, {version.Minor})");
}
