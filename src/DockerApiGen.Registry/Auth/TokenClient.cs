using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using DockerApiGen.Registry.Errors;
using DockerApiGen.Registry.Json;
using DockerApiGen.Runtime.Auth;
using DockerApiGen.Runtime.Errors;

namespace DockerApiGen.Registry.Auth;

/// <summary>
/// Asks a token server for a bearer token: with a refresh token (an identity token, or one the server gave before)
/// by the OAuth2 form POST; with a password by GET and Basic credentials (or by the OAuth2 password grant when the
/// options ask, falling back to GET where POST is not served); anonymously by GET. Requests go through the
/// handler chain below the authentication handler, so rate limits apply to them too.
/// </summary>
internal sealed class TokenClient(
    RegistryAuthenticationOptions options,
    TokenCache cache,
    Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> send)
{
    private const int DefaultLifetimeSeconds = 60;
    private readonly ConcurrentDictionary<string, bool> _postNotServed = new(StringComparer.Ordinal);

    public async Task<RegistryToken> FetchAsync(string registry, Uri realm, string service, TokenScope scope, RegistryCredentials? login, CancellationToken cancellationToken)
    {
        var realmKey = realm.AbsoluteUri;
        var password = login is { Username: { Length: > 0 }, Password: { } p } ? p : null;
        var identityToken = login?.IdentityToken is { Length: > 0 } identity ? identity : null;
        var refreshToken = identityToken ?? cache.GetRefreshToken(realmKey, service);

        if (refreshToken is not null)
        {
            var form = Form(("grant_type", "refresh_token"), ("refresh_token", refreshToken), ("service", service), ("client_id", options.ClientId), ("scope", scope.ToString()));
            using var response = await PostAsync(realm, form, cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return await ReadTokenAsync(registry, realm, service, scope, response, cancellationToken).ConfigureAwait(false);
            }

            var notServed = response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed;
            if (identityToken is not null && password is null)
            {
                var detail = await ReadErrorTextAsync(response, [refreshToken], cancellationToken).ConfigureAwait(false);
                throw notServed
                    ? new RegistryAuthenticationException(RegistryAuthenticationFailure.TokenServerFailed, registry,
                        $"The token server {Where(realm)} for {registry} does not take the OAuth2 form POST ({(int)response.StatusCode}), which an identity token needs. Log in to {registry} with a user name and password instead.", response.StatusCode)
                    : new RegistryAuthenticationException(RegistryAuthenticationFailure.CredentialsRefused, registry,
                        $"The token server {Where(realm)} for {registry} refused the identity token ({(int)response.StatusCode}{detail}); it may have expired or been revoked. Log in again ('docker login {registry}').", response.StatusCode);
            }

            if (notServed)
            {
                _postNotServed[realmKey] = true;
            }

            // A refresh token the server gave earlier no longer works: forget it and use the password.
            cache.SetRefreshToken(realmKey, service, null);
        }

        if (password is not null && options.UseOAuthPasswordGrant && !_postNotServed.ContainsKey(realmKey))
        {
            var form = Form(("grant_type", "password"), ("username", login!.Username!), ("password", password), ("service", service),
                ("client_id", options.ClientId), ("access_type", "offline"), ("scope", scope.ToString()));
            using var response = await PostAsync(realm, form, cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return await ReadTokenAsync(registry, realm, service, scope, response, cancellationToken).ConfigureAwait(false);
            }

            if (response.StatusCode is not (HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed))
            {
                throw await RefusedAsync(registry, realm, login, response, [password], cancellationToken).ConfigureAwait(false);
            }

            _postNotServed[realmKey] = true;
        }

        using (var request = new HttpRequestMessage(HttpMethod.Get, GetUri(realm, service, scope, login?.Username)))
        {
            if (password is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(login!.Username + ":" + password)));
            }

            using var response = await send(request, cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return await ReadTokenAsync(registry, realm, service, scope, response, cancellationToken).ConfigureAwait(false);
            }

            throw await RefusedAsync(registry, realm, password is null ? null : login, response, password is null ? [] : [password], cancellationToken).ConfigureAwait(false);
        }
    }

    private Uri GetUri(Uri realm, string service, TokenScope scope, string? account)
    {
        var query = new StringBuilder(realm.Query.TrimStart('?'));
        void Add(string name, string value) => query.Append(query.Length > 0 ? "&" : "").Append(name).Append('=').Append(Uri.EscapeDataString(value));
        if (service.Length > 0)
        {
            Add("service", service);
        }

        foreach (var resource in scope.Resources)
        {
            Add("scope", resource.ToString());
        }

        Add("client_id", options.ClientId);
        if (!string.IsNullOrEmpty(account))
        {
            Add("account", account);
        }

        return new UriBuilder(realm) { Query = query.ToString() }.Uri;
    }

    private async Task<HttpResponseMessage> PostAsync(Uri realm, FormUrlEncodedContent form, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, realm) { Content = form };
        return await send(request, cancellationToken).ConfigureAwait(false);
    }

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields)
        => new(fields.Where(f => f.Value.Length > 0 || f.Name == "scope").Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    private async Task<RegistryToken> ReadTokenAsync(string registry, Uri realm, string service, TokenScope scope, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await RegistryApiException.ReadBoundedAsync(response.Content, cancellationToken).ConfigureAwait(false);
        TokenResponse? parsed = null;
        try
        {
            parsed = JsonSerializer.Deserialize(body, RegistryJsonContext.Default.TokenResponse);
        }
        catch (JsonException)
        {
            // Reported below without the body, which may hold a secret.
        }

        var value = parsed?.Token is { Length: > 0 } token ? token : parsed?.AccessToken is { Length: > 0 } access ? access : null;
        if (value is null)
        {
            throw new RegistryAuthenticationException(RegistryAuthenticationFailure.TokenServerFailed, registry,
                $"The token server {Where(realm)} for {registry} answered {(int)response.StatusCode} with {(parsed is null ? "a body that is not JSON" : "JSON without 'token' or 'access_token'")} "
                + $"({response.Content.Headers.ContentType?.MediaType ?? "no content type"}, {body.Length} bytes). Check the registry's token realm.", response.StatusCode);
        }

        var now = options.TimeProvider.GetUtcNow();
        var lifetime = TimeSpan.FromSeconds(parsed!.ExpiresIn is > 0 and var seconds ? seconds : DefaultLifetimeSeconds);
        var expiresAt = now + lifetime;
        if (DateTimeOffset.TryParse(parsed.IssuedAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var issuedAt)
            && issuedAt < now && issuedAt + lifetime > now)
        {
            // Counted from issued_at when the server's clock is behind ours, so that the token is not kept too long.
            expiresAt = issuedAt + lifetime;
        }

        if (parsed.RefreshToken is { Length: > 0 } refresh)
        {
            cache.SetRefreshToken(realm.AbsoluteUri, service, refresh);
        }

        return new RegistryToken(value, scope, now, expiresAt);
    }

    private static async Task<RegistryAuthenticationException> RefusedAsync(string registry, Uri realm, RegistryCredentials? login, HttpResponseMessage response, string[] secrets, CancellationToken cancellationToken)
    {
        var detail = await ReadErrorTextAsync(response, secrets, cancellationToken).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden || (response.StatusCode == HttpStatusCode.BadRequest && detail.Contains("invalid_grant", StringComparison.Ordinal)))
        {
            var message = login is null
                ? $"The token server {Where(realm)} for {registry} refused an anonymous token ({status}{detail}). The registry needs credentials: pass them, or run 'docker login {registry}'."
                : $"The token server {Where(realm)} for {registry} refused the credentials of user '{login.Username}' ({status}{detail}). Check the user name and password.";
            return new RegistryAuthenticationException(RegistryAuthenticationFailure.CredentialsRefused, registry, message, response.StatusCode);
        }

        return new RegistryAuthenticationException(RegistryAuthenticationFailure.TokenServerFailed, registry,
            $"The token server {Where(realm)} for {registry} failed: {status} {response.StatusCode}{detail}.", response.StatusCode);
    }

    /// <summary>The server's own explanation (OAuth2 <c>error_description</c>, a registry error, or short text), with any secret masked.</summary>
    private static async Task<string> ReadErrorTextAsync(HttpResponseMessage response, string[] secrets, CancellationToken cancellationToken)
    {
        var body = await RegistryApiException.ReadBoundedAsync(response.Content, cancellationToken).ConfigureAwait(false);
        string? text = null;
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                var error = root.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
                var description = root.TryGetProperty("error_description", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
                text = error is null && description is null ? null : string.Join(": ", new[] { error, description }.Where(s => s is not null));
                text ??= string.Join("; ", RegistryApiException.ReadErrors(body).Select(r => r.ToString()));
            }
        }
        catch (JsonException)
        {
            text = Encoding.UTF8.GetString(body.AsSpan(0, Math.Min(body.Length, 200))).Trim();
        }

        return ErrorText.Clean(text, secrets) is { } clean ? ", " + clean : "";
    }

    private static string Where(Uri realm) => realm.GetLeftPart(UriPartial.Path);
}
