using System.Text.Json.Serialization;

namespace DockerApiGen.Hub.Json;

// The token endpoints' bodies, as both Hub snapshots describe them. They hold secrets: never logged or printed.

/// <summary><c>POST /v2/auth/token</c>'s body.</summary>
internal sealed class AccessTokenRequest
{
    [JsonPropertyName("identifier")]
    public required string Identifier { get; init; }

    [JsonPropertyName("secret")]
    public required string Secret { get; init; }
}

/// <summary><c>POST /v2/users/login</c>'s body.</summary>
internal sealed class UsersLoginRequest
{
    [JsonPropertyName("username")]
    public required string Username { get; init; }

    [JsonPropertyName("password")]
    public required string Password { get; init; }
}

/// <summary><c>POST /v2/users/2fa-login</c>'s body.</summary>
internal sealed class TwoFactorLoginRequest
{
    [JsonPropertyName("login_2fa_token")]
    public required string LoginToken { get; init; }

    [JsonPropertyName("code")]
    public required string Code { get; init; }
}

/// <summary>
/// Any token endpoint's answer: <c>access_token</c> (<c>/v2/auth/token</c>), <c>token</c> (<c>/v2/users/login</c>,
/// <c>/v2/users/2fa-login</c>), or, on 401, <c>detail</c> and <c>login_2fa_token</c> when a second factor is needed.
/// </summary>
internal sealed class TokenAnswer
{
    [JsonPropertyName("access_token")]
    public string? AccessToken { get; set; }

    [JsonPropertyName("token")]
    public string? Token { get; set; }

    [JsonPropertyName("login_2fa_token")]
    public string? LoginTwoFactorToken { get; set; }

    [JsonPropertyName("detail")]
    public string? Detail { get; set; }

    [JsonPropertyName("message")]
    public string? Message { get; set; }
}
