namespace DockerApiGen.Extensions.DependencyInjection;

/// <summary>Gives the Docker client registered under a name (one instance per name, made on first use, disposed with the container).</summary>
/// <typeparam name="TClient">The generated client type, e.g. <c>DockerApiGen.Engine.V1_41.DockerClient</c>.</typeparam>
public interface IDockerClientFactory<out TClient>
    where TClient : class
{
    /// <summary>The client registered under <paramref name="name"/>.</summary>
    /// <param name="name">The name given to <c>AddDockerClient</c>; empty for the default client.</param>
    /// <exception cref="InvalidOperationException">No client of this type is registered under that name.</exception>
    TClient Get(string name);
}
