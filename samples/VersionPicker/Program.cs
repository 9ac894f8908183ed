// An app that ships two Engine API versions and talks the newest one the daemon serves: v1.44 to Docker Engine 25
// and later (Engine 29.0-29.2 refuse anything older), v1.41 to Engine 20.10-24.0.
using V41 = DockerApiGen.Engine.V1_41;
using V44 = DockerApiGen.Engine.V1_44;

string[] packaged = [V41.DockerClient.ApiVersion, V44.DockerClient.ApiVersion];

// Any client can ask: /_ping and /version are not versioned. The answer is remembered by the connection.
using var probe = new V41.DockerClient();
var daemon = await probe.Connection.GetDaemonVersionsAsync();
var supported = daemon.Supported(packaged);
Console.WriteLine($"Daemon: {daemon}");
Console.WriteLine($"Packaged API versions it serves: {(supported.Count == 0 ? "none" : string.Join(", ", supported))}");

IContainerReport report = supported.OrderBy(v => Version.Parse(v)).LastOrDefault() switch
{
    "1.44" => new ReportV44(),
    "1.41" => new ReportV41(),
    _ => throw new NotSupportedException($"The daemon serves API {daemon.Minimum}–{daemon.Maximum}; this app ships {string.Join(" and ", packaged)}."),
};
Console.WriteLine(await report.DescribeAsync());

/// <summary>What the app does, once per API version it ships.</summary>
internal interface IContainerReport
{
    Task<string> DescribeAsync(CancellationToken cancellationToken = default);
}

/// <summary>The report over API v1.41.</summary>
internal sealed class ReportV41 : IContainerReport
{
    public async Task<string> DescribeAsync(CancellationToken cancellationToken = default)
    {
        using var docker = new V41.DockerClient();
        var containers = await docker.Containers.ListAsync(new V41.ContainerListOptions { All = true }, cancellationToken);
        var info = await docker.System.GetInfoAsync(cancellationToken);
        return $"Using DockerApiGen.Engine.V1_41: {containers.Count} containers, {info.Images} images, storage driver {info.Driver}.";
    }
}

/// <summary>The report over API v1.44.</summary>
internal sealed class ReportV44 : IContainerReport
{
    public async Task<string> DescribeAsync(CancellationToken cancellationToken = default)
    {
        using var docker = new V44.DockerClient();
        var containers = await docker.Containers.ListAsync(new V44.ContainerListOptions { All = true }, cancellationToken);
        var info = await docker.System.GetInfoAsync(cancellationToken);
        return $"Using DockerApiGen.Engine.V1_44: {containers.Count} containers, {info.Images} images, storage driver {info.Driver}.";
    }
}
