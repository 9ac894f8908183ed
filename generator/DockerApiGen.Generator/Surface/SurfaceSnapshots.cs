using System.Text;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using DockerApiGen.Generator.Specs;

namespace DockerApiGen.Generator.Surface;

/// <summary>
/// The public-surface snapshots: <c>{Folder}/V1_41.verified.txt</c> is the accepted surface of a version.
/// A comparison that differs writes <c>V1_41.received.txt</c> beside it (git-ignored) and returns a readable
/// diff; <see cref="Accept"/> makes the received surface the verified one.
/// </summary>
/// <param name="Folder">The folder holding the snapshots.</param>
public sealed record SurfaceSnapshots(string Folder)
{
    /// <summary>The verified snapshot's path for a version.</summary>
    /// <param name="version">The version.</param>
    public string VerifiedPath(ApiVersion version) => Path.Combine(Folder, $"{version.Identifier}.verified.txt");

    /// <summary>The received snapshot's path for a version.</summary>
    /// <param name="version">The version.</param>
    public string ReceivedPath(ApiVersion version) => Path.Combine(Folder, $"{version.Identifier}.received.txt");

    /// <summary>Compares a surface with the verified one; on a difference, writes the received file.</summary>
    /// <param name="version">The version.</param>
    /// <param name="surface">The surface just read.</param>
    /// <returns>Null when equal; otherwise a diff (at most 200 changed lines) and what to do.</returns>
    public string? Compare(ApiVersion version, string surface)
    {
        ArgumentNullException.ThrowIfNull(surface);
        var verifiedPath = VerifiedPath(version);
        var verified = File.Exists(verifiedPath) ? File.ReadAllText(verifiedPath).ReplaceLineEndings("\n") : null;
        var receivedPath = ReceivedPath(version);
        if (verified == surface)
        {
            File.Delete(receivedPath);
            return null;
        }

        AtomicFile.WriteAllText(receivedPath, surface);
        var report = new StringBuilder();
        report.Append(verified is null
            ? $"No verified surface for v{version} at {verifiedPath}."
            : $"The public surface of v{version} changed ({verifiedPath}):");
        report.Append('\n');
        if (verified is not null)
        {
            report.Append(Diff(verified, surface, 200));
        }

        report.Append($"If the change is intended, accept it: `dockerapigen accept-surface {version}` (with no version: every received surface).\n");
        return report.ToString();
    }

    /// <summary>Makes the received surface of a version the verified one.</summary>
    /// <param name="version">The version.</param>
    /// <returns>Whether there was a received surface to accept.</returns>
    public bool Accept(ApiVersion version)
    {
        var received = ReceivedPath(version);
        if (!File.Exists(received))
        {
            return false;
        }

        AtomicFile.WriteAllText(VerifiedPath(version), File.ReadAllText(received));
        File.Delete(received);
        return true;
    }

    /// <summary>Writes a surface as verified directly (used by add-version, which creates the first snapshot).</summary>
    /// <param name="version">The version.</param>
    /// <param name="surface">The surface.</param>
    public void WriteVerified(ApiVersion version, string surface) => AtomicFile.WriteAllText(VerifiedPath(version), surface);

    /// <summary>A line diff: <c>- old</c> / <c>+ new</c> for changed lines only.</summary>
    /// <param name="before">The old text.</param>
    /// <param name="after">The new text.</param>
    /// <param name="maxLines">The most changed lines to show.</param>
    public static string Diff(string before, string after, int maxLines)
    {
        var model = InlineDiffBuilder.Diff(before, after, ignoreWhiteSpace: false);
        var changed = model.Lines.Where(l => l.Type is ChangeType.Deleted or ChangeType.Inserted).ToList();
        var text = new StringBuilder();
        foreach (var line in changed.Take(maxLines))
        {
            text.Append(line.Type == ChangeType.Deleted ? "- " : "+ ").Append(line.Text).Append('\n');
        }

        if (changed.Count > maxLines)
        {
            text.Append($"… and {changed.Count - maxLines} more changed lines.\n");
        }

        return text.ToString();
    }
}
