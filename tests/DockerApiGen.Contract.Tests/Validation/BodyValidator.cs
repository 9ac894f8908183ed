using System.Text.Json;
using System.Text.Json.Nodes;
using DockerApiGen.Contract.Tests.Server;
using DockerApiGen.Contract.Tests.Spec;

namespace DockerApiGen.Contract.Tests.Validation;

/// <summary>
/// Checks a request's body: none where the spec declares none; JSON bodies as <c>application/json</c> and
/// valid against the body schema; binary bodies (tar, image content) as bytes with a media type the
/// operation consumes. An OpenAPI 3 body must have one of its declared media types and, when that is JSON
/// (<c>application/json</c>, <c>application/scim+json</c>…), fit that media type's schema.
/// </summary>
public static class BodyValidator
{
    /// <summary>Checks the body of a request against its operation.</summary>
    /// <param name="request">The request.</param>
    /// <param name="operation">Its operation.</param>
    /// <param name="schemas">The spec's schemas.</param>
    /// <param name="violations">Where problems are reported.</param>
    public static void Validate(HttpRequest request, SpecOperation operation, SchemaResolver schemas, ICollection<Violation> violations)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(schemas);
        ArgumentNullException.ThrowIfNull(violations);
        var parameter = operation.Body;
        if (parameter is null)
        {
            if (request.Body.Length > 0)
            {
                violations.Add(new Violation("body", $"has {request.Body.Length} bytes, but the spec declares no body."));
            }

            return;
        }

        if (request.Body.Length == 0)
        {
            if (parameter.Required)
            {
                violations.Add(new Violation("body", $"is missing; the spec requires {parameter.Name}."));
            }

            return;
        }

        if (operation.BodyContents is { } contents)
        {
            ValidateOpenApi3(request, operation, contents, schemas, violations);
            return;
        }

        var schema = parameter.Schema ?? throw new InvalidOperationException($"{operation}: body parameter {parameter.Name} has no schema.");
        if (IsBinary(schemas.Resolve(schema)))
        {
            CheckBinaryMediaType(request, operation, violations);
            return;
        }

        if (request.MediaType != "application/json")
        {
            violations.Add(new Violation("header Content-Type", $"is '{request.Header("Content-Type")}', but a JSON body must be application/json (the daemon checks)."));
        }

        ValidateJson(request, schema, schemas, nullAllowed: !parameter.Required, violations);
    }

    private static void ValidateOpenApi3(HttpRequest request, SpecOperation operation, IReadOnlyDictionary<string, JsonNode?> contents, SchemaResolver schemas, ICollection<Violation> violations)
    {
        if (request.MediaType is not { } mediaType || !contents.TryGetValue(mediaType, out var schema))
        {
            violations.Add(new Violation("header Content-Type", $"is '{request.Header("Content-Type")}', but {operation.OperationId} takes {string.Join(" or ", contents.Keys)}."));
            return;
        }

        if (!IsJson(mediaType) || schema is null)
        {
            return;
        }

        ValidateJson(request, schema, schemas, nullAllowed: false, violations);
    }

    private static void ValidateJson(HttpRequest request, JsonNode schema, SchemaResolver schemas, bool nullAllowed, ICollection<Violation> violations)
    {
        JsonNode? body;
        try
        {
            body = JsonNode.Parse(request.Body);
        }
        catch (JsonException ex)
        {
            violations.Add(new Violation("body", $"is not JSON: {ex.Message}"));
            return;
        }

        new JsonSchemaValidator(schemas).Validate(body, schema, string.Empty, nullAllowed, violations);
    }

    /// <summary>Whether a media type is JSON: <c>application/json</c> or a structured <c>+json</c> suffix.</summary>
    /// <param name="mediaType">The media type, without parameters.</param>
    public static bool IsJson(string mediaType)
        => mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);

    // A body declared as a string (build context, archive, image content, plugin tar) is bytes, not JSON.
    private static bool IsBinary(EffectiveSchema schema) => schema.Types is ["string"];

    private static void CheckBinaryMediaType(HttpRequest request, SpecOperation operation, ICollection<Violation> violations)
    {
        // An operation that declares Content-Type as a header parameter (build) has it checked there.
        if (operation.In(ParameterLocation.Header).Any(HeaderValidator.IsContentType))
        {
            return;
        }

        if (request.MediaType is not { } mediaType || !operation.Consumes.Contains(mediaType, StringComparer.OrdinalIgnoreCase))
        {
            violations.Add(new Violation("header Content-Type", $"is '{request.Header("Content-Type")}', but {operation.OperationId} consumes {string.Join(", ", operation.Consumes)}."));
        }
    }
}
