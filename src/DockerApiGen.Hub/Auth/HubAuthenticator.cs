using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DockerApiGen.Hub.Errors;
using DockerApiGen.Hub.Http;
using DockerApiGen.Hub.Json;
using DockerApiGen.Runtime.Http;

namespace DockerApiGen.Hub.Auth;

/// <summary>
/// Holds the client's Docker Hub bearer token: gets it by exchanging the credentials at the token endpoint the
/// options name, renews it shortly before it expires (read from the token's JWT claims, see
/// <see cref="ExpiresAt"/>) and when the Hub refuses it, and answers the Hub's request for a second factor. Calls
/// sign in on their own when they need to; <see cref="LoginAsync"/> signs in up front (to learn early that
/// credentials are wrong, or to take the second factor interactively). Thread-safe: concurrent calls share one
/// sign-in. The token and the secrets never appear in messages or <see cref="ToString"/>.
/// </summary>
public sealed class HubAuthenticator
{
    private const int MaxBodyBytes = 64 * 1024;
    private readonly HubClientOptions _options;
    private readonly Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> _send;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private HubToken? _token;

    internal HubAuthenticator(HubClientOptions options, Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> send)
    {
        _options = options;
        _send = send;
    }

    /// <summary>True when credentials are configured; without them, calls go out anonymously.</summary>
    public bool HasCredentials => _options.Credentials is not null;

    /// <summary>The kind of the configured credentials, or null.</summary>
    public HubCredentialKind? CredentialKind => _options.Credentials?.Kind;

    /// <summary>The configured user or organization name, or null.</summary>
    public string? Identifier => _options.Credentials?.Identifier;

    /// <summary>
    /// When the current token expires, or null when the client holds none. Read from the token (the Hub's answers
    /// carry no lifetime): its JWT lifetime <c>exp − iat</c> counted from when it arrived, else its <c>exp</c>, else
    /// the documented 10 minutes. The client renews it a tenth of its lifetime (at most
    /// <see cref="HubClientOptions.MaxRenewalMargin"/>) before then.
    /// </summary>
    public DateTimeOffset? ExpiresAt => Volatile.Read(ref _token)?.ExpiresAt;

    /// <summary>The token and secrets a message must never show (the connection masks them in the Hub's error texts).</summary>
    internal IEnumerable<string?> Secrets => [_options.Credentials?.Secret, Volatile.Read(ref _token)?.Value, _options.ScimToken];

    /// <summary>
    /// Signs in now, replacing any token the client holds. When the account needs a second factor, the
    /// <see cref="HubClientOptions.TwoFactorCodeProvider"/> answers it if there is one; otherwise the result carries
    /// the challenge, to answer with <see cref="CompleteTwoFactorAsync"/>.
    /// </summary>
    /// <param name="cancellationToken">Cancels signing in.</param>
    /// <exception cref="InvalidOperationException">No credentials are configured.</exception>
    /// <exception cref="HubAuthenticationException">The Hub refused the credentials or the code, or its token endpoint failed.</exception>
    public async Task<HubLoginResult> LoginAsync(CancellationToken cancellationToken = default)
    {
        var credentials = _options.Credentials ?? throw new InvalidOperationException("No credentials are configured: set HubClientOptions.Credentials to sign in.");
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await SignInAsync(credentials, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Answers the Hub's request for a second factor (<c>POST /v2/users/2fa-login</c>) with the code of the account's authenticator app.</summary>
    /// <param name="challenge">The challenge, from <see cref="HubLoginResult.TwoFactorChallenge"/> or <see cref="HubTwoFactorRequiredException.Challenge"/>.</param>
    /// <param name="code">The current one-time code.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="HubAuthenticationException">The Hub refused the code (<see cref="HubAuthenticationFailure.TwoFactorCodeRefused"/>: wrong, or the challenge is too old: sign in again).</exception>
    public async Task<HubLoginResult> CompleteTwoFactorAsync(HubTwoFactorChallenge challenge, string code, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await SendSecondFactorAsync(challenge, code.Trim(), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Forgets the current token; the next call that needs one signs in again.</summary>
    public void SignOut() => Volatile.Write(ref _token, null);

    /// <inheritdoc />
    public override string ToString()
        => $"HubAuthenticator {{ Credentials = {(_options.Credentials is { } c ? $"{c.Kind} '{c.Identifier}'" : "none")}, Endpoint = {_options.LoginEndpoint}, ExpiresAt = {(ExpiresAt is { } at ? at.ToString("O") : "no token")} }}";

    /// <summary>
    /// The token to send, signing in (once, for all concurrent callers) when there is none, it is about to expire, or
    /// it is <paramref name="refused"/>; null without credentials. A second factor with no provider to answer it
    /// throws <see cref="HubTwoFactorRequiredException"/>.
    /// </summary>
    internal async ValueTask<string?> GetTokenAsync(string? refused, CancellationToken cancellationToken)
    {
        if (_options.Credentials is not { } credentials)
        {
            return null;
        }

        if (Usable(refused) is { } current)
        {
            return current;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another caller may have signed in while this one waited.
            if (Usable(refused) is { } renewed)
            {
                return renewed;
            }

            var result = await SignInAsync(credentials, cancellationToken).ConfigureAwait(false);
            return result.TwoFactorChallenge is { } challenge ? throw new HubTwoFactorRequiredException(challenge) : Volatile.Read(ref _token)!.Value;
        }
        finally
        {
            _gate.Release();
        }
    }

    private string? Usable(string? refused)
    {
        var token = Volatile.Read(ref _token);
        return token is not null && token.Value != refused && token.IsFresh(_options.TimeProvider.GetUtcNow(), _options.MaxRenewalMargin) ? token.Value : null;
    }

    /// <summary>Exchanges the credentials for a token at the configured endpoint; called inside the gate.</summary>
    private async Task<HubLoginResult> SignInAsync(HubCredentials credentials, CancellationToken cancellationToken)
    {
        CheckTransport();
        Volatile.Write(ref _token, null);
        if (_options.LoginEndpoint == HubLoginEndpoint.AccessToken)
        {
            var body = new AccessTokenRequest { Identifier = credentials.Identifier, Secret = credentials.Secret };
            using var response = await PostAsync("/v2/auth/token", "AuthCreateAccessToken", body, HubJsonContext.Default.AccessTokenRequest, cancellationToken).ConfigureAwait(false);
            return await ReadAnswerAsync(response, "AuthCreateAccessToken", credentials.Identifier, secondFactor: false, cancellationToken).ConfigureAwait(false);
        }

        if (credentials.Kind == HubCredentialKind.OrganizationAccessToken)
        {
            throw new HubAuthenticationException(HubAuthenticationFailure.InvalidConfiguration,
                $"An organization access token (for '{credentials.Identifier}') signs in only at POST /v2/auth/token; POST /v2/users/login takes users. Set HubClientOptions.LoginEndpoint to HubLoginEndpoint.AccessToken.");
        }

        var login = new UsersLoginRequest { Username = credentials.Identifier, Password = credentials.Secret };
        using (var response = await PostAsync("/v2/users/login", "PostUsersLogin", login, HubJsonContext.Default.UsersLoginRequest, cancellationToken).ConfigureAwait(false))
        {
            var result = await ReadAnswerAsync(response, "PostUsersLogin", credentials.Identifier, secondFactor: false, cancellationToken).ConfigureAwait(false);
            if (result.TwoFactorChallenge is not { } challenge || _options.TwoFactorCodeProvider is not { } provider)
            {
                return result;
            }

            var code = await provider(challenge, cancellationToken).ConfigureAwait(false);
            return string.IsNullOrWhiteSpace(code) ? result : await SendSecondFactorAsync(challenge, code.Trim(), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<HubLoginResult> SendSecondFactorAsync(HubTwoFactorChallenge challenge, string code, CancellationToken cancellationToken)
    {
        CheckTransport();
        var body = new TwoFactorLoginRequest { LoginToken = challenge.LoginToken, Code = code };
        using var response = await PostAsync("/v2/users/2fa-login", "PostUsers2FALogin", body, HubJsonContext.Default.TwoFactorLoginRequest, cancellationToken).ConfigureAwait(false);
        return await ReadAnswerAsync(response, "PostUsers2FALogin", challenge.Username, secondFactor: true, cancellationToken, [code, challenge.LoginToken]).ConfigureAwait(false);
    }

    private async Task<HttpResponseMessage> PostAsync<T>(string path, string operation, T body, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, typeInfo));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, HubAddress.Join(_options.BaseAddress, path)) { Content = content };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.UserAgent.ParseAdd(_options.UserAgent);
        request.Options.Set(HubRequestOptions.Operation, operation);
        try
        {
            return await _send(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new HubConnectionException(_options.BaseAddress, operation, ex);
        }
    }

    /// <summary>Reads a token endpoint's answer: a token (kept), a request for a second factor, or a refusal (thrown).</summary>
    private async Task<HubLoginResult> ReadAnswerAsync(HttpResponseMessage response, string operation, string account, bool secondFactor, CancellationToken cancellationToken, string[]? moreSecrets = null)
    {
        var body = await ResponseBodies.ReadBoundedAsync(response.Content, MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        TokenAnswer? answer = null;
        try
        {
            answer = body.Length == 0 ? null : JsonSerializer.Deserialize(body, HubJsonContext.Default.TokenAnswer);
        }
        catch (JsonException)
        {
            // Reported below without the body, which may hold a secret.
        }

        var where = $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.AbsolutePath}";
        if (response.IsSuccessStatusCode)
        {
            var value = answer?.AccessToken is { Length: > 0 } access ? access : answer?.Token is { Length: > 0 } token ? token : null;
            if (value is null)
            {
                throw new HubAuthenticationException(HubAuthenticationFailure.TokenEndpointFailed,
                    $"Docker Hub answered {(int)response.StatusCode} to {operation} ({where}) with {(answer is null ? "a body that is not JSON" : "JSON without 'access_token' or 'token'")} "
                    + $"({response.Content.Headers.ContentType?.MediaType ?? "no content type"}, {body.Length} bytes). Check HubClientOptions.BaseAddress.", response.StatusCode);
            }

            var now = _options.TimeProvider.GetUtcNow();
            var (expiresAt, source) = JwtLifetime.Read(value, now);
            var issued = new HubToken(value, now, expiresAt, source);
            Volatile.Write(ref _token, issued);
            return HubLoginResult.SignedIn(issued.ExpiresAt);
        }

        if (!secondFactor && answer?.LoginTwoFactorToken is { Length: > 0 } loginToken)
        {
            var detail = HubError.Parse(body, [.. Secrets, loginToken])?.Detail;
            return HubLoginResult.NeedsSecondFactor(new HubTwoFactorChallenge(account, loginToken, detail, _options.TimeProvider.GetUtcNow()));
        }

        var said = HubError.Parse(body, [.. Secrets, .. moreSecrets ?? []])?.Summary is { } summary ? ": " + summary.TrimEnd('.') : "";
        var status = $"{(int)response.StatusCode} {response.StatusCode}";
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            throw secondFactor
                ? new HubAuthenticationException(HubAuthenticationFailure.TwoFactorCodeRefused,
                    $"Docker Hub refused the second-factor code for '{account}' at {operation} ({where}, {status}{said}). Use the current code of the account's authenticator app; if the challenge is older than a few minutes, sign in again.", response.StatusCode)
                : new HubAuthenticationException(HubAuthenticationFailure.CredentialsRefused,
                    $"Docker Hub refused the {Describe(_options.Credentials!.Kind)} of '{account}' at {operation} ({where}, {status}{said}). {Advice(_options.Credentials!.Kind)}", response.StatusCode);
        }

        throw new HubAuthenticationException(HubAuthenticationFailure.TokenEndpointFailed,
            $"Docker Hub's token endpoint failed for {operation} ({where}, {status}{said}). Try again later; check HubClientOptions.BaseAddress if it persists.", response.StatusCode);
    }

    /// <summary>Throws when secrets would travel over plain HTTP to a host that is not loopback.</summary>
    internal void CheckTransport()
    {
        var address = _options.BaseAddress;
        if (address.Scheme != Uri.UriSchemeHttps && !address.IsLoopback)
        {
            throw new HubAuthenticationException(HubAuthenticationFailure.InsecureTransport,
                $"The client does not send Docker Hub credentials to {address.GetLeftPart(UriPartial.Authority)}: it is plain HTTP and not loopback. Use an https:// BaseAddress.");
        }
    }

    private static string Describe(HubCredentialKind kind) => kind switch
    {
        HubCredentialKind.Password => "password",
        HubCredentialKind.PersonalAccessToken => "personal access token",
        _ => "organization access token",
    };

    private static string Advice(HubCredentialKind kind) => kind switch
    {
        HubCredentialKind.Password => "Check the user name and password; where the organization enforces SSO, sign in with a personal access token instead.",
        HubCredentialKind.PersonalAccessToken => "Check the user name and that the token is active and has not expired (Account settings, Personal access tokens).",
        _ => "Check the organization name and that the organization access token is active and has not expired.",
    };
}
