using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Reflection;
using System.Runtime.Loader;
using DockerApiGen.Contract.Tests.Spec;
using DockerApiGen.Generator.Pipeline;
using DockerApiGen.Generator.Specs;
using Microsoft.CodeAnalysis;

namespace DockerApiGen.Contract.Tests.Driver;

/// <summary>How a Hub client under test signs in and reaches the server.</summary>
/// <param name="SocketPath">The server's unix socket.</param>
/// <param name="Identifier">The account the server knows.</param>
/// <param name="Secret">Its personal access token.</param>
/// <param name="UsersLogin">Sign in at <c>/v2/users/login</c> (the 2024-08 snapshot has no <c>/v2/auth/token</c>).</param>
/// <param name="ScimToken">The SCIM API token, or null.</param>
public sealed record HubClientSetup(string SocketPath, string Identifier, string Secret, bool UsersLogin, string? ScimToken);

/// <summary>
/// The generated Docker Hub client of each pinned snapshot, as an assembly the driver calls by reflection (as the
/// Engine's packages): the committed package (the newest snapshot) is the one this project references; an older
/// snapshot's is generated, compiled (with the package's hand-written runtime) and emitted in memory by the
/// generator itself, then loaded into a load context of its own, so both assemblies named DockerApiGen.Hub coexist.
/// The runtime they share (DockerApiGen.Runtime) comes from the default context, so attributes and options types are
/// the test's own.
/// </summary>
public static class HubClients
{
    /// <summary>The base address clients use: loopback, where credentials may go over plain HTTP.</summary>
    public static Uri BaseAddress { get; } = new("http://localhost/");

    private static readonly ConcurrentDictionary<ApiVersion, Lazy<Task<Assembly>>> Assemblies = new();

    /// <summary>The package of a snapshot: the referenced one when committed, else generated in memory once.</summary>
    /// <param name="version">The snapshot.</param>
    public static Task<Assembly> AssemblyAsync(ApiVersion version)
        => Assemblies.GetOrAdd(version, v => new Lazy<Task<Assembly>>(() => ContractSpecs.Hub.Inputs.IsCommitted(v)
            ? Task.FromResult(typeof(global::DockerApiGen.Hub.HubClient).Assembly)
            : GenerateAsync(v))).Value;

    /// <summary>Every method of the entry client's sub-clients that carries an operation attribute.</summary>
    /// <param name="assembly">The package.</param>
    public static IReadOnlyList<GeneratedOperation> Operations(Assembly assembly) => GeneratedClients.Operations(ClientType(assembly));

    /// <summary>A client of the package connected to a server; the caller disposes it.</summary>
    /// <param name="assembly">The package.</param>
    /// <param name="setup">How it signs in and connects.</param>
    public static IDisposable Create(Assembly assembly, HubClientSetup setup)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentNullException.ThrowIfNull(setup);
        var optionsType = assembly.GetType("DockerApiGen.Hub.Http.HubClientOptions", throwOnError: true)!;
        var credentialsType = assembly.GetType("DockerApiGen.Hub.Auth.HubCredentials", throwOnError: true)!;
        var endpointType = assembly.GetType("DockerApiGen.Hub.Auth.HubLoginEndpoint", throwOnError: true)!;
        var options = Activator.CreateInstance(optionsType)!;
        Set(options, "BaseAddress", BaseAddress);
        Set(options, "Credentials", credentialsType.GetMethod("PersonalAccessToken")!.Invoke(null, [setup.Identifier, setup.Secret]));
        Set(options, "LoginEndpoint", Enum.Parse(endpointType, setup.UsersLogin ? "UsersLogin" : "AccessToken"));
        Set(options, "ScimToken", setup.ScimToken);
        Set(options, "ConfigureHandler", UnixSocket(setup.SocketPath));
        return (IDisposable)Activator.CreateInstance(ClientType(assembly), options)!;
    }

    /// <summary>Connects a handler's every connection to a unix socket (the server's), whatever host the request names.</summary>
    /// <param name="socketPath">The socket.</param>
    public static Func<SocketsHttpHandler, HttpMessageHandler> UnixSocket(string socketPath) => handler =>
    {
        handler.ConnectCallback = async (_, cancellationToken) =>
        {
            var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            try
            {
                await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        };
        return handler;
    };

    private static Type ClientType(Assembly assembly) => assembly.GetType("DockerApiGen.Hub.HubClient", throwOnError: true)!;

    private static void Set(object target, string property, object? value) => target.GetType().GetProperty(property)!.SetValue(target, value);

    private static async Task<Assembly> GenerateAsync(ApiVersion version)
    {
        var inputs = ContractSpecs.Hub.Inputs;
        var entry = inputs.Lock.Entries.Single(e => e.Version == version);
        await ContractSpecs.Hub.GetAsync(version); // pulled and verified
        var output = Assert.Single(await new GenerationRun(inputs).GenerateAsync([entry], compile: true, CancellationToken.None));
        using var image = new MemoryStream();
        var emitted = output.Compilation!.Emit(image);
        Assert.True(emitted.Success, string.Join(Environment.NewLine, emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        image.Position = 0;
        return new AssemblyLoadContext($"DockerApiGen.Hub {version}").LoadFromStream(image);
    }
}
