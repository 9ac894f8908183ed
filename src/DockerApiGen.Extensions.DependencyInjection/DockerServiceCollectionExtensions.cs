using DockerApiGen.Runtime;
using DockerApiGen.Runtime.Transport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DockerApiGen.Extensions.DependencyInjection;

/// <summary>Registers generated Docker clients and Docker transports for <c>IHttpClientFactory</c>.</summary>
public static class DockerServiceCollectionExtensions
{
    /// <summary>
    /// Registers the default Docker client: <typeparamref name="TClient"/> itself (a singleton) and
    /// <see cref="IDockerClientFactory{TClient}"/>. Example: <c>services.AddDockerClient(o =&gt; new DockerClient(o)).BindConfiguration("Docker")</c>.
    /// </summary>
    /// <typeparam name="TClient">The generated client type.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <param name="create">Makes the client from its options, e.g. <c>o =&gt; new DockerClient(o)</c>.</param>
    public static DockerClientBuilder<TClient> AddDockerClient<TClient>(this IServiceCollection services, Func<DockerClientOptions, TClient> create)
        where TClient : class
    {
        var builder = services.AddDockerClient(Options.DefaultName, create);
        services.TryAddSingleton(provider => provider.GetRequiredService<IDockerClientFactory<TClient>>().Get(Options.DefaultName));
        return builder;
    }

    /// <summary>
    /// Registers a named Docker client, obtained with <see cref="IDockerClientFactory{TClient}.Get"/>: one name per
    /// daemon, each with its own settings (<see cref="DockerClientSettings"/>, shared by every client type of that name).
    /// </summary>
    /// <typeparam name="TClient">The generated client type.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The client's name.</param>
    /// <param name="create">Makes the client from its options, e.g. <c>o =&gt; new DockerClient(o)</c>.</param>
    public static DockerClientBuilder<TClient> AddDockerClient<TClient>(this IServiceCollection services, string name, Func<DockerClientOptions, TClient> create)
        where TClient : class
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(create);
        services.AddOptions();
        services.TryAddSingleton<IDockerClientFactory<TClient>, DockerClientFactory<TClient>>();
        services.Configure<DockerClientRegistration<TClient>>(name, registration => registration.Create = create);
        return new DockerClientBuilder<TClient>(services, name);
    }

    /// <summary>
    /// Makes an <c>IHttpClientFactory</c> client talk to the daemon of the Docker client settings named
    /// <paramref name="dockerClientName"/>: its primary handler is that daemon's transport handler and its base
    /// address the transport's, so <c>GET _ping</c> and <c>GET v1.41/version</c> work on any transport.
    /// </summary>
    /// <param name="builder">The HTTP client's builder.</param>
    /// <param name="dockerClientName">The name whose <see cref="DockerClientSettings"/> say how to reach the daemon; empty for the default.</param>
    public static IHttpClientBuilder UseDockerTransport(this IHttpClientBuilder builder, string dockerClientName = "")
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(dockerClientName);
        builder.Services.AddOptions();
        builder.ConfigurePrimaryHttpMessageHandler(provider => Transport(provider, dockerClientName).CreateHandler());
        builder.ConfigureHttpClient((provider, client) => client.BaseAddress = Transport(provider, dockerClientName).BaseAddress);
        return builder;
    }

    private static DockerTransport Transport(IServiceProvider provider, string name)
        => DockerEndpoints.Resolve(provider.GetRequiredService<IOptionsMonitor<DockerClientSettings>>().Get(name).ToClientOptions());
}
