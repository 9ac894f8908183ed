using System.Text;
using DockerApiGen.Runtime;
using DockerApiGen.Runtime.Errors;
using DockerApiGen.Runtime.Query;
using DockerApiGen.Runtime.Streams;
using DockerApiGen.Tests.Shared;
using Microsoft.Extensions.Logging;

namespace DockerApiGen.Integration;

/// <summary>
/// <c>DockerApiGen.Engine.V1_55</c>, negotiating, against the test daemon (API 1.41): the common lifecycle works at
/// the daemon's version, and calls and values that 1.41 lacks are refused before anything is sent (or dropped and
/// logged when asked).
/// </summary>
public sealed class NegotiatedLifecycleTests
{
    private static DockerClient Client(bool drop = false, ILogger? logger = null)
        => new(new DockerClientOptions { Endpoint = "unix://" + TestDaemon.SocketOrSkip(), NegotiateApiVersion = true, DropUnsupportedValues = drop, Logger = logger });

    [Fact]
    public async Task The_client_speaks_the_daemons_version_asked_once()
    {
        using var docker = Client();
        var negotiated = await docker.Connection.NegotiateAsync(Daemon.Token);

        Assert.Equal("1.55", DockerClient.ApiVersion);
        Assert.Equal("1.41", negotiated.Version.ToString());
        Assert.False(negotiated.IsClientVersion);
        Assert.Equal("1.41", await docker.Connection.GetApiVersionAsync(Daemon.Token));
        Assert.Same(negotiated, await docker.Connection.NegotiateAsync(Daemon.Token));
        // The daemon answers /v1.41/ (it would refuse /v1.55/ with "client version 1.55 is too new").
        Assert.Equal("1.41", (await docker.System.GetVersionAsync(Daemon.Token)).ApiVersion);
    }

    [Fact]
    public async Task Create_start_logs_exec_wait_and_remove_work_at_the_daemons_version()
    {
        using var docker = Client();
        var id = await Daemon.CreateContainerAsync(docker, "echo out-line; echo err-line >&2; sleep 300");
        try
        {
            Assert.Equal(ContainerStateStatus.Created, (await docker.Containers.InspectAsync(id, cancellationToken: Daemon.Token)).State?.Status);
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

            await using (var logs = await docker.Containers.LogsAsync(id, new ContainerLogsOptions { Stdout = true, Stderr = true }, Daemon.Token))
            {
                Assert.Equal(("out-line\n", "err-line\n"), await logs.ReadToEndAsync(Daemon.Token));
            }

            await docker.Containers.KillAsync(id, cancellationToken: Daemon.Token);
            var exit = await docker.Containers.WaitAsync(id, cancellationToken: Daemon.Token);
            Assert.Equal(137, exit.StatusCode);
        }
        finally
        {
            await Daemon.RemoveContainerAsync(docker, id);
        }

        await Assert.ThrowsAsync<DockerNotFoundException>(() => docker.Containers.InspectAsync(id, cancellationToken: Daemon.Token));
    }

    [Fact]
    public async Task Push_and_pull_with_the_test_registry_work_at_the_daemons_version()
    {
        using var docker = Client();
        var repository = Daemon.Name("neg");
        await docker.Images.CreateAsync(Daemon.BusyboxRootFs(), new ImageCreateOptions { FromSrc = "-", Repo = repository, Tag = "v1", Changes = ["LABEL " + Daemon.LabelFilter] }, Daemon.Token)
            .WaitForCompletionAsync(cancellationToken: Daemon.Token);
        var remote = $"{Daemon.Registry}/{repository}";
        try
        {
            var image = await docker.Images.InspectAsync(repository + ":v1", cancellationToken: Daemon.Token);
            await docker.Images.TagAsync(repository + ":v1", new ImageTagOptions { Repo = remote, Tag = "v1" }, Daemon.Token);
            Assert.NotNull(await docker.Images.PushAsync(remote, Daemon.Credentials, new ImagePushOptions { Tag = "v1" }, Daemon.Token).WaitForCompletionAsync(cancellationToken: Daemon.Token));
            await docker.Images.DeleteAsync(remote + ":v1", cancellationToken: Daemon.Token);

            await docker.Images.CreateAsync(options: new ImageCreateOptions { FromImage = remote, Tag = "v1", RegistryAuth = Daemon.Credentials }, cancellationToken: Daemon.Token).WaitForCompletionAsync(cancellationToken: Daemon.Token);
            Assert.Equal(image.Id, (await docker.Images.InspectAsync(remote + ":v1", cancellationToken: Daemon.Token)).Id);
        }
        finally
        {
            foreach (var name in new[] { remote + ":v1", repository + ":v1" })
            {
                try
                {
                    await docker.Images.DeleteAsync(name, new ImageDeleteOptions { Force = true }, CancellationToken.None);
                }
                catch (DockerNotFoundException)
                {
                    // Not created, or already removed.
                }
            }
        }
    }

    [Fact]
    public async Task A_call_that_needs_a_newer_version_is_refused_with_what_to_do_and_nothing_is_sent()
    {
        using var docker = Client();

        // Image attestations arrived in 1.55, volume updates (cluster volumes) in 1.42.
        var attestations = await Assert.ThrowsAsync<DockerUnsupportedFeatureException>(() => docker.Images.AttestationsAsync(Daemon.BusyboxImage, cancellationToken: Daemon.Token));
        var update = await Assert.ThrowsAsync<DockerUnsupportedFeatureException>(() => docker.Volumes.UpdateAsync("any", 1, new VolumeUpdateRequest(), Daemon.Token));

        Assert.StartsWith($"ImageAttestations (GET /images/{Uri.EscapeDataString(Daemon.BusyboxImage)}/attestations) was added in Docker Engine API 1.55, but the daemon at unix://", attestations.Message, StringComparison.Ordinal);
        Assert.Contains("speaks Docker Engine API 1.41 at most (engine 20.10", attestations.Message, StringComparison.Ordinal);
        Assert.EndsWith("DockerApiGen.Engine.V1_41 is the package that matches this daemon.", attestations.Message, StringComparison.Ordinal);
        Assert.Equal(("VolumeUpdate", "1.42", "1.41"), (update.OperationId, update.Features[0].Since, update.NegotiatedVersion));
    }

    [Fact]
    public async Task An_option_or_body_property_that_needs_a_newer_version_is_refused_or_dropped_and_logged()
    {
        using var docker = Client();
        var id = await Daemon.CreateContainerAsync(docker, "sleep 300");
        try
        {
            await docker.Containers.StartAsync(id, cancellationToken: Daemon.Token);
            // A stop signal is a 1.42 option; a health check's start interval a 1.44 body property.
            var signal = await Assert.ThrowsAsync<DockerUnsupportedFeatureException>(() => docker.Containers.StopAsync(id, new ContainerStopOptions { Signal = "SIGKILL", TimeoutSeconds = 1 }, Daemon.Token));
            Assert.Equal(["query parameter 'signal' (API 1.42)"], signal.Features.Select(f => f.ToString()));
            Assert.Equal(ContainerStateStatus.Running, (await docker.Containers.InspectAsync(id, cancellationToken: Daemon.Token)).State?.Status);
            var health = await Assert.ThrowsAsync<DockerUnsupportedFeatureException>(() => Daemon.CreateContainerAsync(docker, "true", c => c.Healthcheck = new HealthConfig { Test = ["CMD", "true"], StartInterval = 1_000_000_000 }));
            Assert.Equal(["body property 'Healthcheck.StartInterval' (API 1.44)"], health.Features.Select(f => f.ToString()));

            var logger = new ListLogger();
            using var dropping = Client(drop: true, logger);
            await dropping.Containers.StopAsync(id, new ContainerStopOptions { Signal = "SIGKILL", TimeoutSeconds = 1 }, Daemon.Token);
            Assert.NotEqual(ContainerStateStatus.Running, (await dropping.Containers.InspectAsync(id, cancellationToken: Daemon.Token)).State?.Status);
            var created = await Daemon.CreateContainerAsync(dropping, "true", c => c.Healthcheck = new HealthConfig { Test = ["CMD", "true"], StartInterval = 1_000_000_000, Interval = 2_000_000_000 });
            try
            {
                var inspected = await dropping.Containers.InspectAsync(created, cancellationToken: Daemon.Token);
                Assert.Equal(2_000_000_000, inspected.Config?.Healthcheck?.Interval);
            }
            finally
            {
                await Daemon.RemoveContainerAsync(dropping, created);
            }

            Assert.Equal(2, logger.Lines.Count);
            Assert.Contains("dropped the query parameter 'signal', added in API 1.42", logger.Lines[0], StringComparison.Ordinal);
            Assert.Contains("dropped the body property 'Healthcheck.StartInterval', added in API 1.44", logger.Lines[1], StringComparison.Ordinal);
        }
        finally
        {
            await Daemon.RemoveContainerAsync(docker, id);
        }
    }

    private sealed class ListLogger : ILogger
    {
        public List<string> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (Lines)
            {
                Lines.Add(formatter(state, exception));
            }
        }
    }
}
