using DockerApiGen.Generator.Specs;
using DockerApiGen.Generator.Surface;
using DockerApiGen.Generator.Tests.Support;

namespace DockerApiGen.Generator.Tests.Pipeline;

public sealed class SurfaceSnapshotsTests
{
    private static readonly SurfaceSnapshot V91 = new("V9_1", "v9.1", "dockerapigen accept-surface 9.1");

    [Fact]
    public void A_changed_surface_writes_received_and_shows_a_diff_until_accepted()
    {
        using var temp = new TempFolder();
        var snapshots = new SurfaceSnapshots(temp.Path);
        snapshots.WriteVerified(V91.Name, "A.X : int\nA.Y : string\n");

        Assert.Null(snapshots.Compare(V91, "A.X : int\nA.Y : string\n"));
        var report = snapshots.Compare(V91, "A.X : long\nA.Y : string\n");

        Assert.NotNull(report);
        Assert.Contains("- A.X : int\n+ A.X : long\n", report, StringComparison.Ordinal);
        Assert.Contains("accept-surface 9.1", report, StringComparison.Ordinal);
        Assert.True(File.Exists(snapshots.ReceivedPath(V91.Name)));
        Assert.True(snapshots.Accept(V91.Name));
        Assert.Null(snapshots.Compare(V91, "A.X : long\nA.Y : string\n"));
        Assert.False(File.Exists(snapshots.ReceivedPath(V91.Name)));
    }

    [Fact]
    public void A_missing_snapshot_is_a_failure_not_a_silent_pass()
    {
        using var temp = new TempFolder();
        var report = new SurfaceSnapshots(temp.Path).Compare(V91, "A.X : int\n");
        Assert.Contains("No verified surface", report, StringComparison.Ordinal);
    }
}
