using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DockerApiGen.Extensions.DependencyInjection;

/// <summary>Configures one named Docker client after <c>AddDockerClient</c>.</summary>
/// <typeparam name="TClient">The generated client type.</typeparam>
public sealed class DockerClientBuilder<TClient>
    where TClient : class
{
    internal DockerClientBuilder(IServiceCollection services, string name)
    {
        Services = services;
        Name = name;
    }

    /// <summary>The service collection.</summary>
    public IServiceCollection Services { get; }

    /// <summary>The client's name (empty for the default client).</summary>
    public string Name { get; }

    /// <summary>Changes the client's settings in code (applied in registration order with configuration binding).</summary>
    /// <param name="configure">Changes the settings.</param>
    public DockerClientBuilder<TClient> Configure(Action<DockerClientSettings> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        Services.Configure(Name, configure);
        return this;
    }

    /// <summary>Binds the client's settings to a configuration section, e.g. <c>Docker:BuildHost</c> with keys <c>Endpoint</c>, <c>Context</c>, <c>Tls:CertificateDirectory</c>, <c>Ssh:IdentityFile</c>, <c>RequestTimeout</c>.</summary>
    /// <param name="section">The section.</param>
    public DockerClientBuilder<TClient> Bind(IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        Services.AddOptions<DockerClientSettings>(Name).Bind(section);
        return this;
    }

    /// <summary>Binds the client's settings to the section at <paramref name="sectionPath"/> of the application's <see cref="IConfiguration"/>.</summary>
    /// <param name="sectionPath">The section's path, e.g. <c>Docker</c>.</param>
    public DockerClientBuilder<TClient> BindConfiguration(string sectionPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(sectionPath);
        Services.AddOptions<DockerClientSettings>(Name).BindConfiguration(sectionPath);
        return this;
    }

    /// <summary>
    /// Adds a handler between the logging handler and the transport (retries, metrics, auth), made from the
    /// container once per client, as with <c>IHttpClientFactory</c>'s <c>AddHttpMessageHandler</c>. Hijacked
    /// connections (attach, exec) do not pass through handlers.
    /// </summary>
    /// <param name="create">Makes the handler.</param>
    public DockerClientBuilder<TClient> AddHttpMessageHandler(Func<IServiceProvider, DelegatingHandler> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        Services.Configure<DockerClientRegistration<TClient>>(Name, r => r.Handlers.Add(create));
        return this;
    }
}
