using DockerApiGen.Contract.Tests.Server;
using DockerApiGen.Contract.Tests.Spec;

namespace DockerApiGen.Contract.Tests.Validation;

/// <summary>What the server made of one request.</summary>
/// <param name="Route">The operation it matched and its path values.</param>
/// <param name="Violations">Everything in it that breaks the spec.</param>
public sealed record ValidationResult(Route Route, IReadOnlyList<Violation> Violations);

/// <summary>Checks a whole request against its spec: route, path, query, headers, body.</summary>
/// <param name="spec">The version's spec.</param>
public sealed class RequestValidator(ContractSpec spec)
{
    private readonly OperationRouter _router = new(spec);

    /// <summary>Validates a request.</summary>
    /// <param name="request">The request.</param>
    public ValidationResult Validate(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var violations = new List<Violation>();
        if (request.Protocol != "HTTP/1.1")
        {
            violations.Add(new Violation("request line", $"speaks {request.Protocol}, not HTTP/1.1."));
        }

        var route = _router.Match(request.Method, request.RawPath, violations);
        if (route.Operation is not { } operation)
        {
            return new ValidationResult(route, violations);
        }

        foreach (var parameter in operation.In(ParameterLocation.Path))
        {
            if (!route.PathValues.TryGetValue(parameter.Name, out var value) || value.Length == 0)
            {
                violations.Add(new Violation($"path parameter '{parameter.Name}'", "is empty or missing."));
            }
        }

        QueryValidator.Validate(request.RawQuery, operation, violations);
        HeaderValidator.Validate(request, operation, violations);
        BodyValidator.Validate(request, operation, spec.Schemas, violations);
        return new ValidationResult(route, violations);
    }
}
