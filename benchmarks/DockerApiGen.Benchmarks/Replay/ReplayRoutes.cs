namespace DockerApiGen.Benchmarks.Replay;

/// <summary>
/// Which prepared response answers a request target (<c>/v1.41/containers/json?all=1</c>): the container
/// list, a container's inspect (whatever the id), <c>/_ping</c> and <c>/version</c>; anything else is a 404
/// as the daemon would send. Matching works on the raw bytes and allocates nothing.
/// </summary>
public sealed class ReplayRoutes
{
    /// <summary>How many containers the replayed list holds: as many as the real-daemon benchmark lists.</summary>
    public const int ListedContainers = 24;

    private readonly byte[] _containerList;
    private readonly byte[] _containerInspect;
    private readonly byte[] _ping = ReplayResponse.Text("OK");
    private readonly byte[] _version;
    private readonly byte[] _notFound = ReplayResponse.Error("404 Not Found", "page not found");

    /// <summary>Prepares the responses from the recorded files.</summary>
    public ReplayRoutes()
    {
        _containerList = ReplayResponse.Json(RecordedResponses.ContainerList(ListedContainers));
        _containerInspect = ReplayResponse.Json(RecordedResponses.Read("container-inspect.json"));
        _version = ReplayResponse.Json(RecordedResponses.Read("system-version.json"));
    }

    /// <summary>The complete response to a request for <paramref name="target"/>.</summary>
    /// <param name="target">The request line's target: path and query.</param>
    public byte[] Answer(ReadOnlySpan<byte> target)
    {
        var path = WithoutVersion(WithoutQuery(target));
        if (path.SequenceEqual("/containers/json"u8))
        {
            return _containerList;
        }

        if (path.StartsWith("/containers/"u8) && path.EndsWith("/json"u8) && path.Length > "/containers//json".Length)
        {
            return _containerInspect;
        }

        if (path.SequenceEqual("/_ping"u8))
        {
            return _ping;
        }

        return path.SequenceEqual("/version"u8) ? _version : _notFound;
    }

    private static ReadOnlySpan<byte> WithoutQuery(ReadOnlySpan<byte> target)
    {
        var query = target.IndexOf((byte)'?');
        return query < 0 ? target : target[..query];
    }

    // "/v1.41/containers/json" → "/containers/json"; an unversioned path stays as it is.
    private static ReadOnlySpan<byte> WithoutVersion(ReadOnlySpan<byte> path)
    {
        if (path.Length < 3 || path[0] != '/' || path[1] != 'v' || !char.IsAsciiDigit((char)path[2]))
        {
            return path;
        }

        var next = path[1..].IndexOf((byte)'/');
        return next < 0 ? path : path[(next + 1)..];
    }
}
