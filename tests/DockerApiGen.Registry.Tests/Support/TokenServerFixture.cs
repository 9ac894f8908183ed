namespace DockerApiGen.Registry.Tests.Support;

/// <summary>One test token server for the tests of the token-auth registry (its realm's port is fixed), started on first use.</summary>
public sealed class TokenServerFixture : IAsyncLifetime
{
    private TestTokenServer? _server;

    internal TestRegistries.TokenRegistry Registry { get; private set; } = null!;

    /// <summary>The server, reset to its defaults; skips (or fails under CI) when the registry is not running.</summary>
    internal async Task<TestTokenServer> ServerAsync()
    {
        Registry = TestRegistries.TokenOrSkip();
        _server ??= await TestTokenServer.StartAsync(Registry);
        _server.Reset();
        return _server;
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

/// <summary>The test classes that share the token server run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class TokenServerCollection : ICollectionFixture<TokenServerFixture>
{
    public const string Name = "token registry";
}
