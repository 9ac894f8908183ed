using DockerApiGen.Registry.Http;

namespace DockerApiGen.Registry.Tests.Http;

public sealed class LinkHeaderTests
{
    [Fact]
    public void Reads_a_registry_next_link_relative_to_the_request()
    {
        using var response = new HttpResponseMessage { RequestMessage = new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1:5000/v2/_catalog?n=2") };
        response.Headers.TryAddWithoutValidation("Link", "</v2/_catalog?last=b&n=2>; rel=\"next\"");
        Assert.Equal("http://127.0.0.1:5000/v2/_catalog?last=b&n=2", LinkHeader.FindNext(response)?.AbsoluteUri);
    }

    [Fact]
    public void Reads_several_links_parameters_and_relations()
    {
        var links = LinkHeader.Parse("<https://a/1>; rel=\"prev\", <https://a/3?x=1,2>;rel=\"next last\" ; title=\"a;b\", <https://a/9>; rel=first");
        Assert.Equal(["https://a/1", "https://a/3?x=1,2", "https://a/9"], links.Select(l => l.Target));
        Assert.True(links[1].Has("next"));
        Assert.True(links[1].Has("LAST"));
        Assert.Equal("a;b", links[1].Parameters["title"]);
        Assert.True(links[2].Has("first"));
        Assert.False(links[0].Has("next"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("<unterminated")]
    [InlineData("<https://a/2>; rel=\"prev\"")]
    public void No_next_link_gives_null(string header)
    {
        using var response = new HttpResponseMessage { RequestMessage = new HttpRequestMessage(HttpMethod.Get, "https://a/1") };
        response.Headers.TryAddWithoutValidation("Link", header);
        Assert.Null(LinkHeader.FindNext(response));
    }
}
