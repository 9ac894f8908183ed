using DockerApiGen.Hub.Auth;
using DockerApiGen.Hub.Http;
using DockerApiGen.Runtime.Http;
using Microsoft.Extensions.Time.Testing;

namespace DockerApiGen.Hub.Tests.Support;

/// <summary>A fake Hub per test, a fake clock shared with it, and the requests a generated client would build.</summary>
public abstract class HubTestBase : IAsyncLifetime
{
    private readonly List<HubConnection> _connections = [];

    internal FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));

    internal FakeHub Hub { get; private set; } = null!;

    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => Hub = await FakeHub.StartAsync(Time);

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections)
        {
            connection.Dispose();
        }

        await Hub.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>A connection to the fake Hub on the shared clock.</summary>
    internal HubConnection Connect(HubCredentials? credentials = null, HubLoginEndpoint endpoint = HubLoginEndpoint.AccessToken, Func<HubClientOptions, HubClientOptions>? configure = null)
    {
        var options = new HubClientOptions { BaseAddress = Hub.BaseAddress, Credentials = credentials, LoginEndpoint = endpoint, TimeProvider = Time };
        var connection = new HubConnection(configure?.Invoke(options) ?? options);
        _connections.Add(connection);
        return connection;
    }

    internal static DockerRequest ListTags(string ns, string repository, int? pageSize = null)
        => new DockerRequest(HttpMethod.Get, $"/v2/namespaces/{ns}/repositories/{repository}/tags", "ListRepositoryTags").Query("page_size", pageSize);

    internal static Task<TagPage> GetTagsAsync(HubConnection connection, string ns = "team", string repository = "app")
        => connection.SendAsync(ListTags(ns, repository), TestJsonContext.Default.TagPage, Cancel);

    /// <summary>Runs a call while moving the fake clock on (half a second per step), so that waits on it end.</summary>
    internal async Task<T> RunWithClockAsync<T>(Task<T> pending)
    {
        while (!pending.IsCompleted)
        {
            Time.Advance(TimeSpan.FromMilliseconds(500));
            await Task.WhenAny(pending, Task.Delay(5, Cancel));
        }

        return await pending;
    }
}
