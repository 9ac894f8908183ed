using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DockerApiGen.Registry.Tests.Support;

/// <summary>
/// This project's own token server for the token-auth registry, on loopback at the registry's realm: GET (anonymous
/// or Basic, one <c>scope</c> per resource, <c>offline_token</c>) and the OAuth2 form POST (<c>password</c> and
/// <c>refresh_token</c> grants, <c>access_type=offline</c>), refresh tokens, scopes granted per user, a configurable
/// <c>expires_in</c>, and JWTs the registry verifies. Tests configure it through its properties and read what it
/// was asked in <see cref="Requests"/>; a test collection shares one (the realm's port is fixed).
/// </summary>
internal sealed class TestTokenServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TestJwt _jwt;
    private readonly TestRegistries.TokenRegistry _registry;
    private readonly ConcurrentDictionary<string, string> _refreshTokens = new(StringComparer.Ordinal);

    private TestTokenServer(WebApplication app, TestJwt jwt, TestRegistries.TokenRegistry registry)
    {
        _app = app;
        _jwt = jwt;
        _registry = registry;
    }

    /// <summary>The logins the server knows: full rights, pull only.</summary>
    public static readonly (string User, string Password) Writer = ("testuser", "testpassword"), Reader = ("reader", "readerpassword");

    public int ExpiresIn { get; set; } = 300;

    /// <summary>Seconds added to the JWT's <c>exp</c> beyond <see cref="ExpiresIn"/>; −60 cancels the registry's leeway.</summary>
    public int ExpiryShift { get; set; }

    public bool ServePost { get; set; } = true;

    public bool UseX5c { get; set; }

    public ConcurrentQueue<TokenRequest> Requests { get; } = new();

    public sealed record TokenRequest(string Method, string? GrantType, string? User, string Scope, bool Offline, string? IssuedToken);

    public static async Task<TestTokenServer> StartAsync(TestRegistries.TokenRegistry registry)
    {
        var jwt = new TestJwt(registry.KeyFile, registry.CertificateFile);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Parse(registry.Realm.Host), registry.Realm.Port));
        var app = builder.Build();
        var server = new TestTokenServer(app, jwt, registry);
        app.Map(registry.Realm.AbsolutePath, server.HandleAsync);
        try
        {
            await app.StartAsync();
        }
        catch (IOException ex)
        {
            await app.DisposeAsync();
            jwt.Dispose();
            TestRegistries.Require($"The test token server cannot listen at {registry.Realm} ({ex.Message}); is another test run using it?");
        }

        return server;
    }

    /// <summary>Back to the defaults, between tests.</summary>
    public void Reset()
    {
        ExpiresIn = 300;
        ExpiryShift = 0;
        ServePost = true;
        UseX5c = false;
        Requests.Clear();
    }

    /// <summary>A token signed for the registry, as the server would issue it.</summary>
    public string Issue(string? user, IEnumerable<(string Type, string Name, string[] Actions)> access, DateTimeOffset issuedAt, DateTimeOffset expiresAt)
        => _jwt.Sign(_registry.Issuer, _registry.Service, user, access, issuedAt, expiresAt, UseX5c);

    /// <summary>A refresh token for a user, as <c>docker login</c> would store it as an identity token.</summary>
    public string CreateRefreshToken(string user)
    {
        var value = "refresh-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        _refreshTokens[value] = user;
        return value;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _jwt.Dispose();
    }

    private static string[] Rights(string? user, string type, string name) => (user, type) switch
    {
        ("testuser", "registry") => ["*"],
        ("testuser", _) => ["pull", "push", "delete"],
        ("reader", "repository") => ["pull"],
        (null, "repository") when name.StartsWith("dockerapigen-public/", StringComparison.Ordinal) => ["pull"],
        _ => [],
    };

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var fields = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string key, string? value) => (fields.TryGetValue(key, out var list) ? list : fields[key] = []).Add(value ?? "");
        if (HttpMethods.IsPost(request.Method))
        {
            if (!ServePost)
            {
                Requests.Enqueue(new TokenRequest("POST", null, null, "", false, null));
                context.Response.StatusCode = 404;
                await context.Response.WriteAsync("404 page not found");
                return;
            }

            foreach (var (key, values) in await request.ReadFormAsync())
            {
                foreach (var value in values)
                {
                    Add(key, value);
                }
            }
        }
        else
        {
            foreach (var (key, values) in request.Query)
            {
                foreach (var value in values)
                {
                    Add(key, value);
                }
            }
        }

        string? First(string key) => fields.TryGetValue(key, out var list) ? list[0] : null;
        var grant = First("grant_type");
        string? user = null;
        if (request.Headers.Authorization.ToString() is { Length: > 6 } authorization && authorization.StartsWith("Basic ", StringComparison.Ordinal))
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(authorization[6..])).Split(':', 2);
            user = Check(pair[0], pair.ElementAtOrDefault(1));
            if (user is null)
            {
                await RefuseAsync(context, request.Method, grant, 401, """{"details":"incorrect username or password"}""");
                return;
            }
        }
        else if (grant == "password")
        {
            user = Check(First("username") ?? "", First("password"));
            if (user is null)
            {
                await RefuseAsync(context, request.Method, grant, 401, """{"error":"invalid_grant","error_description":"incorrect username or password"}""");
                return;
            }
        }
        else if (grant == "refresh_token")
        {
            if (!_refreshTokens.TryGetValue(First("refresh_token") ?? "", out user))
            {
                await RefuseAsync(context, request.Method, grant, 400, """{"error":"invalid_grant","error_description":"unknown refresh token"}""");
                return;
            }
        }
        else if (grant is not null)
        {
            await RefuseAsync(context, request.Method, grant, 400, """{"error":"unsupported_grant_type"}""");
            return;
        }

        if (First("service") != _registry.Service)
        {
            await RefuseAsync(context, request.Method, grant, 400, """{"error":"invalid_request","error_description":"unknown service"}""");
            return;
        }

        // One scope parameter per resource (GET), or space-separated in one field (POST): grant what the user may.
        var asked = (fields.GetValueOrDefault("scope") ?? []).SelectMany(s => s.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        var access = asked.Select(DockerApiGen.Registry.Auth.ResourceScope.Parse)
            .Select(s => (s.BaseType, s.Name, Actions: s.Actions.Intersect(Rights(user, s.BaseType, s.Name)).ToArray()))
            .Where(a => a.Actions.Length > 0)
            .ToList();
        var now = DateTimeOffset.UtcNow;
        var token = Issue(user, access, now, now.AddSeconds(ExpiresIn + ExpiryShift));
        var offline = First("offline_token") == "true" || First("access_type") == "offline";
        var answer = new Dictionary<string, object> { ["expires_in"] = ExpiresIn, ["issued_at"] = now.ToString("O") };
        answer[HttpMethods.IsPost(request.Method) ? "access_token" : "token"] = token;
        if (user is not null && (offline || grant == "refresh_token"))
        {
            answer["refresh_token"] = grant == "refresh_token" ? First("refresh_token")! : CreateRefreshToken(user);
        }

        Requests.Enqueue(new TokenRequest(request.Method, grant, user, string.Join(' ', asked), offline, token));
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonSerializer.Serialize(answer));
    }

    private static string? Check(string user, string? password)
        => (user, password) == Writer || (user, password) == Reader ? user : null;

    private async Task RefuseAsync(HttpContext context, string method, string? grant, int status, string body)
    {
        Requests.Enqueue(new TokenRequest(method, grant, null, "", false, null));
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body);
    }
}
