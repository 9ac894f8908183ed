using System.Reflection;
using System.Text.Json;
using Docker.DotNet;

namespace DockerApiGen.Benchmarks.Clients;

/// <summary>How the benchmarks set up Docker.DotNet.Enhanced (4.3.3), the client we compare with.</summary>
public static class DockerDotNetClients
{
    /// <summary>
    /// Its client for a unix socket, pinned to v1.41 as our client is (its default is newer than the test
    /// daemon supports). 4.x replaced <c>DockerClientConfiguration</c> with this builder; for a
    /// <c>unix://</c> endpoint it picks its own unix-socket transport (Docker.DotNet.Enhanced.Unix).
    /// </summary>
    /// <param name="socketPath">The daemon's unix socket.</param>
    public static DockerClient Create(string socketPath) =>
        new DockerClientBuilder()
            .WithEndpoint(new Uri("unix://" + socketPath))
            .WithApiVersion(new Version(1, 41))
            .Build();

    /// <summary>
    /// The <see cref="JsonSerializerOptions"/> its client deserializes responses with: its source-generated
    /// contexts and its converters (unix-time dates, nanosecond durations, enum members). Its serializer
    /// class is internal, so the deserialization benchmarks call System.Text.Json with these options and its
    /// model types, which is what that class does; the options are read once, here, by reflection.
    /// </summary>
    public static JsonSerializerOptions SerializerOptions { get; } = ReadSerializerOptions();

    private static JsonSerializerOptions ReadSerializerOptions()
    {
        const BindingFlags Any = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance;
        var serializer = typeof(DockerClient).Assembly.GetType("Docker.DotNet.JsonSerializer");
        var instance = serializer?.GetProperty("Instance", Any)?.GetValue(null);
        return serializer?.GetField("_options", Any)?.GetValue(instance) as JsonSerializerOptions
            ?? throw new InvalidOperationException(
                "Docker.DotNet.Enhanced no longer keeps its JsonSerializerOptions in Docker.DotNet.JsonSerializer._options; update this benchmark for its version.");
    }
}
