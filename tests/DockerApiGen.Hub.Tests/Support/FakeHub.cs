using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace DockerApiGen.Hub.Tests.Support;

/// <summary>
/// An in-process Docker Hub on loopback (Kestrel, a free port), behaving as the Hub's API descriptions say: the three
/// token endpoints (<c>/v2/auth/token</c> with identifier and secret; <c>/v2/users/login</c> and
/// <c>/v2/users/2fa-login</c> with the second factor), JWTs with <c>iat</c> and <c>exp</c> on a fake clock that the
/// server checks on every call, a paged tag list (<c>count</c>, <c>next</c>, <c>previous</c>, <c>results</c>) whose
/// <c>next</c> links can be absolute, relative, on another host or repeating, tag existence by <c>HEAD</c>, SCIM
/// users behind their own token, and rate-limit headers on every answer. Tests script answers (429s, error bodies)
/// and read every request it received.
/// </summary>
internal sealed class FakeHub : IAsyncDisposable
{
    public const string User = "alice", Password = "correct-horse-Battery-9", PersonalToken = "dckr_pat_Xq7fA93kLmN0pQrS2tUvWx4yZ";
    public const string Organization = "acme", OrganizationToken = "dckr_oat_R8sT1uV2wX3yZ4aB5cD6eF7gH";
    public const string TwoFactorUser = "bob", TwoFactorPassword = "bob-Pa55-w0rd-Secret", TwoFactorCode = "246810";
    public const string ScimToken = "scim-Token-0123456789abcdef";
    private readonly WebApplication _app;
    private readonly byte[] _signingKey = RandomNumberGenerator.GetBytes(32);
    private readonly ConcurrentDictionary<string, (string Subject, DateTimeOffset ExpiresAt)> _issued = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _pendingSecondFactors = new(StringComparer.Ordinal);
    private int _remaining = 180;

    private FakeHub(WebApplication app, FakeTimeProvider time)
    {
        _app = app;
        Time = time;
    }

    public FakeTimeProvider Time { get; }

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>How long the tokens it issues live (their <c>exp</c> − <c>iat</c>).</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Whether the tokens carry <c>iat</c> (the client then counts the lifetime from when it received them).</summary>
    public bool IncludeIssuedAt { get; set; } = true;

    /// <summary>Tags of <c>team/app</c> (private: needs a token) and <c>library/busybox</c> (public).</summary>
    public int TagCount { get; set; } = 25;

    public NextLinks NextLinkStyle { get; set; } = NextLinks.Absolute;

    /// <summary>Answers given, in order, to the next calls of the API (not the token endpoints) before it works normally again.</summary>
    public ConcurrentQueue<Scripted> ApiScript { get; } = new();

    /// <summary>Answers given, in order, to the next calls of the token endpoints.</summary>
    public ConcurrentQueue<Scripted> TokenScript { get; } = new();

    public ConcurrentQueue<Received> Requests { get; } = new();

    public IEnumerable<Received> TokenRequests => Requests.Where(r => r.IsTokenEndpoint);

    public IEnumerable<Received> ApiRequests => Requests.Where(r => !r.IsTokenEndpoint);

    public IReadOnlyCollection<string> IssuedTokens => [.. _issued.Keys];

    public enum NextLinks
    {
        Absolute,
        Relative,
        OtherHost,
        Repeating,
    }

    /// <summary>One scripted answer.</summary>
    public sealed record Scripted(int Status, string? Body = null, string ContentType = "application/json", IReadOnlyDictionary<string, string>? Headers = null);

    /// <summary>One request as the server saw it; <see cref="Body"/> only for the token endpoints.</summary>
    public sealed record Received(string Method, string Path, string Query, string? Authorization, string? UserAgent, string? Body, int Status)
    {
        public bool IsTokenEndpoint => Path is "/v2/auth/token" or "/v2/users/login" or "/v2/users/2fa-login";
    }

    public static async Task<FakeHub> StartAsync(FakeTimeProvider time)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var hub = new FakeHub(app, time);
        app.Run(hub.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        hub.BaseAddress = new Uri(address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal) + "/");
        return hub;
    }

    /// <summary>Invalidates every token issued so far (as revoking the access token that minted them would).</summary>
    public void RevokeAll() => _issued.Clear();

    /// <summary>A token signed as the server issues them, for tests of expiry reading.</summary>
    public string Issue(string subject, DateTimeOffset issuedAt, TimeSpan lifetime, bool includeIssuedAt = true)
    {
        var header = Base64Url("""{"alg":"HS256","typ":"JWT"}"""u8.ToArray());
        var claims = new Dictionary<string, object> { ["sub"] = subject, ["exp"] = (issuedAt + lifetime).ToUnixTimeSeconds(), ["jti"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(8)) };
        if (includeIssuedAt)
        {
            claims["iat"] = issuedAt.ToUnixTimeSeconds();
        }

        var signed = header + "." + Base64Url(JsonSerializer.SerializeToUtf8Bytes(claims));
        var token = signed + "." + Base64Url(HMACSHA256.HashData(_signingKey, Encoding.ASCII.GetBytes(signed)));
        _issued[token] = (subject, issuedAt + lifetime);
        return token;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? "";
        string? body = null;
        if (path is "/v2/auth/token" or "/v2/users/login" or "/v2/users/2fa-login")
        {
            using var reader = new StreamReader(request.Body);
            body = await reader.ReadToEndAsync();
        }

        var answer = Answer(context, path, body);
        // Recorded before the answer is written, so a test that has its answer sees the request.
        Requests.Enqueue(new Received(request.Method, path, request.QueryString.Value ?? "", request.Headers.Authorization.FirstOrDefault(), request.Headers.UserAgent.FirstOrDefault(), body, answer.Status));
        await WriteAsync(context, answer);
    }

    private Scripted Answer(HttpContext context, string path, string? body)
    {
        var isToken = body is not null;
        AddRateLimitHeaders(context.Response);
        if ((isToken ? TokenScript : ApiScript).TryDequeue(out var scripted))
        {
            return scripted;
        }

        if (isToken)
        {
            return TokenEndpoint(path, body!);
        }

        var method = context.Request.Method;
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (path.StartsWith("/v2/scim/2.0/", StringComparison.Ordinal))
        {
            return context.Request.Headers.Authorization.FirstOrDefault() == "Bearer " + ScimToken
                ? new Scripted(200, """{"schemas":["urn:ietf:params:scim:api:messages:2.0:ListResponse"],"totalResults":0,"resources":[]}""", "application/scim+json")
                : new Scripted(401, """{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"status":"401","detail":"invalid SCIM token"}""", "application/scim+json");
        }

        // /v2/namespaces/{namespace}/repositories/{repository}/tags[/{tag}]
        if (parts is ["v2", "namespaces", var ns, "repositories", var repo, "tags", ..])
        {
            var isPublic = ns == "library";
            var subject = Authenticate(context);
            if (!isPublic && subject is null)
            {
                return new Scripted(401, """{"detail":"authentication credentials were not provided or are invalid","message":"unauthorized"}""");
            }

            if (parts.Length == 7 && HttpMethods.IsHead(method))
            {
                return new Scripted(int.TryParse(parts[6].TrimStart('v'), out var n) && n >= 1 && n <= TagCount ? 200 : 404, null);
            }

            if (parts.Length == 6 && HttpMethods.IsGet(method))
            {
                return TagPage(context, ns, repo);
            }
        }

        if (path == "/v2/access-tokens" && HttpMethods.IsGet(method))
        {
            return Authenticate(context) is null
                ? new Scripted(401, """{"detail":"Authentication credentials were not provided.","message":"unauthorized"}""")
                : new Scripted(200, """{"count":0,"next":null,"previous":null,"active_count":0,"results":[]}""");
        }

        return new Scripted(404, """{"detail":"Not found.","message":"object not found"}""");
    }

    private Scripted TokenEndpoint(string path, string body)
    {
        using var json = JsonDocument.Parse(body);
        string? Field(string name) => json.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        var now = Time.GetUtcNow();
        switch (path)
        {
            case "/v2/auth/token":
            {
                var (identifier, secret) = (Field("identifier"), Field("secret"));
                var valid = (identifier, secret) is (User, Password) or (User, PersonalToken) or (Organization, OrganizationToken) or (TwoFactorUser, TwoFactorPassword);
                return valid
                    ? new Scripted(200, JsonSerializer.Serialize(new Dictionary<string, string> { ["access_token"] = Issue(identifier!, now, TokenLifetime, IncludeIssuedAt) }))
                    : new Scripted(401, """{"detail":"Incorrect authentication credentials","message":"unauthorized"}""");
            }

            case "/v2/users/login":
            {
                var (username, password) = (Field("username"), Field("password"));
                if ((username, password) is (User, Password) or (User, PersonalToken))
                {
                    return new Scripted(200, JsonSerializer.Serialize(new Dictionary<string, string> { ["token"] = Issue(username!, now, TokenLifetime, IncludeIssuedAt) }));
                }

                if ((username, password) is (TwoFactorUser, TwoFactorPassword))
                {
                    var pending = "2fa-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
                    _pendingSecondFactors[pending] = username!;
                    return new Scripted(401, JsonSerializer.Serialize(new Dictionary<string, string> { ["detail"] = "Require secondary authentication on MFA enabled account", ["login_2fa_token"] = pending }));
                }

                return new Scripted(401, """{"detail":"Incorrect authentication credentials"}""");
            }

            default:
            {
                var (pending, code) = (Field("login_2fa_token"), Field("code"));
                if (pending is not null && code == TwoFactorCode && _pendingSecondFactors.TryRemove(pending, out var user))
                {
                    return new Scripted(200, JsonSerializer.Serialize(new Dictionary<string, string> { ["token"] = Issue(user, now, TokenLifetime, IncludeIssuedAt) }));
                }

                return new Scripted(401, """{"detail":"Incorrect authentication credentials"}""");
            }
        }
    }

    private string? Authenticate(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.FirstOrDefault();
        if (header is null || !header.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return null;
        }

        return _issued.TryGetValue(header["Bearer ".Length..], out var issued) && Time.GetUtcNow() < issued.ExpiresAt ? issued.Subject : null;
    }

    private Scripted TagPage(HttpContext context, string ns, string repo)
    {
        var query = context.Request.Query;
        var page = int.TryParse(query["page"], out var p) && p > 0 ? p : 1;
        var size = int.TryParse(query["page_size"], out var s) && s > 0 ? Math.Min(s, 100) : 10;
        var first = (page - 1) * size;
        var results = Enumerable.Range(first + 1, Math.Max(0, Math.Min(size, TagCount - first)))
            .Select(n => new Dictionary<string, object> { ["id"] = n, ["name"] = "v" + n.ToString(CultureInfo.InvariantCulture), ["full_size"] = 1000 + n })
            .ToList();
        var relative = $"/v2/namespaces/{ns}/repositories/{repo}/tags?page={{0}}&page_size={size}";
        string? Link(int target) => NextLinkStyle switch
        {
            NextLinks.Relative => string.Format(CultureInfo.InvariantCulture, relative, target),
            NextLinks.OtherHost => "https://hub.docker.com" + string.Format(CultureInfo.InvariantCulture, relative, target),
            _ => BaseAddress.GetLeftPart(UriPartial.Authority) + string.Format(CultureInfo.InvariantCulture, relative, target),
        };
        var hasNext = first + size < TagCount;
        var next = NextLinkStyle == NextLinks.Repeating && page >= 2 ? Link(1) : hasNext ? Link(page + 1) : null;
        var answer = new Dictionary<string, object?> { ["count"] = TagCount, ["next"] = next, ["previous"] = page > 1 ? Link(page - 1) : null, ["results"] = results };
        return new Scripted(200, JsonSerializer.Serialize(answer));
    }

    private void AddRateLimitHeaders(HttpResponse response)
    {
        var remaining = Math.Max(0, Interlocked.Decrement(ref _remaining));
        response.Headers["X-RateLimit-Limit"] = "180";
        response.Headers["X-RateLimit-Remaining"] = remaining.ToString(CultureInfo.InvariantCulture);
        response.Headers["X-RateLimit-Reset"] = Time.GetUtcNow().AddSeconds(60).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
    }

    private static async Task WriteAsync(HttpContext context, Scripted answer)
    {
        context.Response.StatusCode = answer.Status;
        foreach (var (name, value) in answer.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        if (answer.Body is not null && !HttpMethods.IsHead(context.Request.Method))
        {
            context.Response.ContentType = answer.ContentType;
            await context.Response.WriteAsync(answer.Body);
        }
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
