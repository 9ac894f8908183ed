using DockerApiGen.Generator.Diffing;
using DockerApiGen.Generator.Pipeline;
using DockerApiGen.Generator.Tests.Support;

namespace DockerApiGen.Generator.Tests.Hub;

/// <summary>`diff 2024-08 2025-03 --family hub`: what Docker changed between the two published states, with the Engine's rules and levels.</summary>
[Collection("Hub")]
public sealed class HubDiffTests(HubFixture fixture)
{
    private async Task<IReadOnlyList<ApiChange>> Changes()
    {
        var outputs = await fixture.OutputsAsync();
        return SpecDiffer.Diff(outputs[0].Model, outputs[1].Model);
    }

    [Theory]
    [InlineData("operation-added", "OrgListMembers", ChangeLevel.NonBreaking)]
    [InlineData("operation-added", "AuthCreateAccessToken", ChangeLevel.NonBreaking)]
    [InlineData("operation-added", "GroupAddMember", ChangeLevel.NonBreaking)]
    [InlineData("operation-id-changed", "AuditLogs_ListAuditLogs", ChangeLevel.PossiblyBreaking)]
    [InlineData("operation-id-changed", "AuditLogs_ListAuditActions", ChangeLevel.PossiblyBreaking)]
    [InlineData("operation-deprecated", "PostUsersLogin", ChangeLevel.NonBreaking)]
    [InlineData("security-added", "AccessTokenCreate/security", ChangeLevel.Breaking)]
    [InlineData("security-added", "RepositoryListTags/security", ChangeLevel.Breaking)]
    [InlineData("schema-removed", "ErrorInfo", ChangeLevel.Breaking)]
    [InlineData("schema-added", "DetailedError", ChangeLevel.NonBreaking)]
    public async Task A_known_change_between_the_snapshots_is_found_with_its_level(string rule, string target, ChangeLevel level)
    {
        var change = Assert.Single(await Changes(), c => c.RuleId == rule && c.Target == target);
        Assert.Equal(level, change.Level);
    }

    [Fact]
    public async Task The_scim_operations_kept_their_security_and_each_snapshot_equals_itself()
    {
        var changes = await Changes();
        Assert.DoesNotContain(changes, c => c.RuleId.StartsWith("security-", StringComparison.Ordinal) && c.Operation!.StartsWith("Scim", StringComparison.Ordinal));
        Assert.DoesNotContain(changes, c => c.RuleId == "operation-removed");
        foreach (var output in await fixture.OutputsAsync())
        {
            Assert.Empty(SpecDiffer.Diff(output.Model, output.Model));
        }
    }

    [Fact]
    public async Task The_diff_command_reads_snapshots_of_the_family_and_labels_them_by_date()
    {
        await fixture.OutputsAsync(); // both snapshots are pulled
        var runner = new DiffRunner(fixture.Inputs, TestRepository.HubSource);
        var report = Assert.Single(await runner.RunAsync("2024-08", "2025-03", steps: false, IgnoreFile.None, TestContext.Current.CancellationToken));
        Assert.Equal(SpecDiffer.Diff((await fixture.OutputsAsync())[0].Model, (await fixture.OutputsAsync())[1].Model).Count, report.Changes.Count);
        Assert.StartsWith("2024-08 → 2025-03: ", DiffFormatter.Text(report, colour: false), StringComparison.Ordinal);
        Assert.StartsWith("## Hub API 2024-08 → 2025-03", DiffFormatter.Markdown(report), StringComparison.Ordinal);

        var steps = await runner.RunAsync("2024-08", "2025-03", steps: true, IgnoreFile.None, TestContext.Current.CancellationToken);
        Assert.Equal(report.Changes.Count, Assert.Single(steps).Changes.Count);
    }
}
