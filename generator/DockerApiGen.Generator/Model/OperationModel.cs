using DockerApiGen.Generator.Naming;

namespace DockerApiGen.Generator.Model;

/// <summary>One operation (path + method) of the API.</summary>
/// <param name="OperationId">The spec's operation id; for an operation without one, the id built from <see cref="PathName"/> (<c>RepositoryListTags</c>).</param>
/// <param name="Method">The HTTP method, upper case.</param>
/// <param name="Path">The path template, e.g. <c>/containers/{id}/json</c>.</param>
/// <param name="Tag">The first tag (the area: Container, Image…).</param>
/// <param name="Summary">The spec's summary.</param>
/// <param name="Description">The spec's description.</param>
/// <param name="IsDeprecated">Marked deprecated.</param>
/// <param name="Parameters">Parameters in spec order (those of the path first); an OpenAPI 3 request body is the last, as a <see cref="ParameterLocation.Body"/> parameter.</param>
/// <param name="Responses">Responses ordered by status code.</param>
/// <param name="Consumes">Request content types (an OpenAPI 3 request body's media types).</param>
/// <param name="Produces">Response content types (in OpenAPI 3, every media type of every response, in order).</param>
/// <param name="SchemaPointer">Where the operation is in the spec.</param>
public sealed record OperationModel(
    string OperationId,
    string Method,
    string Path,
    string Tag,
    string? Summary,
    string? Description,
    bool IsDeprecated,
    IReadOnlyList<ParameterModel> Parameters,
    IReadOnlyList<ResponseModel> Responses,
    IReadOnlyList<string> Consumes,
    IReadOnlyList<string> Produces,
    string SchemaPointer)
{
    /// <summary>
    /// The area and method name derived from method and path (<see cref="OperationNaming"/>), or declared under
    /// <c>operationNames</c> in the family's <c>operations.yaml</c>; computed for every operation.
    /// </summary>
    public OperationName PathName { get; init; } = new("Root", "Call");

    /// <summary>Whether <see cref="OperationId"/> is the spec's own (false: built from <see cref="PathName"/>).</summary>
    public bool HasSpecOperationId { get; init; } = true;

    /// <summary>The request body with each media type's schema (OpenAPI 3 <c>requestBody</c>; a Swagger 2 body parameter with <see cref="Consumes"/>), or null.</summary>
    public RequestBodyModel? RequestBody { get; init; }

    /// <summary>
    /// The security requirements in force: the operation's own, else the document's. Any one requirement
    /// satisfies (OR); all schemes of a requirement are needed (AND); an empty requirement allows anonymous
    /// calls; an empty list means no authentication is declared.
    /// </summary>
    public IReadOnlyList<SecurityRequirementModel> Security { get; init; } = [];

    /// <summary>Every tag of the operation, in spec order (<see cref="Tag"/> is the first).</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];
}

/// <summary>Where a parameter travels.</summary>
public enum ParameterLocation
{
    /// <summary>In the path template.</summary>
    Path,

    /// <summary>In the query string.</summary>
    Query,

    /// <summary>In a header.</summary>
    Header,

    /// <summary>The request body.</summary>
    Body,

    /// <summary>A form field.</summary>
    FormData,

    /// <summary>A cookie (OpenAPI 3).</summary>
    Cookie,
}

/// <summary>One parameter of an operation.</summary>
/// <param name="WireName">The name on the wire.</param>
/// <param name="Name">The C# name (camelCase).</param>
/// <param name="Location">Where it travels.</param>
/// <param name="Type">Its type.</param>
/// <param name="IsRequired">Whether the spec requires it.</param>
/// <param name="DefaultJson">The spec's default as JSON text, if any.</param>
/// <param name="Description">The spec's description.</param>
/// <param name="SchemaPointer">Where it is in the spec.</param>
public sealed record ParameterModel(
    string WireName,
    string Name,
    ParameterLocation Location,
    TypeRef Type,
    bool IsRequired,
    string? DefaultJson,
    string? Description,
    string SchemaPointer)
{
    /// <summary>Marked deprecated.</summary>
    public bool IsDeprecated { get; init; }

    /// <summary>The OpenAPI 3 serialization style (<c>form</c>, <c>simple</c>, <c>deepObject</c>…) when the spec states one.</summary>
    public string? Style { get; init; }

    /// <summary>The OpenAPI 3 <c>explode</c> flag when the spec states one.</summary>
    public bool? Explode { get; init; }

    /// <summary>The key of the parameter component it refers to (<c>#/components/parameters/page</c> → <c>page</c>), or null when declared in place.</summary>
    public string? ComponentKey { get; init; }
}

/// <summary>One documented response of an operation.</summary>
/// <param name="StatusCode">The status code (or <c>default</c>).</param>
/// <param name="Description">The spec's description.</param>
/// <param name="Type">The body type (in OpenAPI 3, that of the JSON media type, else the first), or null when the spec gives no schema.</param>
/// <param name="Headers">Documented response headers.</param>
public sealed record ResponseModel(string StatusCode, string? Description, TypeRef? Type, IReadOnlyList<HeaderModel> Headers)
{
    /// <summary>Each media type the response may have, with its body type (Swagger 2: the operation's <c>produces</c>, all with <see cref="Type"/>).</summary>
    public IReadOnlyList<ContentModel> Contents { get; init; } = [];

    /// <summary>The key of the response component it refers to (<c>#/components/responses/NotFound</c> → <c>NotFound</c>), or null when declared in place.</summary>
    public string? ComponentKey { get; init; }
}

/// <summary>One media type of a request or response body.</summary>
/// <param name="MediaType">The media type (<c>application/json</c>, <c>application/scim+json</c>, <c>text/csv</c>).</param>
/// <param name="Type">Its schema's type, or null when the spec gives none.</param>
public sealed record ContentModel(string MediaType, TypeRef? Type);

/// <summary>The request body of an operation.</summary>
/// <param name="Description">The spec's description.</param>
/// <param name="IsRequired">Whether the body is required.</param>
/// <param name="Contents">Each media type it may be sent as, with its type, in spec order.</param>
/// <param name="SchemaPointer">Where the body is declared for this operation.</param>
public sealed record RequestBodyModel(string? Description, bool IsRequired, IReadOnlyList<ContentModel> Contents, string SchemaPointer)
{
    /// <summary>The key of the request body component it refers to, or null when declared in place.</summary>
    public string? ComponentKey { get; init; }
}

/// <summary>A documented response header.</summary>
/// <param name="Name">The header name.</param>
/// <param name="Type">Its type.</param>
/// <param name="Description">The spec's description.</param>
public sealed record HeaderModel(string Name, TypeRef Type, string? Description);
