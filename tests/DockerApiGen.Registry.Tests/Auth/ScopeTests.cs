using DockerApiGen.Registry.Auth;

namespace DockerApiGen.Registry.Tests.Auth;

public sealed class ScopeTests
{
    [Theory]
    [InlineData("repository:samalba/my-app:pull,push", "repository", "samalba/my-app", "pull,push")]
    [InlineData("repository:127.0.0.1:5000/app:pull", "repository", "127.0.0.1:5000/app", "pull")]
    [InlineData("repository(plugin):vieux/sshfs:pull", "repository(plugin)", "vieux/sshfs", "pull")]
    [InlineData("registry:catalog:*", "registry", "catalog", "*")]
    [InlineData("repository:app:push,pull,push", "repository", "app", "pull,push")]
    public void Parses_type_name_and_actions(string text, string type, string name, string actions)
    {
        var scope = ResourceScope.Parse(text);
        Assert.Equal((type, name, actions), (scope.Type, scope.Name, string.Join(',', scope.Actions)));
    }

    [Theory]
    [InlineData("repository")]
    [InlineData("repository:app")]
    [InlineData(":app:pull")]
    [InlineData("Repository:app:pull")]
    [InlineData("repository::pull")]
    public void Rejects_malformed_scopes(string text) => Assert.Throws<FormatException>(() => ResourceScope.Parse(text));

    [Fact]
    public void Sets_merge_per_resource_and_print_canonically()
    {
        var set = TokenScope.Parse("repository:b:push repository:a:pull repository:b:pull repository(plugin):a:push");
        Assert.Equal("repository:a:pull,push repository:b:pull,push", set.ToString());
        Assert.Equal(set, TokenScope.Parse("repository:b:pull,push repository:a:push,pull"));
        Assert.True(TokenScope.Parse("  ").IsEmpty);
        Assert.Equal("repository:a:delete,pull", TokenScope.Parse("repository:a:pull").Union(TokenScope.Parse("repository:a:delete")).ToString());
    }

    [Fact]
    public void Coverage_needs_every_action_or_a_star()
    {
        var pullPush = TokenScope.Parse("repository:a:pull,push");
        Assert.True(pullPush.Covers(TokenScope.Parse("repository:a:pull")));
        Assert.True(pullPush.Covers(TokenScope.Empty));
        Assert.False(pullPush.Covers(TokenScope.Parse("repository:a:delete")));
        Assert.False(pullPush.Covers(TokenScope.Parse("repository:b:pull")));
        Assert.False(TokenScope.Empty.Covers(TokenScope.Parse("repository:a:pull")));
        Assert.True(TokenScope.Parse("repository:a:*").Covers(TokenScope.Parse("repository:a:delete")));
        // The class is ignored, as registries ignore it.
        Assert.True(TokenScope.Parse("repository(plugin):a:pull").Covers(TokenScope.Parse("repository:a:pull")));
    }

    [Theory]
    [InlineData("GET", "https://r/v2/", "")]
    [InlineData("GET", "https://r/v2/_catalog?n=10", "registry:catalog:*")]
    [InlineData("GET", "https://r/v2/team/app/tags/list", "repository:team/app:pull")]
    [InlineData("HEAD", "https://r/v2/team/app/manifests/latest", "repository:team/app:pull")]
    [InlineData("PUT", "https://r/v2/team/app/manifests/v1", "repository:team/app:pull,push")]
    [InlineData("DELETE", "https://r/v2/team/app/manifests/sha256:abc", "repository:team/app:delete")]
    [InlineData("DELETE", "https://r/v2/team/app/blobs/uploads/uuid", "repository:team/app:pull,push")]
    [InlineData("POST", "https://r/v2/team/app/blobs/uploads/?mount=sha256:abc&from=other/base", "repository:other/base:pull repository:team/app:pull,push")]
    [InlineData("PATCH", "https://r/v2/team/app/blobs/uploads/uuid?_state=x", "repository:team/app:pull,push")]
    [InlineData("GET", "https://storage.example/bucket/blob", "")]
    public void Requests_need_the_scope_the_registry_would_ask(string method, string url, string scope)
        => Assert.Equal(scope, RequiredScope.For(new HttpMethod(method), new Uri(url)).ToString());
}
