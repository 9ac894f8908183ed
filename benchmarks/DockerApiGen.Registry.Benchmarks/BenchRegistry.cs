using DockerApiGen.Registry.Auth;

namespace DockerApiGen.Registry.Benchmarks;

/// <summary>The htpasswd test registry (build/start-test-daemon.sh, <c>source .test-daemon/env</c>) the figures are taken against.</summary>
internal sealed record BenchRegistry(string Address, string User, string Password)
{
    public static BenchRegistry? FromEnvironment()
    {
        var address = Environment.GetEnvironmentVariable("DOCKERAPIGEN_TEST_REGISTRY");
        var user = Environment.GetEnvironmentVariable("DOCKERAPIGEN_TEST_REGISTRY_USER");
        var password = Environment.GetEnvironmentVariable("DOCKERAPIGEN_TEST_REGISTRY_PASSWORD");
        return string.IsNullOrEmpty(address) || string.IsNullOrEmpty(user) || password is null ? null : new(address, user, password);
    }

    public RegistryClient Client() => new(new RegistryClientOptions
    {
        Credentials = StaticCredentialProvider.ForRegistry(Address, User, Password),
        RequestTimeout = TimeSpan.FromMinutes(5),
    });

    /// <summary>A repository of its own for each measurement (so that nothing is found already there).</summary>
    public References.ImageReference Repository(string what) => References.ImageReference.Parse($"{Address}/dockerapigen-bench/{what}-{Guid.NewGuid():N}"[..(Address.Length + 40)]);
}
