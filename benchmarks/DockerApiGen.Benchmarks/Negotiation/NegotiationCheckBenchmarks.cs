using System.Reflection;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using DockerApiGen.Benchmarks.Configuration;
using DockerApiGen.Engine.V1_41;
using DockerApiGen.Engine.V1_41.Models;
using DockerApiGen.Runtime;
using DockerApiGen.Runtime.Versions;

namespace DockerApiGen.Benchmarks.Negotiation;

/// <summary>
/// What negotiation costs per call (issue 14), over in-memory daemons (<see cref="VersionedDaemonHandler"/>): the
/// v1.41 client pinned (the baseline), negotiating with a 1.41 daemon (its own version: nothing to check), and with
/// a 1.40 daemon (every request checked: the operation, the options, and the container create body walked with its
/// generated shape), once with a body that 1.40 has everything of and once with a 1.41 property dropped. The
/// versions were agreed in setup, as after a connection's first call. <c>Walk</c> is the body check alone.
/// </summary>
[Config(typeof(ReplayCallConfig))]
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class NegotiationCheckBenchmarks
{
    private const string CreateCategory = "ContainerCreate";
    private const string ListCategory = "ContainerList";
    private const string WalkCategory = "Walk";

    private DockerClient _pinned = null!;
    private DockerClient _sameVersion = null!;
    private DockerClient _older = null!;
    private DockerClient _olderDropping = null!;
    private ContainerCreateRequest _body = null!;
    private ContainerCreateRequest _bodyWithNewer = null!;
    private byte[] _bodyJson = null!;
    private JsonShape _shape = null!;

    [GlobalSetup]
    public void Setup()
    {
        _pinned = Client("1.41", negotiate: false, drop: false);
        _sameVersion = Client("1.41", negotiate: true, drop: false);
        _older = Client("1.40", negotiate: true, drop: false);
        _olderDropping = Client("1.40", negotiate: true, drop: true);
        foreach (var client in new[] { _sameVersion, _older, _olderDropping })
        {
            client.Connection.NegotiateAsync().GetAwaiter().GetResult();
        }

        _body = Body();
        _bodyWithNewer = Body();
        _bodyWithNewer.HostConfig!.CgroupnsMode = HostConfigCgroupnsMode.Private; // API 1.41
        _bodyJson = JsonSerializer.SerializeToUtf8Bytes(_body, EngineJsonContext.Default.ContainerCreateRequest);
        // The generated shapes are internal to the package; the benchmark reads the field once.
        _shape = (JsonShape)typeof(DockerClient).Assembly.GetType("DockerApiGen.Engine.V1_41.JsonBodyShapes", throwOnError: true)!
            .GetField("ContainerCreateRequest", BindingFlags.Static | BindingFlags.NonPublic)!.GetValue(null)!;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _pinned.Dispose();
        _sameVersion.Dispose();
        _older.Dispose();
        _olderDropping.Dispose();
    }

    [Benchmark(Baseline = true), BenchmarkCategory(CreateCategory)]
    public Task<ContainerCreateResponse> Create_Pinned() => _pinned.Containers.CreateAsync(_body);

    [Benchmark, BenchmarkCategory(CreateCategory)]
    public Task<ContainerCreateResponse> Create_NegotiatedOwnVersion() => _sameVersion.Containers.CreateAsync(_body);

    [Benchmark, BenchmarkCategory(CreateCategory)]
    public Task<ContainerCreateResponse> Create_NegotiatedOlder_Checked() => _older.Containers.CreateAsync(_body);

    [Benchmark, BenchmarkCategory(CreateCategory)]
    public Task<ContainerCreateResponse> Create_NegotiatedOlder_OneDropped() => _olderDropping.Containers.CreateAsync(_bodyWithNewer);

    [Benchmark(Baseline = true), BenchmarkCategory(ListCategory)]
    public Task<IList<ContainerSummary>> List_Pinned() => _pinned.Containers.ListAsync(new ContainerListOptions { All = true });

    [Benchmark, BenchmarkCategory(ListCategory)]
    public Task<IList<ContainerSummary>> List_NegotiatedOlder_Checked() => _older.Containers.ListAsync(new ContainerListOptions { All = true });

    [Benchmark, BenchmarkCategory(WalkCategory)]
    public IReadOnlyList<JsonShapeMatch> Walk_CreateBody_For140() => JsonShapeWalker.FindNewer(_bodyJson, _shape, new DockerApiVersion(1, 40));

    private static DockerClient Client(string daemonVersion, bool negotiate, bool drop)
        => new(new DockerClientOptions
        {
            // Never dialled: every request ends in the in-memory daemon.
            Endpoint = "unix:///nonexistent.sock",
            NegotiateApiVersion = negotiate,
            DropUnsupportedValues = drop,
            ConfigureHandler = unused =>
            {
                unused.Dispose();
                return new VersionedDaemonHandler(daemonVersion);
            },
        });

    // A typical create: a command, environment, labels, two mounts, a port binding, limits, one network.
    private static ContainerCreateRequest Body() => new()
    {
        Image = "registry.example.com/team/web:1.2.3",
        Cmd = ["/bin/server", "--port", "8080", "--log-level", "info"],
        Env = ["MODE=production", "REGION=eu-west-1", "WORKERS=8"],
        Labels = new Dictionary<string, string> { ["com.example.team"] = "web", ["com.example.version"] = "1.2.3" },
        ExposedPorts = new HashSet<string> { "8080/tcp" },
        WorkingDir = "/srv",
        StopTimeout = 10,
        Healthcheck = new HealthConfig { Test = ["CMD", "/bin/health"], Interval = 10_000_000_000, Retries = 3 },
        HostConfig = new HostConfig
        {
            Memory = 512 * 1024 * 1024,
            NanoCpus = 1_500_000_000,
            RestartPolicy = new RestartPolicy { Name = RestartPolicyName.UnlessStopped },
            PortBindings = new Dictionary<string, IList<PortBinding>?> { ["8080/tcp"] = [new PortBinding { HostIp = "127.0.0.1", HostPort = "18080" }] },
            Mounts =
            [
                new Mount { Type = MountType.Volume, Source = "web-data", Target = "/srv/data", VolumeOptions = new MountVolumeOptions { NoCopy = true } },
                new Mount { Type = MountType.Bind, Source = "/etc/web", Target = "/etc/web", ReadOnly = true, BindOptions = new MountBindOptions { Propagation = MountBindOptionsPropagation.Rprivate } },
            ],
            Init = true,
            LogConfig = new HostConfigLogConfig { Type = HostConfigLogConfigType.JsonFile, Config = new Dictionary<string, string> { ["max-size"] = "10m" } },
        },
        NetworkingConfig = new NetworkingConfig { EndpointsConfig = new Dictionary<string, EndpointSettings> { ["backend"] = new EndpointSettings { Aliases = ["web"] } } },
    };
}
