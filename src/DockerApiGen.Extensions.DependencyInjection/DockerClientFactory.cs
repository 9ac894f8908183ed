using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DockerApiGen.Extensions.DependencyInjection;

/// <summary>Makes each named client once, from its settings and registration, and disposes them with the container.</summary>
internal sealed class DockerClientFactory<TClient>(
    IServiceProvider services,
    IOptionsMonitor<DockerClientSettings> settings,
    IOptionsMonitor<DockerClientRegistration<TClient>> registrations) : IDockerClientFactory<TClient>, IDisposable
    where TClient : class
{
    private readonly ConcurrentDictionary<string, Lazy<TClient>> _clients = new(StringComparer.Ordinal);

    public TClient Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _clients.GetOrAdd(name, n => new Lazy<TClient>(() => Create(n))).Value;
    }

    public void Dispose()
    {
        foreach (var client in _clients.Values.Where(c => c.IsValueCreated))
        {
            (client.Value as IDisposable)?.Dispose();
        }
    }

    private TClient Create(string name)
    {
        var registration = registrations.Get(name);
        var create = registration.Create
            ?? throw new InvalidOperationException($"No Docker client of type {typeof(TClient).Name} is registered under the name '{name}'. Register it with services.AddDockerClient(\"{name}\", options => new {typeof(TClient).Name}(options)).");
        var clientSettings = settings.Get(name);
        var handlers = registration.Handlers.Select(factory => factory(services)).ToList();
        var loggers = services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
        var logger = loggers.CreateLogger("DockerApiGen.DockerClient" + (name.Length == 0 ? "" : "." + name));
        if (clientSettings.LogRequests)
        {
            handlers.Insert(0, new DockerRequestLoggingHandler(logger));
        }

        // The same logger hears what a negotiating client drops.
        return create(clientSettings.ToClientOptions(primary => Chain(handlers, primary), logger));
    }

    private static HttpMessageHandler Chain(List<DelegatingHandler> handlers, HttpMessageHandler primary)
    {
        // Innermost last: each handler wraps the next, the last wraps the transport's handler.
        var next = primary;
        for (var i = handlers.Count - 1; i >= 0; i--)
        {
            handlers[i].InnerHandler = next;
            next = handlers[i];
        }

        return next;
    }
}
