using DockerApiGen.Registry.Auth;

namespace DockerApiGen.Registry.Tests.Auth;

public sealed class ChallengeParserTests
{
    [Fact]
    public void Reads_a_bearer_challenge()
    {
        var challenge = Assert.Single(ChallengeParser.Parse("Bearer realm=\"https://auth.docker.io/token\",service=\"registry.docker.io\",scope=\"repository:samalba/my-app:pull,push\"", "r"));
        Assert.True(challenge.IsBearer);
        Assert.Equal("https://auth.docker.io/token", challenge.Realm);
        Assert.Equal("registry.docker.io", challenge.Service);
        Assert.Equal("repository:samalba/my-app:pull,push", challenge.Scope);
        Assert.Null(challenge.Error);
    }

    [Fact]
    public void Reads_several_challenges_escapes_spaces_and_token_values()
    {
        var challenges = ChallengeParser.Parse("Basic realm=\"a \\\"quoted\\\" realm\" , Bearer  realm = \"https://x/t\" ,error=insufficient_scope, scope=\"a:b:c d:e:f\"", "r");
        Assert.Equal(2, challenges.Count);
        Assert.True(challenges[0].IsBasic);
        Assert.Equal("a \"quoted\" realm", challenges[0].Realm);
        Assert.Equal("https://x/t", challenges[1].Realm);
        Assert.Equal("insufficient_scope", challenges[1].Error);
        Assert.Equal("a:b:c d:e:f", challenges[1].Scope);
    }

    [Fact]
    public void Scheme_and_parameter_names_ignore_case()
    {
        var challenge = Assert.Single(ChallengeParser.Parse("bearer REALM=\"https://x/t\"", "r"));
        Assert.True(challenge.IsBearer);
        Assert.Equal("https://x/t", challenge.Realm);
    }

    [Fact]
    public void Reads_schemes_without_parameters_and_token68()
    {
        var challenges = ChallengeParser.Parse("Negotiate, Basic abc==", "r");
        Assert.Equal(["Negotiate", "Basic"], challenges.Select(c => c.Scheme));
        Assert.Equal("abc==", challenges[1].Parameters[""]);
    }

    [Theory]
    [InlineData("", 0, "holds no challenge")]
    [InlineData("Bearer realm=\"https://x", 14, "never closes it")]
    [InlineData("Bearer realm x", 14, "expected '=' after the parameter 'realm'")]
    [InlineData("Bearer realm=\"a\" service=\"b\"", 18, "expected ',' between parameters")]
    [InlineData("Bearer realm=\"a\",realm=\"b\"", 18, "appears twice")]
    [InlineData("Bearer realm=", 14, "has no value after '='")]
    [InlineData("Bearer,=x", 8, "expected an authentication scheme")]
    [InlineData("Bearer\"x\"", 7, "must be followed by a space")]
    [InlineData("Bearer realm=https://x/t?a=b", 25, "is a value missing its quotes?")]
    public void Malformed_headers_name_the_character(string header, int position, string problem)
    {
        var error = Assert.Throws<RegistryChallengeException>(() => ChallengeParser.Parse(header, "127.0.0.1:5055"));
        Assert.Equal(position, error.Position);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1:5055", error.Message, StringComparison.Ordinal);
        Assert.Equal(RegistryAuthenticationFailure.MalformedChallenge, error.Failure);
    }
}
