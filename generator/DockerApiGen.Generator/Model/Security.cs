namespace DockerApiGen.Generator.Model;

/// <summary>How a security scheme authenticates.</summary>
public enum SecuritySchemeKind
{
    /// <summary>An HTTP authentication scheme (<c>type: http</c>: bearer, basic…; see <see cref="SecuritySchemeModel.Scheme"/>).</summary>
    Http,

    /// <summary>Swagger 2's <c>type: basic</c>.</summary>
    Basic,

    /// <summary>A key in a header, query parameter or cookie.</summary>
    ApiKey,

    /// <summary>OAuth 2 flows.</summary>
    OAuth2,

    /// <summary>OpenID Connect discovery.</summary>
    OpenIdConnect,
}

/// <summary>A declared security scheme.</summary>
/// <param name="Key">Its key, which security requirements name.</param>
/// <param name="Kind">How it authenticates.</param>
/// <param name="Description">The spec's description.</param>
/// <param name="SchemaPointer">Where it is declared.</param>
public sealed record SecuritySchemeModel(string Key, SecuritySchemeKind Kind, string? Description, string SchemaPointer)
{
    /// <summary>The HTTP authentication scheme of an <see cref="SecuritySchemeKind.Http"/> scheme, lower case (<c>bearer</c>, <c>basic</c>).</summary>
    public string? Scheme { get; init; }

    /// <summary>The bearer token's format as documented (<c>JWT</c>).</summary>
    public string? BearerFormat { get; init; }

    /// <summary>Where an API key travels (<c>header</c>, <c>query</c>, <c>cookie</c>).</summary>
    public string? In { get; init; }

    /// <summary>The API key's header, query parameter or cookie name.</summary>
    public string? ParameterName { get; init; }

    /// <summary>The OpenID Connect discovery url.</summary>
    public string? OpenIdConnectUrl { get; init; }

    /// <summary>The OAuth 2 flows.</summary>
    public IReadOnlyList<OAuthFlowModel> Flows { get; init; } = [];
}

/// <summary>One OAuth 2 flow of a security scheme.</summary>
/// <param name="Kind">The flow: <c>implicit</c>, <c>password</c>, <c>clientCredentials</c> or <c>authorizationCode</c>.</param>
/// <param name="AuthorizationUrl">The authorization url, when the flow has one.</param>
/// <param name="TokenUrl">The token url, when the flow has one.</param>
/// <param name="RefreshUrl">The refresh url, when given.</param>
/// <param name="Scopes">The scopes it offers, ordered.</param>
public sealed record OAuthFlowModel(string Kind, string? AuthorizationUrl, string? TokenUrl, string? RefreshUrl, IReadOnlyList<string> Scopes);

/// <summary>One security requirement: every scheme listed is needed (an empty list allows anonymous calls).</summary>
/// <param name="Schemes">The schemes, ordered by key, with the scopes each needs.</param>
public sealed record SecurityRequirementModel(IReadOnlyList<SecuritySchemeUse> Schemes);

/// <summary>A scheme named by a security requirement.</summary>
/// <param name="Scheme">The scheme's key.</param>
/// <param name="Scopes">The scopes needed, in spec order.</param>
public sealed record SecuritySchemeUse(string Scheme, IReadOnlyList<string> Scopes);

/// <summary>A server the API is served from.</summary>
/// <param name="Url">The url (possibly relative, possibly with <c>{variables}</c>).</param>
/// <param name="Description">The spec's description.</param>
/// <param name="Variables">The url's variables, in spec order.</param>
public sealed record ServerModel(string Url, string? Description, IReadOnlyList<ServerVariableModel> Variables);

/// <summary>A variable of a server url.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Default">Its default value.</param>
/// <param name="Values">The values it may take, when listed.</param>
/// <param name="Description">The spec's description.</param>
public sealed record ServerVariableModel(string Name, string Default, IReadOnlyList<string> Values, string? Description);
