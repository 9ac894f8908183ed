using System.Net;
using System.Net.Http.Headers;
using DockerApiGen.Hub.Http;
using DockerApiGen.Runtime.Http;

namespace DockerApiGen.Hub.Auth;

/// <summary>
/// Authorises requests to Docker Hub with a bearer token from its <see cref="Authenticator"/>: signs in when a request
/// needs a token, renews the token before it expires, and when the Hub answers 401 to a token, gets a new one and
/// sends the request once more (once only: a second 401 goes back to the caller). Only requests to the client's
/// base address get a token; the token endpoints themselves get none; SCIM calls (<c>/v2/scim/</c>) get the SCIM
/// API token (<see cref="HubClientOptions.ScimToken"/>) instead, which the Hub issues separately and which is not
/// renewed. Without credentials, requests go out anonymously. A request that already carries an
/// <c>Authorization</c> header is passed through untouched.
/// </summary>
public sealed class HubAuthenticationHandler : DelegatingHandler
{
    private static readonly string[] TokenEndpoints = ["/v2/auth/token", "/v2/users/login", "/v2/users/2fa-login"];
    private readonly HubClientOptions _options;

    /// <summary>Creates the handler; set <see cref="DelegatingHandler.InnerHandler"/> or use it in a chain.</summary>
    /// <param name="options">The base address, credentials and renewal settings.</param>
    /// <exception cref="ArgumentException">The options are invalid (the message says which).</exception>
    public HubAuthenticationHandler(HubClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        Authenticator = new HubAuthenticator(options, base.SendAsync);
    }

    /// <summary>The token holder: sign in up front, answer a second factor, see when the token expires.</summary>
    public HubAuthenticator Authenticator { get; }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Headers.Authorization is not null || request.RequestUri is not { IsAbsoluteUri: true } uri
            || HubAddress.ApiPath(_options.BaseAddress, uri) is not { } path
            || TokenEndpoints.Contains(path.TrimEnd('/'), StringComparer.Ordinal))
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        if (path.StartsWith("/v2/scim/", StringComparison.Ordinal))
        {
            if (_options.ScimToken is { } scim)
            {
                Authenticator.CheckTransport();
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", scim);
            }

            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var token = await Authenticator.GetTokenAsync(refused: null, cancellationToken).ConfigureAwait(false);
        if (token is null)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized || !ReplayableContent.CanResend(request))
        {
            return response;
        }

        // The Hub refused the token (revoked, or expired earlier than its claims said): one new token, one more try.
        response.Dispose();
        var renewed = await Authenticator.GetTokenAsync(refused: token, cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", renewed);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
