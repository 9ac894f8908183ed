using System.Net;
using System.Text;
using DockerApiGen.Registry.Auth;
using DockerApiGen.Registry.Content;
using DockerApiGen.Registry.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DockerApiGen.Registry.Tests.Http;

/// <summary>A blob served elsewhere (a 307 to object storage) is fetched without the registry's credentials.</summary>
public sealed class RedirectTests
{
    [Fact]
    public async Task Credentials_are_not_forwarded_to_the_redirect_target()
    {
        var blob = Encoding.UTF8.GetBytes("blob from storage");
        string? storageAuthorization = "not called";
        await using var storage = await StartAsync(app => app.MapGet("/bucket/blob", (HttpContext context) =>
        {
            storageAuthorization = context.Request.Headers.Authorization.ToString();
            return Results.Bytes(blob, "application/octet-stream");
        }));
        var storageUri = Address(storage);
        await using var registry = await StartAsync(app => app.Map("/v2/{**rest}", (HttpContext context) =>
        {
            if (!context.Request.Headers.Authorization.ToString().StartsWith("Basic ", StringComparison.Ordinal))
            {
                context.Response.Headers.WWWAuthenticate = "Basic realm=\"test\"";
                return Results.Json(new { errors = new[] { new { code = "UNAUTHORIZED", message = "authentication required" } } }, statusCode: 401);
            }

            return Results.Redirect(new Uri(storageUri, "/bucket/blob").AbsoluteUri, permanent: false, preserveMethod: true);
        }));
        var registryUri = Address(registry);
        var digest = Digest.Compute(blob);
        using var client = LiveClient.Create(registryUri, new RegistryAuthenticationOptions { Credentials = StaticCredentialProvider.ForRegistry(registryUri.Authority, "alice", "secret") });

        using var response = await client.SendOkAsync(HttpMethod.Get, $"/v2/app/blobs/{digest}");

        Assert.Equal(blob, await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal("", storageAuthorization);
        Assert.Equal(new Uri(storageUri, "/bucket/blob"), response.RequestMessage!.RequestUri);
    }

    private static async Task<WebApplication> StartAsync(Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        map(app);
        await app.StartAsync(TestContext.Current.CancellationToken);
        return app;
    }

    private static Uri Address(WebApplication app)
        => new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().Replace("[::1]", "127.0.0.1", StringComparison.Ordinal) + "/");
}
