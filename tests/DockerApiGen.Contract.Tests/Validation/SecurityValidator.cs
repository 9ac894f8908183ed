using DockerApiGen.Contract.Tests.Server;
using DockerApiGen.Contract.Tests.Spec;

namespace DockerApiGen.Contract.Tests.Validation;

/// <summary>What the server made of a request's credentials.</summary>
/// <param name="Token">The accepted bearer token, if the request carried one.</param>
/// <param name="Refused">Whether the request lacks credentials the operation needs (the server answers 401).</param>
public sealed record SecurityResult(string? Token, bool Refused);

/// <summary>
/// Checks a request's credentials against the security its OpenAPI 3 operation declares, when the server has a
/// <see cref="TokenAuthority"/>: an operation that needs a bearer scheme must carry <c>Authorization: Bearer</c> with a
/// token the authority accepts for one of its requirements; an operation declared without security
/// (<c>security: []</c>, the token endpoints) must carry none. Where a spec declares nothing (2024-08's lists) any
/// credentials are accepted, as the Hub does.
/// </summary>
public static class SecurityValidator
{
    /// <summary>Checks a request.</summary>
    /// <param name="request">The request.</param>
    /// <param name="operation">Its operation.</param>
    /// <param name="spec">The spec (its security schemes).</param>
    /// <param name="authority">The server's tokens.</param>
    /// <param name="violations">Where problems are reported.</param>
    public static SecurityResult Check(HttpRequest request, SpecOperation operation, ContractSpec spec, TokenAuthority authority, ICollection<Violation> violations)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(authority);
        ArgumentNullException.ThrowIfNull(violations);
        var authorization = request.Header("Authorization");
        if (operation.IsAnonymousByDeclaration)
        {
            if (authorization is not null)
            {
                violations.Add(new Violation("header Authorization", $"is sent, but {operation.OperationId} declares no security (security: []): credentials must not go there."));
            }

            return new SecurityResult(null, false);
        }

        var token = authorization is { } value && value.StartsWith("Bearer ", StringComparison.Ordinal) ? value["Bearer ".Length..].Trim() : null;
        if (!operation.RequiresAuthentication)
        {
            return new SecurityResult(token, false);
        }

        var refusals = new List<string>();
        foreach (var requirement in operation.Security!)
        {
            var problems = requirement.Select(scheme => Refusal(spec, scheme, token, authority)).OfType<string>().ToList();
            if (problems.Count == 0)
            {
                return new SecurityResult(token, false);
            }

            refusals.AddRange(problems);
        }

        violations.Add(new Violation("header Authorization", authorization is null
            ? $"is missing; {operation.OperationId} requires {string.Join(" or ", operation.Security!.Select(r => string.Join(" and ", r)))}."
            : string.Join(" ", refusals.Distinct(StringComparer.Ordinal))));
        return new SecurityResult(null, true);
    }

    private static string? Refusal(ContractSpec spec, string scheme, string? token, TokenAuthority authority)
    {
        if (!spec.SecuritySchemes.TryGetValue(scheme, out var declared))
        {
            return $"The spec names the scheme '{scheme}' without declaring it.";
        }

        if ((string?)declared["type"] != "http" || !string.Equals((string?)declared["scheme"], "bearer", StringComparison.OrdinalIgnoreCase))
        {
            return $"The scheme '{scheme}' is not an http bearer scheme, which this server cannot check.";
        }

        return token is null ? $"A bearer token ({scheme}) is missing." : authority.Refusal(scheme, token) is { } why ? $"The bearer token {why}" : null;
    }
}
