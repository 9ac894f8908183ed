using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using DockerApiGen.Registry.Errors;
using DockerApiGen.Registry.Http;
using DockerApiGen.Runtime.Auth;
using DockerApiGen.Runtime.Http;

namespace DockerApiGen.Registry.Auth;

/// <summary>
/// Authenticates requests to registries, for any <see cref="HttpClient"/>: anonymous, Basic, or Docker's token flow.
/// </summary>
/// <remarks>
/// <para>On a 401 the registry's challenge says how: <c>Basic</c> sends the login for that registry;
/// <c>Bearer realm=…,service=…,scope=…</c> gets a token from the realm (see <see cref="RegistryAuthenticationOptions"/>
/// for how) for the challenge's scope plus the scope the request needs, and sends the request again with it. Once a
/// registry's challenge is known, later requests are authorised up front: tokens are cached per realm, service and
/// scope, reused for any request they cover, and renewed shortly before they expire. A challenge asking for more
/// (pull, then pull and push) gets a token for more. A request whose body cannot be sent twice (a streamed upload)
/// first learns the challenge from <c>GET /v2/</c>.</para>
/// <para>Failures throw: <see cref="RegistryAuthenticationException"/> when credentials are refused, a challenge is
/// malformed, a token server fails or secrets would travel unprotected; <see cref="RegistryAccessDeniedException"/>
/// when the registry still refuses (no credentials, or a token without the right, e.g. push or delete). Credentials go
/// only over TLS or to loopback (unless allowed per host), a token only to the registry that asked for it, and no
/// secret appears in a message. A request that already carries an <c>Authorization</c> header is passed through.</para>
/// </remarks>
public sealed class RegistryAuthenticationHandler : DelegatingHandler
{
    private readonly RegistryAuthenticationOptions _options;
    private readonly TokenCache _cache;
    private readonly TokenClient _tokens;
    private readonly TransportSecurity _security;
    private readonly ConcurrentDictionary<string, RegistryState> _registries = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates the handler; set <see cref="DelegatingHandler.InnerHandler"/> or use it in a chain.</summary>
    /// <param name="options">Credentials and token settings; null for anonymous access.</param>
    public RegistryAuthenticationHandler(RegistryAuthenticationOptions? options = null)
    {
        _options = options ?? new RegistryAuthenticationOptions();
        _cache = new TokenCache(_options.TimeProvider, _options.MaxRenewalMargin);
        _tokens = new TokenClient(_options, _cache, base.SendAsync);
        _security = new TransportSecurity(_options.AllowCredentialsOverPlainHttp);
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Headers.Authorization is not null || request.RequestUri is not { IsAbsoluteUri: true } uri)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var registry = uri.Authority;
        var state = _registries.GetOrAdd(uri.GetLeftPart(UriPartial.Authority), _ => new RegistryState());
        var needed = RequiredScope.For(request.Method, uri);
        if (state.Challenge is null && !state.Probed && !ReplayableContent.CanResend(request))
        {
            await ProbeAsync(uri, state, cancellationToken).ConfigureAwait(false);
        }

        var sent = await AuthorizeAsync(request, uri, state, needed, forceFresh: false, cancellationToken).ConfigureAwait(false);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        AuthenticationChallenge? challenge = null;
        var noLogin = false;
        for (var round = 0; response.StatusCode == HttpStatusCode.Unauthorized && round < 2; round++)
        {
            var challenges = ChallengeParser.Parse(response, registry);
            challenge = challenges.FirstOrDefault(c => c.IsBearer) ?? challenges.FirstOrDefault(c => c.IsBasic);
            if (challenge is null)
            {
                if (challenges.Count > 0)
                {
                    response.Dispose();
                    var schemes = string.Join(", ", challenges.Select(c => c.Scheme));
                    throw new RegistryChallengeException(registry, schemes, 0, $"the registry asks for {schemes}; this client speaks Bearer (token) and Basic.", RegistryAuthenticationFailure.UnsupportedScheme);
                }

                break;
            }

            var wanted = needed;
            if (challenge.IsBearer)
            {
                var (realm, service) = ReadBearer(challenge, registry);
                wanted = ReadScope(challenge, registry).Union(needed);
                if (sent.Token is { } refused)
                {
                    _cache.Remove(realm.AbsoluteUri, service, refused);
                }

                if (sent.Fresh && sent.Scope!.Covers(wanted))
                {
                    // A token just issued for this very access was refused: asking again would not help.
                    break;
                }
            }
            else if (sent.Basic)
            {
                response.Dispose();
                var login = await GetLoginAsync(registry, cancellationToken).ConfigureAwait(false);
                throw new RegistryAuthenticationException(RegistryAuthenticationFailure.CredentialsRefused, registry,
                    $"The registry {registry} refused the credentials of user '{login?.Username}' (401). Check the user name and password.", HttpStatusCode.Unauthorized);
            }

            state.Challenge = challenge;
            if (challenge.IsBasic && await GetLoginAsync(registry, cancellationToken).ConfigureAwait(false) is not { Username.Length: > 0, Password: not null })
            {
                noLogin = true;
                break;
            }

            if (!ReplayableContent.CanResend(request))
            {
                response.Dispose();
                throw new RegistryAuthenticationException(RegistryAuthenticationFailure.BodyNotReplayable, registry,
                    $"The registry {registry} asked for authentication after the body of {request.Method} {RegistryRequestTarget.From(uri).Describe()} was sent, and a streamed body cannot be sent twice. "
                    + "Authenticate first (any small request to the registry), then send the body.");
            }

            response.Dispose();
            sent = await AuthorizeAsync(request, uri, state, wanted, forceFresh: challenge.IsBearer, cancellationToken).ConfigureAwait(false);
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        using (response)
        {
            // The last answer's challenge says why (insufficient_scope, invalid_token).
            var last = ChallengeParser.Parse(response, registry).FirstOrDefault(c => c.IsBearer) ?? challenge;
            var body = await RegistryApiException.ReadBoundedAsync(response.Content, cancellationToken).ConfigureAwait(false);
            var target = RegistryRequestTarget.From(uri);
            var anonymous = noLogin || await GetLoginAsync(registry, cancellationToken).ConfigureAwait(false) is null;
            var hint = anonymous
                ? $"The registry {registry} needs credentials and none are configured for it: pass them, or run 'docker login {registry}'."
                : null;
            throw new RegistryAccessDeniedException(response.StatusCode, request.Method.Method, target, RegistryApiException.ReadErrors(body), null, last?.Error, CanonicalScope(last?.Scope), hint);
        }
    }

    private async Task ProbeAsync(Uri uri, RegistryState state, CancellationToken cancellationToken)
    {
        using var probe = new HttpRequestMessage(HttpMethod.Get, new Uri(uri, "/v2/"));
        using var response = await base.SendAsync(probe, cancellationToken).ConfigureAwait(false);
        state.Probed = true;
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            var challenges = ChallengeParser.Parse(response, uri.Authority);
            state.Challenge = challenges.FirstOrDefault(c => c.IsBearer) ?? challenges.FirstOrDefault(c => c.IsBasic);
        }
    }

    private async Task<Sent> AuthorizeAsync(HttpRequestMessage request, Uri uri, RegistryState state, TokenScope scope, bool forceFresh, CancellationToken cancellationToken)
    {
        if (state.Challenge is not { } challenge)
        {
            return default;
        }

        var registry = uri.Authority;
        var login = await GetLoginAsync(registry, cancellationToken).ConfigureAwait(false);
        if (challenge.IsBasic)
        {
            if (login is not { Username.Length: > 0, Password: { } password })
            {
                return default;
            }

            _security.CheckRegistry(uri);
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(login.Username + ":" + password)));
            return new Sent(null, false, null, true);
        }

        var (realm, service) = ReadBearer(challenge, registry);
        if (login is not null)
        {
            _security.CheckRegistry(uri);
        }

        _security.CheckRealm(uri, realm, login is not null);
        var token = forceFresh ? null : _cache.Find(realm.AbsoluteUri, service, scope);
        var fresh = false;
        if (token is null)
        {
            await state.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                token = forceFresh ? null : _cache.Find(realm.AbsoluteUri, service, scope);
                if (token is null)
                {
                    token = await _tokens.FetchAsync(registry, realm, service, scope, login, cancellationToken).ConfigureAwait(false);
                    _cache.Add(realm.AbsoluteUri, service, token);
                    fresh = true;
                }
            }
            finally
            {
                state.Gate.Release();
            }
        }

        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Value);
        return new Sent(token.Value, fresh, token.Scope, false);
    }

    private ValueTask<RegistryCredentials?> GetLoginAsync(string registry, CancellationToken cancellationToken)
        => _options.Credentials?.GetAsync(registry, cancellationToken) ?? ValueTask.FromResult<RegistryCredentials?>(null);

    private static (Uri Realm, string Service) ReadBearer(AuthenticationChallenge challenge, string registry)
    {
        if (string.IsNullOrEmpty(challenge.Realm))
        {
            throw new RegistryChallengeException(registry, Describe(challenge), 0, "the Bearer challenge has no realm (the token server's URL), so there is nowhere to get a token.");
        }

        if (!Uri.TryCreate(challenge.Realm, UriKind.Absolute, out var realm) || realm.Scheme is not ("http" or "https"))
        {
            throw new RegistryChallengeException(registry, Describe(challenge), 0, $"the Bearer challenge's realm '{challenge.Realm}' is not an absolute http or https URL.");
        }

        if (realm.UserInfo.Length > 0)
        {
            throw new RegistryChallengeException(registry, Describe(challenge), 0, "the Bearer challenge's realm holds a user name or password; a token server's URL must not.");
        }

        return (realm, challenge.Service ?? "");
    }

    private static TokenScope ReadScope(AuthenticationChallenge challenge, string registry)
    {
        try
        {
            return TokenScope.Parse(challenge.Scope);
        }
        catch (FormatException ex)
        {
            throw new RegistryChallengeException(registry, Describe(challenge), 0, ex.Message);
        }
    }

    /// <summary>
    /// A challenge's scope as <see cref="TokenScope"/> writes it (actions sorted), or as sent when it does not parse:
    /// Docker's registry lists a scope's actions in no fixed order (<c>pull,push</c> or <c>push,pull</c>), and an
    /// error message should not change from one run to the next.
    /// </summary>
    private static string? CanonicalScope(string? scope)
    {
        try
        {
            return TokenScope.Parse(scope) is { IsEmpty: false } parsed ? parsed.ToString() : scope;
        }
        catch (FormatException)
        {
            return scope;
        }
    }

    private static string Describe(AuthenticationChallenge challenge)
        => challenge.Scheme + " " + string.Join(",", challenge.Parameters.Select(p => $"{p.Key}=\"{p.Value}\""));

    /// <summary>What authorised the last attempt: a token (fresh from the server or not, with its scope), Basic, or nothing.</summary>
    private readonly record struct Sent(string? Token, bool Fresh, TokenScope? Scope, bool Basic);

    private sealed class RegistryState
    {
        public volatile AuthenticationChallenge? Challenge;
        public volatile bool Probed;
        public readonly SemaphoreSlim Gate = new(1, 1);
    }
}
