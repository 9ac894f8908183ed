using System.Text;
using DockerApiGen.Runtime.Errors;
using DockerApiGen.Runtime.Query;
using DockerApiGen.Runtime.Streams;

namespace DockerApiGen.Integration;

/// <summary>Containers: the whole lifecycle, output, attach, exec, archives, stats, prune.</summary>
public sealed class ContainerScenarios
{
    [Fact]
    public async Task Create_start_wait_logs_keep_stdout_and_stderr_apart_and_report_the_exit_code()
    {
        using var docker = Daemon.Client();
        var id = await Daemon.CreateContainerAsync(docker, "echo out-line; echo err-line >&2; exit 3", c => c.HostConfig!.Memory = 64 * 1024 * 1024);
        try
        {
            var inspect = await docker.Containers.InspectAsync(id, cancellationToken: Daemon.Token);
            Assert.Equal(64 * 1024 * 1024, inspect.HostConfig?.Memory);
            Assert.Equal(ContainerStateStatus.Created, inspect.State?.Status);

            await docker.Containers.StartAsync(id, cancellationToken: Daemon.Token);
            var exit = await docker.Containers.WaitAsync(id, cancellationToken: Daemon.Token);
            Assert.Equal(3, exit.StatusCode);

            await using var logs = await docker.Containers.LogsAsync(id, new ContainerLogsOptions { Stdout = true, Stderr = true }, Daemon.Token);
            var (stdout, stderr) = await logs.ReadToEndAsync(Daemon.Token);
            Assert.True(logs.IsMultiplexed);
            Assert.Equal("out-line\n", stdout);
            Assert.Equal("err-line\n", stderr);

            var listed = await docker.Containers.ListAsync(new ContainerListOptions { All = true, Filters = new DockerFilters().Add("id", id) }, Daemon.Token);
            Assert.Equal("exited", ContainerSummaryState(listed.Single()));
        }
        finally
        {
            await Daemon.RemoveContainerAsync(docker, id);
        }

        await Assert.ThrowsAsync<DockerNotFoundException>(() => docker.Containers.InspectAsync(id, cancellationToken: Daemon.Token));
    }

    [Fact]
    public async Task Tty_logs_are_a_raw_stream_read_line_by_line()
    {
        using var docker = Daemon.Client();
        var id = await Daemon.CreateContainerAsync(docker, "echo one; echo two", c => c.Tty = true);
        try
        {
            await docker.Containers.StartAsync(id, cancellationToken: Daemon.Token);
            await docker.Containers.WaitAsync(id, cancellationToken: Daemon.Token);
            await using var logs = await docker.Containers.LogsAsync(id, new ContainerLogsOptions { Stdout = true }, Daemon.Token);
            var lines = new List<OutputLine>();
            await foreach (var line in logs.ReadLinesAsync(Daemon.Token))
            {
                lines.Add(line);
            }

            Assert.False(logs.IsMultiplexed);
            Assert.Equal(["one", "two"], lines.Select(l => l.Text).ToArray());
        }
        finally
        {
            await Daemon.RemoveContainerAsync(docker, id);
        }
    }

    [Fact]
    public async Task Attach_round_trips_stdin_through_a_hijacked_connection()
    {
        using var docker = Daemon.Client();
        var id = await Daemon.CreateContainerAsync(docker, "cat; echo done >&2", c =>
        {
            c.OpenStdin = true;
            c.StdinOnce = true;
            c.AttachStdin = true;
            c.AttachStdout = true;
            c.AttachStderr = true;
        });
        try
        {
            await using var session = await docker.Containers.AttachAsync(id, new ContainerAttachOptions { Stream = true, Stdin = true, Stdout = true, Stderr = true }, Daemon.Token);
            await docker.Containers.StartAsync(id, cancellationToken: Daemon.Token);
            await session.WriteAsync(Encoding.UTF8.GetBytes("hello through stdin\n"), Daemon.Token);
            await session.CloseStdinAsync(Daemon.Token);
            var (stdout, stderr) = await session.ReadToEndAsync(Daemon.Token).WaitAsync(TimeSpan.FromSeconds(30), Daemon.Token);
            Assert.Equal("hello through stdin\n", stdout);
            Assert.Equal("done\n", stderr);
            Assert.Equal(0, (await docker.Containers.WaitAsync(id, cancellationToken: Daemon.Token)).StatusCode);
        }
        finally
        {
            await Daemon.RemoveContainerAsync(docker, id);
        }
    }

    [Fact]
    public async Task Exec_runs_a_command_with_stdin_and_stdout_and_reports_its_exit_code()
    {
        using var docker = Daemon.Client();
        var id = await Daemon.CreateContainerAsync(docker, "sleep 300");
        try
        {
            await docker.Containers.StartAsync(id, cancellationToken: Daemon.Token);
            var exec = await docker.Exec.CreateAsync(id, new ExecConfig { AttachStdin = true, AttachStdout = true, AttachStderr = true, Cmd = ["sh", "-c", "tr a-z A-Z; exit 7"] }, Daemon.Token);
            await using (var session = await docker.Exec.StartAsync(exec.Id, new ExecStartConfig { Detach = false, Tty = false }, Daemon.Token))
            {
                await session.WriteAsync("shout\n"u8.ToArray(), Daemon.Token);
                await session.CloseStdinAsync(Daemon.Token);
                var (stdout, _) = await session.ReadToEndAsync(Daemon.Token).WaitAsync(TimeSpan.FromSeconds(30), Daemon.Token);
                Assert.Equal("SHOUT\n", stdout);
            }

            await Daemon.EventuallyAsync(async () => (await docker.Exec.InspectAsync(exec.Id, Daemon.Token)).Running == false, "the exec to finish");
            Assert.Equal(7, (await docker.Exec.InspectAsync(exec.Id, Daemon.Token)).ExitCode);

            var top = await docker.Containers.TopAsync(id, cancellationToken: Daemon.Token);
            Assert.Contains(top.Processes!, process => process!.Any(column => column.Contains("sleep 300", StringComparison.Ordinal)));
        }
        finally
        {
            await Daemon.RemoveContainerAsync(docker, id);
        }
    }

    [Fact]
    public async Task A_detached_exec_returns_at_once_and_runs_its_command()
    {
        using var docker = Daemon.Client();
        var id = await Daemon.CreateContainerAsync(docker, "sleep 300");
        try
        {
            await docker.Containers.StartAsync(id, cancellationToken: Daemon.Token);
            var exec = await docker.Exec.CreateAsync(id, new ExecConfig { Cmd = ["touch", "/tmp/touched-by-detached-exec"] }, Daemon.Token);

            // The daemon answers 200 with an empty body and no upgrade; the call must not wait for a session.
            await using (var session = await docker.Exec.StartAsync(exec.Id, new ExecStartConfig { Detach = true }, Daemon.Token).WaitAsync(TimeSpan.FromSeconds(30), Daemon.Token))
            {
                Assert.True(session.IsDetached);
                Assert.Equal(("", ""), await session.ReadToEndAsync(Daemon.Token).WaitAsync(TimeSpan.FromSeconds(5), Daemon.Token));
                await Assert.ThrowsAsync<InvalidOperationException>(() => session.WriteAsync("x"u8.ToArray(), Daemon.Token).AsTask());
            }

            await Daemon.EventuallyAsync(async () => (await docker.Exec.InspectAsync(exec.Id, Daemon.Token)).Running == false, "the detached exec to finish");
            Assert.Equal(0, (await docker.Exec.InspectAsync(exec.Id, Daemon.Token)).ExitCode);
            var touched = await docker.Containers.GetArchiveInfoAsync(id, "/tmp/touched-by-detached-exec", Daemon.Token);
            Assert.Equal("touched-by-detached-exec", touched.Name);
        }
        finally
        {
            await Daemon.RemoveContainerAsync(docker, id);
        }
    }

    [Fact]
    public async Task An_exec_started_with_an_empty_config_sends_a_body_and_attaches()
    {
        using var docker = Daemon.Client();
        var id = await Daemon.CreateContainerAsync(docker, "sleep 300");
        try
        {
            await docker.Containers.StartAsync(id, cancellationToken: Daemon.Token);
            var exec = await docker.Exec.CreateAsync(id, new ExecConfig { AttachStdout = true, AttachStderr = true, Cmd = ["echo", "attached by default"] }, Daemon.Token);

            // The daemon answers 400 "EOF" to a start without a body; the config is required and {} is enough.
            await Assert.ThrowsAsync<ArgumentNullException>(() => docker.Exec.StartAsync(exec.Id, null!, Daemon.Token));
            await using var session = await docker.Exec.StartAsync(exec.Id, new ExecStartConfig(), Daemon.Token);
            Assert.False(session.IsDetached);
            var (stdout, _) = await session.ReadToEndAsync(Daemon.Token).WaitAsync(TimeSpan.FromSeconds(30), Daemon.Token);
            Assert.Equal("attached by default\n", stdout);
        }
        finally
        {
            await Daemon.RemoveContainerAsync(docker, id);
        }
    }

    [Fact]
    public async Task Stats_come_one_shot_and_streamed()
    {
        using var docker = Daemon.Client();
        var id = await Daemon.CreateContainerAsync(docker, "sleep 300");
        try
        {
            await docker.Containers.StartAsync(id, cancellationToken: Daemon.Token);
            var oneShot = new List<object>();
            await foreach (var stats in docker.Containers.GetStatsAsync(id, new ContainerStatsOptions { Stream = false }, Daemon.Token))
            {
                oneShot.Add(stats);
            }

            Assert.Single(oneShot);

            using var enough = CancellationTokenSource.CreateLinkedTokenSource(Daemon.Token);
            var streamed = 0;
            await foreach (var stats in docker.Containers.GetStatsAsync(id, new ContainerStatsOptions { Stream = true }, enough.Token))
            {
                Assert.Contains("read", stats.Keys);
                if (++streamed == 2)
                {
                    enough.Cancel(); // the enumeration then ends without an exception
                }
            }

            Assert.Equal(2, streamed);
        }
        finally
        {
            await Daemon.RemoveContainerAsync(docker, id);
        }
    }

    [Fact]
    public async Task Archives_put_head_get_export_and_changes_see_the_same_file()
    {
        using var docker = Daemon.Client();
        var id = await Daemon.CreateContainerAsync(docker, "sleep 300");
        try
        {
            await docker.Containers.StartAsync(id, cancellationToken: Daemon.Token);
            await docker.Containers.PutArchiveAsync(id, "/tmp", Daemon.TarOf("greeting.txt", "hello archive"), cancellationToken: Daemon.Token);

            var stat = await docker.Containers.GetArchiveInfoAsync(id, "/tmp/greeting.txt", Daemon.Token);
            Assert.Equal("greeting.txt", stat.Name);
            Assert.Equal(13, stat.Size);
            Assert.False(stat.IsDirectory);

            await using (var archive = await docker.Containers.GetArchiveAsync(id, "/tmp/greeting.txt", Daemon.Token))
            {
                Assert.Equal("hello archive", (await Daemon.ReadTarAsync(archive))["greeting.txt"]);
            }

            var changes = await docker.Containers.GetChangesAsync(id, Daemon.Token);
            Assert.Contains(changes, c => c.Path == "/tmp/greeting.txt" && c.Kind == ContainerChangeResponseItemKind.Added);

            await using (var export = await docker.Containers.ExportAsync(id, Daemon.Token))
            {
                var files = await Daemon.ReadTarAsync(export);
                Assert.Equal("hello archive", files["tmp/greeting.txt"]);
                Assert.Contains("bin/busybox", files.Keys);
            }

            var missing = await Assert.ThrowsAsync<DockerNotFoundException>(() => docker.Containers.GetArchiveInfoAsync(id, "/no/such/file", Daemon.Token));
            Assert.Equal("HEAD", missing.Method);
        }
        finally
        {
            await Daemon.RemoveContainerAsync(docker, id);
        }
    }

    [Fact]
    public async Task Rename_pause_unpause_update_kill_restart_stop_remove_and_prune_change_the_real_state()
    {
        using var docker = Daemon.Client();
        var id = await Daemon.CreateContainerAsync(docker, "trap 'exit 0' TERM; while true; do sleep 1; done");
        try
        {
            var newName = Daemon.Name("renamed");
            await docker.Containers.RenameAsync(id, newName, Daemon.Token);
            Assert.Equal("/" + newName, (await docker.Containers.InspectAsync(id, cancellationToken: Daemon.Token)).Name);

            await docker.Containers.StartAsync(id, cancellationToken: Daemon.Token);
            await Assert.ThrowsAsync<DockerNotModifiedException>(() => docker.Containers.StartAsync(id, cancellationToken: Daemon.Token));

            await docker.Containers.PauseAsync(id, Daemon.Token);
            Assert.Equal(ContainerStateStatus.Paused, (await docker.Containers.InspectAsync(id, cancellationToken: Daemon.Token)).State?.Status);
            await docker.Containers.UnpauseAsync(id, Daemon.Token);
            Assert.Equal(ContainerStateStatus.Running, (await docker.Containers.InspectAsync(id, cancellationToken: Daemon.Token)).State?.Status);

            var update = await docker.Containers.UpdateAsync(id, new ContainerUpdateRequest { RestartPolicy = new RestartPolicy { Name = RestartPolicyName.OnFailure, MaximumRetryCount = 2 } }, Daemon.Token);
            Assert.Empty(update.Warnings ?? []);
            Assert.Equal(RestartPolicyName.OnFailure, (await docker.Containers.InspectAsync(id, cancellationToken: Daemon.Token)).HostConfig?.RestartPolicy?.Name);

            await docker.Containers.RestartAsync(id, new ContainerRestartOptions { TimeoutSeconds = 5 }, Daemon.Token);
            Assert.True((await docker.Containers.InspectAsync(id, cancellationToken: Daemon.Token)).State?.Running);

            await docker.Containers.KillAsync(id, new ContainerKillOptions { Signal = "SIGKILL" }, Daemon.Token);
            Assert.Equal(137, (await docker.Containers.WaitAsync(id, cancellationToken: Daemon.Token)).StatusCode);

            await docker.Containers.StartAsync(id, cancellationToken: Daemon.Token);
            await docker.Containers.StopAsync(id, new ContainerStopOptions { TimeoutSeconds = 10 }, Daemon.Token);
            Assert.Equal(ContainerStateStatus.Exited, (await docker.Containers.InspectAsync(id, cancellationToken: Daemon.Token)).State?.Status);

            var other = await Daemon.CreateContainerAsync(docker, "true");
            try
            {
                var otherName = (await docker.Containers.InspectAsync(other, cancellationToken: Daemon.Token)).Name!.TrimStart('/');
                var conflict = await Assert.ThrowsAsync<DockerConflictException>(() => docker.Containers.RenameAsync(id, otherName, Daemon.Token));
                Assert.Contains(otherName, conflict.DaemonMessage, StringComparison.Ordinal);
            }
            finally
            {
                await Daemon.RemoveContainerAsync(docker, other);
            }

            var pruned = await docker.Containers.PruneAsync(new ContainerPruneOptions { Filters = new DockerFilters().Add("label", Daemon.LabelFilter) }, Daemon.Token);
            Assert.Contains(id, pruned.ContainersDeleted ?? []);
            await Assert.ThrowsAsync<DockerNotFoundException>(() => docker.Containers.InspectAsync(id, cancellationToken: Daemon.Token));
        }
        finally
        {
            await Daemon.RemoveContainerAsync(docker, id);
        }
    }

    private static string ContainerSummaryState(ContainerSummary summary) => summary.State ?? string.Empty;
}
