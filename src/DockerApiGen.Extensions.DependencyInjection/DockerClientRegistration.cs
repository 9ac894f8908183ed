using DockerApiGen.Runtime;

namespace DockerApiGen.Extensions.DependencyInjection;

/// <summary>How the client of one name is made: kept as named options so that each name has its own.</summary>
/// <typeparam name="TClient">The generated client type.</typeparam>
public sealed class DockerClientRegistration<TClient>
    where TClient : class
{
    /// <summary>Makes the client from its options (e.g. <c>o =&gt; new DockerClient(o)</c>); null when the name is not registered.</summary>
    public Func<DockerClientOptions, TClient>? Create { get; set; }

    /// <summary>Handlers placed between the logging handler and the transport, outermost first.</summary>
    public IList<Func<IServiceProvider, DelegatingHandler>> Handlers { get; } = [];
}
