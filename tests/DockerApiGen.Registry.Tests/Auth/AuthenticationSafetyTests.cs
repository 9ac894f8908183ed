using DockerApiGen.Registry.Auth;
using DockerApiGen.Registry.Tests.Support;
using DockerApiGen.Runtime.Auth;
using Microsoft.Extensions.Time.Testing;

namespace DockerApiGen.Registry.Tests.Auth;

/// <summary>Where credentials and tokens may not go, and challenges that cannot be used.</summary>
public sealed class AuthenticationSafetyTests
{
    private readonly FakeTimeProvider _time = new();
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_realm_that_downgrades_to_plain_http_on_another_host_is_refused()
    {
        var registry = new FakeRegistry(_time) { Realm = "http://auth.elsewhere.test/token" };
        using var client = registry.CreateClient();
        var error = await Assert.ThrowsAsync<RegistryAuthenticationException>(() => client.GetAsync("/v2/public/app/tags/list", Cancel));
        Assert.Equal(RegistryAuthenticationFailure.InsecureTransport, error.Failure);
        Assert.Contains("http://auth.elsewhere.test/token, which is plain HTTP on another host", error.Message, StringComparison.Ordinal);
        Assert.Empty(registry.TokenRequests);
    }

    [Fact]
    public async Task Credentials_never_go_over_plain_http_to_a_host_that_is_not_loopback()
    {
        var registry = new FakeRegistry(_time) { RegistryUri = new Uri("http://registry.lan:5000/"), Realm = "http://registry.lan:5000/token" };
        using var client = registry.CreateClient(new RegistryAuthenticationOptions { Credentials = StaticCredentialProvider.ForRegistry("registry.lan:5000", "alice", FakeRegistry.Password) });
        var error = await Assert.ThrowsAsync<RegistryAuthenticationException>(() => client.GetAsync("/v2/team/app/tags/list", Cancel));
        Assert.Equal(RegistryAuthenticationFailure.InsecureTransport, error.Failure);
        Assert.Contains("plain HTTP", error.Message, StringComparison.Ordinal);
        Assert.Empty(registry.TokenRequests);

        // Unless the host is allowed explicitly, as the daemon's insecure-registries.
        using var allowed = registry.CreateClient(new RegistryAuthenticationOptions
        {
            Credentials = StaticCredentialProvider.ForRegistry("registry.lan:5000", "alice", FakeRegistry.Password),
            AllowCredentialsOverPlainHttp = ["registry.lan:5000"],
        });
        using var response = await allowed.GetAsync("/v2/team/app/tags/list", Cancel);
        Assert.True(response.IsSuccessStatusCode);
    }

    [Fact]
    public async Task Basic_credentials_do_not_go_over_plain_http_either()
    {
        var registry = new FakeRegistry(_time) { UseBasic = true, RegistryUri = new Uri("http://registry.lan/") };
        using var client = registry.CreateClient(new RegistryAuthenticationOptions { Credentials = StaticCredentialProvider.ForRegistry("registry.lan", "alice", FakeRegistry.Password) });
        var error = await Assert.ThrowsAsync<RegistryAuthenticationException>(() => client.GetAsync("/v2/team/app/tags/list", Cancel));
        Assert.Equal(RegistryAuthenticationFailure.InsecureTransport, error.Failure);
        Assert.All(registry.RegistryRequests, r => Assert.Null(r.AuthScheme));
    }

    [Fact]
    public async Task Loopback_over_plain_http_is_allowed()
    {
        var registry = new FakeRegistry(_time) { RegistryUri = new Uri("http://127.0.0.1:5055/"), Realm = "http://127.0.0.1:5057/token" };
        using var client = registry.CreateClient(new RegistryAuthenticationOptions { Credentials = StaticCredentialProvider.ForRegistry("127.0.0.1:5055", "alice", FakeRegistry.Password) });
        using var response = await client.GetAsync("/v2/team/app/tags/list", Cancel);
        Assert.True(response.IsSuccessStatusCode);
    }

    [Fact]
    public async Task Credentials_for_one_registry_are_not_sent_to_another()
    {
        var registry = new FakeRegistry(_time);
        using var client = registry.CreateClient(new RegistryAuthenticationOptions { Credentials = StaticCredentialProvider.ForRegistry("other.test", "alice", FakeRegistry.Password) });
        await Assert.ThrowsAsync<DockerApiGen.Registry.Errors.RegistryAccessDeniedException>(() => client.GetAsync("/v2/team/app/tags/list", Cancel));
        Assert.All(registry.TokenRequests, r => Assert.False(r.BasicHeader));
    }

    [Theory]
    [InlineData("Bearer realm=\"https://auth.test/token", "never closes it")]
    [InlineData("Bearer service=\"registry.test\"", "has no realm")]
    [InlineData("Bearer realm=\"ftp://auth.test/token\"", "is not an absolute http or https URL")]
    [InlineData("Bearer realm=\"/token\"", "is not an absolute http or https URL")]
    [InlineData("Bearer realm=\"https://u:p@auth.test/token\"", "holds a user name or password")]
    [InlineData("Bearer realm=\"https://auth.test/token\",scope=\"repository\"", "is not type:name:actions")]
    [InlineData("Bearer realm=\"https://auth.test/token\" service=\"x\"", "expected ',' between parameters")]
    [InlineData("Negotiate abc==", "this client speaks Bearer (token) and Basic")]
    public async Task A_malformed_challenge_says_what_is_wrong(string challenge, string problem)
    {
        var registry = new FakeRegistry(_time) { ChallengeOverride = challenge };
        using var client = registry.CreateClient();
        var error = await Assert.ThrowsAsync<RegistryChallengeException>(() => client.GetAsync("/v2/public/app/tags/list", Cancel));
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.Contains("registry.test", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_and_credential_providers_keep_secrets_out_of_ToString()
    {
        var provider = StaticCredentialProvider.ForRegistry("registry.test", "alice", "hunter2-secret");
        Assert.DoesNotContain("hunter2-secret", provider.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2-secret", new RegistryAuthenticationOptions { Credentials = provider }.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2-secret", new RegistryCredentials("alice", "hunter2-secret", "registry.test").ToString(), StringComparison.Ordinal);
    }
}
