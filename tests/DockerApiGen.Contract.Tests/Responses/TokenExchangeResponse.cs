using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DockerApiGen.Contract.Tests.Server;

namespace DockerApiGen.Contract.Tests.Responses;

/// <summary>
/// The Hub's token endpoints, answered from the server's <see cref="TokenAuthority"/>: <c>POST /v2/auth/token</c>
/// (identifier and secret → <c>access_token</c>), <c>POST /v2/users/login</c> (username and password → <c>token</c>,
/// or, for an account with a second factor, 401 with <c>login_2fa_token</c>) and <c>POST /v2/users/2fa-login</c>
/// (that token and the code → <c>token</c>). Wrong credentials get 401 with <c>detail</c>, as the spec's error bodies.
/// A server without an authority answers these from their schemas, like any operation.
/// </summary>
public sealed class TokenExchangeResponse : WireBehaviour
{
    private readonly Func<JsonObject, TokenAuthority, (int Status, JsonObject Body)> _answer;

    private TokenExchangeResponse(Func<JsonObject, TokenAuthority, (int, JsonObject)> answer) => _answer = answer;

    /// <summary><c>POST /v2/auth/token</c>.</summary>
    public static TokenExchangeResponse AccessToken { get; } = new((body, tokens) =>
        tokens.Matches((string?)body["identifier"], (string?)body["secret"])
            ? (200, new JsonObject { ["access_token"] = tokens.Issue() })
            : (401, Refused("Incorrect authentication credentials")));

    /// <summary><c>POST /v2/users/login</c>.</summary>
    public static TokenExchangeResponse UsersLogin { get; } = new((body, tokens) =>
        !tokens.Matches((string?)body["username"], (string?)body["password"]) ? (401, Refused("Incorrect authentication credentials"))
        : tokens.TwoFactorCode is not null ? (401, new JsonObject { ["detail"] = "Require secondary authentication on MFA enabled account", ["login_2fa_token"] = tokens.Challenge() })
        : (200, new JsonObject { ["token"] = tokens.Issue() }));

    /// <summary><c>POST /v2/users/2fa-login</c>.</summary>
    public static TokenExchangeResponse SecondFactor { get; } = new((body, tokens) =>
        tokens.CompleteChallenge((string?)body["login_2fa_token"], (string?)body["code"])
            ? (200, new JsonObject { ["token"] = tokens.Issue() })
            : (401, Refused("Incorrect authentication code")));

    /// <inheritdoc />
    public override async Task<bool> RespondAsync(ResponseContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Tokens is not { } tokens)
        {
            return await SchemaResponse.Instance.RespondAsync(context, cancellationToken).ConfigureAwait(false);
        }

        JsonObject body;
        try
        {
            body = JsonNode.Parse(context.Request.Body) as JsonObject ?? [];
        }
        catch (JsonException)
        {
            body = []; // the validator has reported it; refuse like the Hub would
        }

        var (status, answer) = _answer(body, tokens);
        var headers = context.ExtraHeaders.Append(new("Content-Type", "application/json"));
        await HttpResponseWriter.WriteAsync(context.Connection, status, headers, Encoding.UTF8.GetBytes(answer.ToJsonString()), context.IsHead, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private static JsonObject Refused(string detail) => new() { ["detail"] = detail };
}
