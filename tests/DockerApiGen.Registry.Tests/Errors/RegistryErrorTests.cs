using System.Net;
using System.Text;
using DockerApiGen.Registry.Errors;
using DockerApiGen.Registry.Http;

namespace DockerApiGen.Registry.Tests.Errors;

/// <summary>Errors typed from the registry's error body, naming registry, repository and reference.</summary>
public sealed class RegistryErrorTests
{
    private static RegistryApiException From(HttpStatusCode status, string method, string url, string body, TimeSpan? retryAfter = null)
        => RegistryApiException.FromResponse(status, method, new Uri(url), Encoding.UTF8.GetBytes(body), retryAfter, new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Manifest_unknown_is_not_found_and_names_what_was_asked()
    {
        var error = From(HttpStatusCode.NotFound, "GET", "http://127.0.0.1:5000/v2/team/app/manifests/v9",
            """{"errors":[{"code":"MANIFEST_UNKNOWN","message":"manifest unknown","detail":{"Tag":"v9"}}]}""");
        var notFound = Assert.IsType<RegistryNotFoundException>(error);
        Assert.Equal(RegistryErrorCode.ManifestUnknown, notFound.Code);
        Assert.Equal(("127.0.0.1:5000", "team/app", "v9"), (notFound.Registry, notFound.Repository, notFound.Reference));
        Assert.Equal("v9", notFound.Errors[0].Detail!.Value.GetProperty("Tag").GetString());
        Assert.Equal("The registry 127.0.0.1:5000 refused GET of manifest 'v9' of 127.0.0.1:5000/team/app: 404 NotFound, MANIFEST_UNKNOWN: manifest unknown.", notFound.Message);
    }

    [Theory]
    [InlineData(HttpStatusCode.NotFound, "BLOB_UNKNOWN", typeof(RegistryNotFoundException))]
    [InlineData(HttpStatusCode.NotFound, "NAME_UNKNOWN", typeof(RegistryNotFoundException))]
    [InlineData(HttpStatusCode.NotFound, "BLOB_UPLOAD_UNKNOWN", typeof(RegistryNotFoundException))]
    [InlineData(HttpStatusCode.Unauthorized, "UNAUTHORIZED", typeof(RegistryAccessDeniedException))]
    [InlineData(HttpStatusCode.Forbidden, "DENIED", typeof(RegistryAccessDeniedException))]
    [InlineData(HttpStatusCode.TooManyRequests, "TOOMANYREQUESTS", typeof(RegistryTooManyRequestsException))]
    [InlineData(HttpStatusCode.MethodNotAllowed, "UNSUPPORTED", typeof(RegistryUnsupportedException))]
    [InlineData(HttpStatusCode.BadRequest, "UNSUPPORTED", typeof(RegistryUnsupportedException))]
    [InlineData(HttpStatusCode.BadRequest, "DIGEST_INVALID", typeof(RegistryApiException))]
    [InlineData(HttpStatusCode.BadRequest, "MANIFEST_BLOB_UNKNOWN", typeof(RegistryApiException))]
    [InlineData(HttpStatusCode.BadRequest, "SOMETHING_NEW", typeof(RegistryApiException))]
    public void Each_code_gets_its_type(HttpStatusCode status, string code, Type type)
    {
        var error = From(status, "PUT", "https://r.example/v2/a/manifests/latest", $$"""{"errors":[{"code":"{{code}}","message":"m"}]}""");
        Assert.IsType(type, error);
        Assert.Equal(code, error.Code?.Value);
        Assert.Equal(code != "SOMETHING_NEW", error.Code!.Value.IsKnown);
    }

    [Fact]
    public void A_plain_text_404_keeps_the_text()
    {
        var error = From(HttpStatusCode.NotFound, "GET", "http://127.0.0.1:5000/v2/app/referrers/sha256:" + new string('a', 64), "404 page not found\n");
        Assert.IsType<RegistryNotFoundException>(error);
        Assert.Empty(error.Errors);
        Assert.Equal("404 page not found", error.BodyText);
        Assert.Contains("the referrers of sha256:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_many_requests_says_when_to_retry()
    {
        var error = Assert.IsType<RegistryTooManyRequestsException>(From(HttpStatusCode.TooManyRequests, "GET", "https://r.example/v2/a/tags/list", "", TimeSpan.FromSeconds(90)));
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 12, 1, 30, TimeSpan.Zero), error.RetryAfter);
        Assert.Contains("retry after 2026-12-01 12:01:30 UTC", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://r/v2/", RegistryEndpointKind.Base, null, null)]
    [InlineData("https://r/v2/_catalog?n=2", RegistryEndpointKind.Catalog, null, null)]
    [InlineData("https://r/v2/a/b/tags/list", RegistryEndpointKind.Tags, "a/b", null)]
    [InlineData("https://r/v2/manifests/manifests/latest", RegistryEndpointKind.Manifest, "manifests", "latest")]
    [InlineData("https://r/v2/x/blobs/y/blobs/sha256:ab", RegistryEndpointKind.Blob, "x/blobs/y", "sha256:ab")]
    [InlineData("https://r/v2/x/blobs/uploads/", RegistryEndpointKind.Uploads, "x", null)]
    [InlineData("https://r/v2/x/blobs/uploads/3f2a?_state=abc", RegistryEndpointKind.Upload, "x", "3f2a")]
    [InlineData("https://r/v2/x/referrers/sha256:ab?artifactType=a", RegistryEndpointKind.Referrers, "x", "sha256:ab")]
    [InlineData("https://storage/bucket/key", RegistryEndpointKind.Other, null, null)]
    [InlineData("https://r/v2/x", RegistryEndpointKind.Other, null, null)]
    public void Request_urls_are_read_from_their_end(string url, RegistryEndpointKind kind, string? repository, string? reference)
    {
        var target = RegistryRequestTarget.From(new Uri(url));
        Assert.Equal((kind, repository, reference), (target.Kind, target.Repository, target.Reference));
        Assert.Equal(new Uri(url).Authority, target.Registry);
    }
}
