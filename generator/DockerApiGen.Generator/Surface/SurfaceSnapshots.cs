using System.Text;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using DockerApiGen.Generator.Specs;

namespace DockerApiGen.Generator.Surface;

/// <summary>Which snapshot a package's surface is kept in, and how messages name it.</summary>
/// <param name="Name">The file name's stem: the package name's last part (<c>V1_41</c>, <c>Hub</c>).</param>
/// <param name="Label">How messages name the package's version (<c>v1.41</c>, <c>Hub</c>).</param>
/// <param name="AcceptCommand">The command that accepts a changed surface (<c>dockerapigen accept-surface 1.41</c>).</param>
public sealed record SurfaceSnapshot(string Name, string Label, string AcceptCommand);

/// <summary>
/// The public-surface snapshots: <c>{Folder}/V1_41.verified.txt</c> is the accepted surface of a package.
/// A comparison that differs writes <c>V1_41.received.txt</c> beside it (git-ignored) and returns a readable
/// diff; <see cref="Accept"/> makes the received surface the verified one.
/// </summary>
/// <param name="Folder">The folder holding the snapshots.</param>
public sealed record SurfaceSnapshots(string Folder)
{
    /// <summary>The verified snapshot's path.</summary>
    /// <param name="name">The snapshot's name (<see cref="SurfaceSnapshot.Name"/>).</param>
    public string VerifiedPath(string name) => Path.Combine(Folder, $"{name}.verified.txt");

    /// <summary>The received snapshot's path.</summary>
    /// <param name="name">The snapshot's name.</param>
    public string ReceivedPath(string name) => Path.Combine(Folder, $"{name}.received.txt");

    /// <summary>Compares a surface with the verified one; on a difference, writes the received file.</summary>
    /// <param name="snapshot">The package's snapshot.</param>
    /// <param name="surface">The surface just read.</param>
    /// <returns>Null when equal; otherwise a diff (at most 200 changed lines) and what to do.</returns>
    public string? Compare(SurfaceSnapshot snapshot, string surface)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(surface);
        var verifiedPath = VerifiedPath(snapshot.Name);
        var verified = File.Exists(verifiedPath) ? File.ReadAllText(verifiedPath).ReplaceLineEndings("\n") : null;
        var receivedPath = ReceivedPath(snapshot.Name);
        if (verified == surface)
        {
            File.Delete(receivedPath);
            return null;
        }

        AtomicFile.WriteAllText(receivedPath, surface);
        var report = new StringBuilder();
        report.Append(verified is null
            ? $"No verified surface for {snapshot.Label} at {verifiedPath}."
            : $"The public surface of {snapshot.Label} changed ({verifiedPath}):");
        report.Append('\n');
        if (verified is not null)
        {
            report.Append(Diff(verified, surface, 200));
        }

        report.Append($"If the change is intended, accept it: `{snapshot.AcceptCommand}` (with no version: every received surface).\n");
        return report.ToString();
    }

    /// <summary>Makes a received surface the verified one.</summary>
    /// <param name="name">The snapshot's name.</param>
    /// <returns>Whether there was a received surface to accept.</returns>
    public bool Accept(string name)
    {
        var received = ReceivedPath(name);
        if (!File.Exists(received))
        {
            return false;
        }

        AtomicFile.WriteAllText(VerifiedPath(name), File.ReadAllText(received));
        File.Delete(received);
        return true;
    }

    /// <summary>Writes a surface as verified directly (used by add-version, which creates the first snapshot).</summary>
    /// <param name="name">The snapshot's name.</param>
    /// <param name="surface">The surface.</param>
    public void WriteVerified(string name, string surface) => AtomicFile.WriteAllText(VerifiedPath(name), surface);

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
