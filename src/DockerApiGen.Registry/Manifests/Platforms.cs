using System.Runtime.InteropServices;
using DockerApiGen.Registry.Models;

namespace DockerApiGen.Registry.Manifests;

/// <summary>Platforms as image indexes name them (Go's names: <c>linux/amd64</c>, <c>linux/arm/v7</c>), and which index entry fits one.</summary>
public static class Platforms
{
    /// <summary>Linux on this process's CPU architecture: what the client picks from an index unless told otherwise.</summary>
    public static Platform Current => RuntimeInformation.OSArchitecture switch
    {
        Architecture.X64 => Of("linux", "amd64"),
        Architecture.Arm64 => Of("linux", "arm64"),
        Architecture.Arm => Of("linux", "arm", "v7"),
        Architecture.X86 => Of("linux", "386"),
        Architecture.S390x => Of("linux", "s390x"),
        Architecture.Ppc64le => Of("linux", "ppc64le"),
        Architecture.RiscV64 => Of("linux", "riscv64"),
        Architecture.LoongArch64 => Of("linux", "loong64"),
        var other => Of("linux", other.ToString().ToLowerInvariant()),
    };

    /// <summary>A platform.</summary>
    /// <param name="os">The operating system (<c>linux</c>, <c>windows</c>).</param>
    /// <param name="architecture">The CPU architecture (<c>amd64</c>, <c>arm64</c>).</param>
    /// <param name="variant">The CPU variant (<c>v7</c>), if any.</param>
    public static Platform Of(string os, string architecture, string? variant = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(os);
        ArgumentException.ThrowIfNullOrEmpty(architecture);
        return new Platform { Os = os, Architecture = architecture, Variant = variant };
    }

    /// <summary>Parses <c>os/architecture[/variant]</c>, as <c>docker --platform</c> takes it.</summary>
    /// <param name="text">E.g. <c>linux/arm64</c> or <c>linux/arm/v7</c>.</param>
    /// <exception cref="FormatException">It is not <c>os/architecture[/variant]</c>.</exception>
    public static Platform Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('/');
        return parts.Length is 2 or 3 && parts.All(p => p.Length > 0)
            ? Of(parts[0].ToLowerInvariant(), parts[1].ToLowerInvariant(), parts.Length == 3 ? parts[2].ToLowerInvariant() : null)
            : throw new FormatException($"The platform '{text}' is not os/architecture[/variant], e.g. linux/amd64 or linux/arm/v7.");
    }

    /// <summary><c>os/architecture[/variant]</c>.</summary>
    /// <param name="platform">The platform.</param>
    public static string Format(Platform platform)
    {
        ArgumentNullException.ThrowIfNull(platform);
        return platform.Variant is { Length: > 0 } variant ? $"{platform.Os}/{platform.Architecture}/{variant}" : $"{platform.Os}/{platform.Architecture}";
    }

    /// <summary>
    /// True when an index entry's platform serves <paramref name="wanted"/>: same OS and architecture, and the variant
    /// asked for when one is asked (<c>arm64</c> without a variant is <c>v8</c>).
    /// </summary>
    /// <param name="entry">The entry's platform.</param>
    /// <param name="wanted">The platform asked for.</param>
    public static bool Matches(Platform? entry, Platform wanted)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        if (entry is null || !string.Equals(entry.Os, wanted.Os, StringComparison.OrdinalIgnoreCase) || !string.Equals(entry.Architecture, wanted.Architecture, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (string.IsNullOrEmpty(wanted.Variant))
        {
            return true;
        }

        var variant = string.IsNullOrEmpty(entry.Variant) && entry.Architecture == "arm64" ? "v8" : entry.Variant;
        return string.Equals(variant, wanted.Variant, StringComparison.OrdinalIgnoreCase);
    }
}
