using System.Text;
using System.Text.Json;
using DockerApiGen.Generator.Upstream;

namespace DockerApiGen.Generator.Tests.Support;

/// <summary>
/// A local stand-in for moby/moby on GitHub, laid out as upstream is: the commits API resolves a branch
/// to a commit, the contents API lists <c>api/docs/</c> at that commit, and the raw server has the files
/// (released specs and <c>api/swagger.yaml</c>) under <c>/moby/moby/&lt;commit&gt;/</c>.
/// </summary>
public sealed class UpstreamStandIn : IAsyncDisposable
{
    private readonly LocalHttpServer _server = new();

    /// <summary>The upstream repository as the generator sees it, pointed at this server.</summary>
    public UpstreamRepository Repository => UpstreamRepository.Engine.WithBases(new Uri(_server.BaseUrl, "api/"), new Uri(_server.BaseUrl, "raw/"));

    /// <summary>The underlying server (to serve more, or to see what was asked).</summary>
    public LocalHttpServer Server => _server;

    /// <summary>Publishes a commit: <paramref name="branch"/> resolves to it, and it holds these files.</summary>
    /// <param name="branch">The branch that points at the commit.</param>
    /// <param name="commit">The commit id (40 hex digits).</param>
    /// <param name="released">Released specs by file name (<c>v1.55.yaml</c>).</param>
    /// <param name="current">The spec under development (<c>api/swagger.yaml</c>).</param>
    public void Publish(string branch, string commit, IReadOnlyDictionary<string, byte[]> released, byte[] current)
    {
        ArgumentNullException.ThrowIfNull(released);
        _server.Serve($"/api/repos/moby/moby/commits/{branch}", commit);
        var listing = released.Keys.Append("CHANGELOG.md").Order(StringComparer.Ordinal)
            .Select(name => new Dictionary<string, string> { ["name"] = name, ["path"] = $"api/docs/{name}", ["type"] = "file" })
            .ToList();
        _server.Serve($"/api/repos/moby/moby/contents/api/docs?ref={commit}", JsonSerializer.Serialize(listing, StandInJson.Default.ListDictionaryStringString));
        foreach (var (name, bytes) in released)
        {
            _server.Serve($"/raw/moby/moby/{commit}/api/docs/{name}", bytes);
        }

        _server.Serve($"/raw/moby/moby/{commit}/api/docs/CHANGELOG.md", Encoding.UTF8.GetBytes("# changes\n"));
        _server.Serve($"/raw/moby/moby/{commit}/api/swagger.yaml", current);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
