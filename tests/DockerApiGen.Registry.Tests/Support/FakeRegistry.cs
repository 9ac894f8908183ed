using System.Net;
using System.Text;
using DockerApiGen.Registry.Auth;
using DockerApiGen.Registry.Http;
using DockerApiGen.Runtime.Http;

namespace DockerApiGen.Registry.Tests.Support;

/// <summary>
/// An in-memory registry with a token server (or Basic auth), behaving as docker-registry 2.8 does (see
/// token-auth-here.md): tokens are opaque strings mapped to the access granted and an expiry on a fake clock; rights
/// are checked per request; refusals are 401 with a challenge whose <c>error</c> says why. Everything is recorded.
/// </summary>
internal sealed class FakeRegistry : HttpMessageHandler
{
    public const string Password = "s3cret-pa55word";
    private readonly Dictionary<string, (TokenScope Granted, DateTimeOffset ExpiresAt)> _issued = [];
    private readonly Dictionary<string, string> _refreshTokens = []; // refresh token -> user
    private int _counter;

    public FakeRegistry(TimeProvider time) => Time = time;

    public TimeProvider Time { get; }

    public Uri RegistryUri { get; init; } = new("https://registry.test/");

    public string Realm { get; set; } = "https://auth.test/token";

    public string Service { get; init; } = "registry.test";

    /// <summary>Basic instead of the token flow.</summary>
    public bool UseBasic { get; init; }

    /// <summary>User → password known to the token server (or the Basic registry).</summary>
    public Dictionary<string, string> Users { get; } = new() { ["alice"] = Password, ["reader"] = Password };

    /// <summary>Which actions a user (null: anonymous) has on a repository.</summary>
    public Func<string?, string, string[]> Rights { get; set; } = (user, repository) => user switch
    {
        "alice" => ["pull", "push", "delete"],
        "reader" => ["pull"],
        _ => repository.StartsWith("public/", StringComparison.Ordinal) ? ["pull"] : [],
    };

    public int ExpiresIn { get; set; } = 300;

    public bool ServePost { get; set; } = true;

    public bool IssueRefreshTokens { get; set; } = true;

    /// <summary>Overrides the WWW-Authenticate header of the registry's 401 answers.</summary>
    public string? ChallengeOverride { get; set; }

    /// <summary>Extra access a request needs beyond what its method and path need (a stricter registry).</summary>
    public Func<HttpRequestMessage, TokenScope>? ExtraNeeded { get; set; }

    /// <summary>Answers the token server gives before it works normally again (e.g. 429s).</summary>
    public Queue<Func<HttpResponseMessage>> TokenServerAnswers { get; } = new();

    public List<TokenRequest> TokenRequests { get; } = [];

    public List<(string Method, string Path, string? AuthScheme, int Status)> RegistryRequests { get; } = [];

    public IEnumerable<int> RegistryStatuses => RegistryRequests.Select(r => r.Status);

    public sealed record TokenRequest(string Method, string? GrantType, string? User, bool BasicHeader, TokenScope Scope, IReadOnlyDictionary<string, string> Fields);

    /// <summary>A client through the real handler chain (authentication and rate limits) onto this fake.</summary>
    public HttpClient CreateClient(RegistryAuthenticationOptions? options = null, RateLimitOptions? rateLimit = null)
    {
        options ??= new RegistryAuthenticationOptions();
        var withClock = new RegistryAuthenticationOptions
        {
            Credentials = options.Credentials,
            ClientId = options.ClientId,
            UseOAuthPasswordGrant = options.UseOAuthPasswordGrant,
            AllowCredentialsOverPlainHttp = options.AllowCredentialsOverPlainHttp,
            MaxRenewalMargin = options.MaxRenewalMargin,
            TimeProvider = Time,
        };
        var handler = new RegistryAuthenticationHandler(withClock)
        {
            InnerHandler = new RateLimitHandler(rateLimit ?? new RateLimitOptions { TimeProvider = Time }) { InnerHandler = this },
        };
        return new HttpClient(handler) { BaseAddress = RegistryUri };
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var response = uri.GetLeftPart(UriPartial.Path) == new Uri(Realm).GetLeftPart(UriPartial.Path)
            ? TokenEndpoint(request, body)
            : uri.Authority == RegistryUri.Authority ? Registry(request) : new HttpResponseMessage(HttpStatusCode.BadGateway);
        response.RequestMessage = request;
        return response;
    }

    private HttpResponseMessage TokenEndpoint(HttpRequestMessage request, byte[] body)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var scopes = new List<string>();
        var source = request.Method == HttpMethod.Post ? Encoding.UTF8.GetString(body) : request.RequestUri!.Query.TrimStart('?');
        foreach (var pair in source.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            var name = Uri.UnescapeDataString(parts[0]);
            var value = parts.Length > 1 ? Uri.UnescapeDataString(parts[1].Replace('+', ' ')) : "";
            if (name == "scope")
            {
                scopes.Add(value);
            }

            fields[name] = value;
        }

        var scope = TokenScope.Parse(string.Join(' ', scopes));
        string? user = null;
        var basic = request.Headers.Authorization is { Scheme: "Basic" } auth;
        if (basic)
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(request.Headers.Authorization!.Parameter!)).Split(':', 2);
            user = decoded[0];
            if (!Users.TryGetValue(user, out var password) || password != decoded[1])
            {
                return Record(request, null, user, basic, scope, fields, Json(HttpStatusCode.Unauthorized, """{"details":"incorrect username or password"}"""));
            }
        }

        fields.TryGetValue("grant_type", out var grant);
        if (request.Method == HttpMethod.Post)
        {
            if (!ServePost)
            {
                return Record(request, grant, null, basic, scope, fields, new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new StringContent("404 page not found") });
            }

            if (grant == "password")
            {
                user = fields.GetValueOrDefault("username");
                if (user is null || !Users.TryGetValue(user, out var password) || password != fields.GetValueOrDefault("password"))
                {
                    return Record(request, grant, user, basic, scope, fields, Json(HttpStatusCode.Unauthorized, """{"error":"invalid_grant","error_description":"bad credentials"}"""));
                }
            }
            else if (grant == "refresh_token")
            {
                if (!_refreshTokens.TryGetValue(fields.GetValueOrDefault("refresh_token") ?? "", out user))
                {
                    return Record(request, grant, null, basic, scope, fields, Json(HttpStatusCode.BadRequest, """{"error":"invalid_grant","error_description":"unknown refresh token"}"""));
                }
            }
            else
            {
                return Record(request, grant, null, basic, scope, fields, Json(HttpStatusCode.BadRequest, """{"error":"unsupported_grant_type"}"""));
            }
        }

        if (TokenServerAnswers.TryDequeue(out var canned))
        {
            return Record(request, grant, user, basic, scope, fields, canned());
        }

        // Grant the intersection of what was asked and what the user may do (never an error, as the spec says).
        var granted = TokenScope.Of(scope.Resources
            .Select(r => new ResourceScope(r.Type, r.Name, r.Actions.Intersect(r.Type == "registry" ? (user is null ? [] : ["*"]) : Rights(user, r.Name))))
            .Where(r => r.Actions.Count > 0));
        var token = $"token-{++_counter}";
        _issued[token] = (granted, Time.GetUtcNow().AddSeconds(ExpiresIn));
        var refresh = "";
        if (user is not null && IssueRefreshTokens && (fields.GetValueOrDefault("access_type") == "offline" || fields.GetValueOrDefault("offline_token") == "true" || grant == "refresh_token"))
        {
            var value = grant == "refresh_token" ? fields["refresh_token"] : $"refresh-{_counter}";
            _refreshTokens[value] = user;
            refresh = $",\"refresh_token\":\"{value}\"";
        }

        var field = request.Method == HttpMethod.Post ? "access_token" : "token";
        return Record(request, grant, user, basic, scope, fields, Json(HttpStatusCode.OK, $"{{\"{field}\":\"{token}\",\"expires_in\":{ExpiresIn}{refresh}}}"));
    }

    public void AddRefreshToken(string value, string user) => _refreshTokens[value] = user;

    public void RevokeAll() => _issued.Clear();

    private HttpResponseMessage Record(HttpRequestMessage request, string? grant, string? user, bool basic, TokenScope scope, Dictionary<string, string> fields, HttpResponseMessage response)
    {
        TokenRequests.Add(new TokenRequest(request.Method.Method, grant, user, basic, scope, fields));
        return response;
    }

    private HttpResponseMessage Registry(HttpRequestMessage request)
    {
        var auth = request.Headers.Authorization;
        HttpResponseMessage Answer(HttpResponseMessage response)
        {
            RegistryRequests.Add((request.Method.Method, request.RequestUri!.AbsolutePath, auth?.Scheme, (int)response.StatusCode));
            return response;
        }

        if (UseBasic)
        {
            if (auth is { Scheme: "Basic" })
            {
                var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(auth.Parameter!)).Split(':', 2);
                if (Users.TryGetValue(decoded[0], out var password) && password == decoded[1])
                {
                    return Answer(Json(HttpStatusCode.OK, "{}"));
                }
            }

            return Answer(Unauthorized(ChallengeOverride ?? "Basic realm=\"fake\""));
        }

        var needed = RequiredScope.For(request.Method, request.RequestUri!);
        if (ExtraNeeded?.Invoke(request) is { } extra)
        {
            needed = needed.Union(extra);
        }

        var challenge = $"Bearer realm=\"{Realm}\",service=\"{Service}\"" + (needed.IsEmpty ? "" : $",scope=\"{needed}\"");
        if (auth is not { Scheme: "Bearer" })
        {
            return Answer(Unauthorized(ChallengeOverride ?? challenge));
        }

        if (!_issued.TryGetValue(auth.Parameter!, out var issued) || issued.ExpiresAt <= Time.GetUtcNow())
        {
            return Answer(Unauthorized(ChallengeOverride ?? challenge + ",error=\"invalid_token\""));
        }

        if (!issued.Granted.Covers(needed))
        {
            return Answer(Unauthorized(ChallengeOverride ?? challenge + ",error=\"insufficient_scope\""));
        }

        return Answer(Json(HttpStatusCode.OK, "{}"));
    }

    private static HttpResponseMessage Unauthorized(string challenge)
    {
        var response = Json(HttpStatusCode.Unauthorized, """{"errors":[{"code":"UNAUTHORIZED","message":"authentication required","detail":null}]}""");
        response.Headers.TryAddWithoutValidation("WWW-Authenticate", challenge);
        return response;
    }

    public static HttpResponseMessage Json(HttpStatusCode status, string json)
        => new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
}
