using System.Text;
using DockerApiGen.Runtime.Errors;
using DockerApiGen.Runtime.Query;
using DockerApiGen.Runtime.Streams;

namespace DockerApiGen.Integration;

/// <summary>Images: import, inspect, history, tag, push and pull with credentials, save and load, remove, prune; builds.</summary>
public sealed class ImageScenarios
{
    [Fact]
    public async Task An_imported_image_is_inspected_tagged_pushed_pulled_saved_loaded_and_removed()
    {
        using var docker = Daemon.Client();
        var repository = Daemon.Name("img");
        var progress = new List<CreateImageInfo>();
        await docker.Images.CreateAsync(Daemon.BusyboxRootFs(), new ImageCreateOptions { FromSrc = "-", Repo = repository, Tag = "v1", Message = "imported by the integration suite", Changes = ["LABEL " + Daemon.LabelFilter] }, Daemon.Token)
            .WaitForCompletionAsync(new SyncProgress<CreateImageInfo>(progress.Add), Daemon.Token);
        Assert.Contains(progress, p => p.Status?.StartsWith("sha256:", StringComparison.Ordinal) == true);

        var image = await docker.Images.InspectAsync(repository + ":v1", Daemon.Token);
        Assert.Contains(repository + ":v1", image.RepoTags ?? []);
        Assert.Equal(Daemon.RunId, image.Config?.Labels?[Daemon.RunLabel]);
        var history = await docker.Images.HistoryAsync(repository + ":v1", Daemon.Token);
        Assert.Equal("imported by the integration suite", history[0].Comment);

        var remote = $"{Daemon.Registry}/{repository}";
        await docker.Images.TagAsync(repository + ":v1", new ImageTagOptions { Repo = remote, Tag = "v1" }, Daemon.Token);
        var pushed = await docker.Images.PushAsync(remote, Daemon.Credentials, new ImagePushOptions { Tag = "v1" }, Daemon.Token).WaitForCompletionAsync(cancellationToken: Daemon.Token);
        Assert.NotNull(pushed);

        var refused = await Assert.ThrowsAsync<DockerProgressException>(async () =>
            await docker.Images.PushAsync(remote, Daemon.Credentials with { Password = "wrong" }, new ImagePushOptions { Tag = "v1" }, Daemon.Token).WaitForCompletionAsync(cancellationToken: Daemon.Token));
        Assert.Contains("unauthorized", refused.DaemonMessage, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("wrong", refused.Message, StringComparison.Ordinal);

        var removed = await docker.Images.DeleteAsync(remote + ":v1", cancellationToken: Daemon.Token);
        Assert.Contains(removed, r => r.Untagged == remote + ":v1");
        await docker.Images.CreateAsync(options: new ImageCreateOptions { FromImage = remote, Tag = "v1", RegistryAuth = Daemon.Credentials }, cancellationToken: Daemon.Token).WaitForCompletionAsync(cancellationToken: Daemon.Token);
        Assert.Equal(image.Id, (await docker.Images.InspectAsync(remote + ":v1", Daemon.Token)).Id);

        using var saved = new MemoryStream();
        await using (var save = await docker.Images.SaveAsync(repository + ":v1", Daemon.Token))
        {
            await save.CopyToAsync(saved, Daemon.Token);
        }

        saved.Position = 0;
        Assert.Contains("manifest.json", (await Daemon.ReadTarAsync(saved)).Keys);
        await using (var saveAll = await docker.Images.SaveAllAsync(new ImageGetAllOptions { Names = [repository + ":v1", remote + ":v1"] }, Daemon.Token))
        {
            Assert.Contains("manifest.json", (await Daemon.ReadTarAsync(saveAll)).Keys);
        }

        await docker.Images.DeleteAsync(repository + ":v1", new ImageDeleteOptions { Force = true }, Daemon.Token);
        await docker.Images.DeleteAsync(remote + ":v1", new ImageDeleteOptions { Force = true }, Daemon.Token);
        await Assert.ThrowsAsync<DockerNotFoundException>(() => docker.Images.InspectAsync(repository + ":v1", Daemon.Token));

        saved.Position = 0;
        var loaded = await docker.Images.LoadAsync(saved, new ImageLoadOptions { Quiet = false }, Daemon.Token).WaitForCompletionAsync(cancellationToken: Daemon.Token);
        Assert.Contains(repository + ":v1", loaded?.Stream ?? string.Empty, StringComparison.Ordinal);
        Assert.Equal(image.Id, (await docker.Images.InspectAsync(repository + ":v1", Daemon.Token)).Id);

        var listed = await docker.Images.ListAsync(new ImageListOptions { Filters = new DockerFilters().Add("reference", repository) }, Daemon.Token);
        Assert.Equal(image.Id, listed.Single().Id);

        // The image is dangling once untagged; prune (limited to this run's label) removes it.
        await docker.Images.DeleteAsync(repository + ":v1", new ImageDeleteOptions { Force = true, NoPrune = true }, Daemon.Token);
        var pruned = await docker.Images.PruneAsync(new ImagePruneOptions { Filters = new DockerFilters().Add("label", Daemon.LabelFilter).Add("dangling", "false") }, Daemon.Token);
        Assert.NotNull(pruned);
    }

    [Fact]
    public async Task Commit_and_import_apply_every_change_they_are_given()
    {
        using var docker = Daemon.Client();
        var repository = Daemon.Name("changes");
        var id = await Daemon.CreateContainerAsync(docker, "true");
        try
        {
            // Each change is its own repeated `changes` parameter; one string could carry only one instruction.
            await docker.Images.CommitAsync(options: new ImageCommitOptions { Container = id, Repo = repository, Tag = "committed", Changes = ["ENV A=1", "LABEL b=2"] }, cancellationToken: Daemon.Token);
            var committed = await docker.Images.InspectAsync(repository + ":committed", Daemon.Token);
            Assert.Contains("A=1", committed.Config?.Env ?? []);
            Assert.Equal("2", committed.Config?.Labels?["b"]);

            await docker.Images.CreateAsync(Daemon.BusyboxRootFs(), new ImageCreateOptions { FromSrc = "-", Repo = repository, Tag = "imported", Changes = ["LABEL " + Daemon.LabelFilter, "ENV IMPORTED=yes"] }, Daemon.Token)
                .WaitForCompletionAsync(cancellationToken: Daemon.Token);
            var imported = await docker.Images.InspectAsync(repository + ":imported", Daemon.Token);
            Assert.Contains("IMPORTED=yes", imported.Config?.Env ?? []);
            Assert.Equal(Daemon.RunId, imported.Config?.Labels?[Daemon.RunLabel]);
        }
        finally
        {
            await Daemon.RemoveContainerAsync(docker, id);
            foreach (var tag in new[] { "committed", "imported" })
            {
                try
                {
                    await docker.Images.DeleteAsync($"{repository}:{tag}", new ImageDeleteOptions { Force = true }, CancellationToken.None);
                }
                catch (DockerNotFoundException)
                {
                    // Not made: the test failed before.
                }
            }
        }
    }

    [Fact]
    public async Task A_build_streams_progress_and_a_failing_build_surfaces_its_error()
    {
        using var docker = Daemon.Client();
        var tag = Daemon.Name("built") + ":latest";
        var dockerfile = $"FROM {Daemon.BusyboxImage}\nRUN echo built-by-test > /built.txt\nLABEL {Daemon.RunLabel}={Daemon.RunId}\n";
        var output = new StringBuilder();
        await foreach (var message in docker.Images.BuildAsync(Daemon.TarOf("Dockerfile", dockerfile), new ImageBuildOptions { Tag = tag, NetworkMode = "none", RemoveIntermediateContainers = true, Labels = Daemon.Labels, BuildArgs = new Dictionary<string, string> { ["UNUSED"] = "x" } }, Daemon.Token))
        {
            output.Append(message.Stream);
        }

        Assert.Contains("Successfully tagged " + tag, output.ToString(), StringComparison.Ordinal);
        var id = await Daemon.CreateContainerAsync(docker, "cat /built.txt", c => c.Image = tag);
        try
        {
            await docker.Containers.StartAsync(id, cancellationToken: Daemon.Token);
            await docker.Containers.WaitAsync(id, cancellationToken: Daemon.Token);
            await using var logs = await docker.Containers.LogsAsync(id, new ContainerLogsOptions { Stdout = true }, Daemon.Token);
            Assert.Equal("built-by-test\n", (await logs.ReadToEndAsync(Daemon.Token)).StandardOutput);
        }
        finally
        {
            await Daemon.RemoveContainerAsync(docker, id);
            await docker.Images.DeleteAsync(tag, new ImageDeleteOptions { Force = true }, Daemon.Token);
        }

        var failing = $"FROM {Daemon.BusyboxImage}\nRUN exit 42\n";
        var error = await Assert.ThrowsAsync<DockerProgressException>(async () =>
            await docker.Images.BuildAsync(Daemon.TarOf("Dockerfile", failing), new ImageBuildOptions { NetworkMode = "none", RemoveIntermediateContainers = true, ForceRemoveIntermediateContainers = true }, Daemon.Token).WaitForCompletionAsync(cancellationToken: Daemon.Token));
        Assert.Contains("42", error.DaemonMessage, StringComparison.Ordinal);
        Assert.Equal("ImageBuild", error.OperationId);
        Assert.NotNull(await docker.Images.PruneBuildCacheAsync(cancellationToken: Daemon.Token));
    }

    [Fact]
    public async Task Distribution_inspect_reads_the_manifest_from_the_private_registry_with_credentials()
    {
        using var docker = Daemon.Client();
        var remote = $"{Daemon.Registry}/dockerapigen/busybox";
        var tag = Daemon.RunId + "-dist";
        await docker.Images.TagAsync(Daemon.BusyboxImage, new ImageTagOptions { Repo = remote, Tag = tag }, Daemon.Token);
        var pushed = new List<PushImageInfo>();
        await docker.Images.PushAsync(remote, Daemon.Credentials, new ImagePushOptions { Tag = tag }, Daemon.Token).WaitForCompletionAsync(new SyncProgress<PushImageInfo>(pushed.Add), Daemon.Token);
        try
        {
            // X-Registry-Auth is declared by our patch (distribution-inspect-registry-auth): no spec has it.
            var inspected = await docker.Distribution.InspectAsync($"{remote}:{tag}", new DistributionInspectOptions { RegistryAuth = Daemon.Credentials }, Daemon.Token);
            Assert.StartsWith("sha256:", inspected.Descriptor.Digest, StringComparison.Ordinal);
            Assert.Contains("manifest", inspected.Descriptor.MediaType, StringComparison.Ordinal);
            // The push reported the same digest ("v1: digest: sha256:… size: …").
            Assert.Contains(pushed, p => p.Status?.Contains(inspected.Descriptor.Digest!, StringComparison.Ordinal) == true);

            // Without credentials the test registry refuses, and the daemon's answer comes back typed.
            var refused = await Assert.ThrowsAnyAsync<DockerApiException>(() => docker.Distribution.InspectAsync($"{remote}:{tag}", cancellationToken: Daemon.Token));
            Assert.Contains("no basic auth credentials", refused.DaemonMessage, StringComparison.Ordinal);
        }
        finally
        {
            await docker.Images.DeleteAsync($"{remote}:{tag}", cancellationToken: CancellationToken.None);
        }
    }

    /// <summary>An IProgress that reports on the caller's thread (Progress&lt;T&gt; posts to the thread pool).</summary>
    private sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
