namespace DockerApiGen.Generator.Model;

/// <summary>One operation (path + method) of the API.</summary>
/// <param name="OperationId">The spec's operation id.</param>
/// <param name="Method">The HTTP method, upper case.</param>
/// <param name="Path">The path template, e.g. <c>/containers/{id}/json</c>.</param>
/// <param name="Tag">The first tag (the area: Container, Image…).</param>
/// <param name="Summary">The spec's summary.</param>
/// <param name="Description">The spec's description.</param>
/// <param name="IsDeprecated">Marked deprecated.</param>
/// <param name="Parameters">Parameters in spec order (path, query, header, body).</param>
/// <param name="Responses">Responses ordered by status code.</param>
/// <param name="Consumes">Request content types.</param>
/// <param name="Produces">Response content types.</param>
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
    string SchemaPointer);

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
    string SchemaPointer);

/// <summary>One documented response of an operation.</summary>
/// <param name="StatusCode">The status code (or <c>default</c>).</param>
/// <param name="Description">The spec's description.</param>
/// <param name="Type">The body type, or null when the spec gives no schema.</param>
/// <param name="Headers">Documented response headers.</param>
public sealed record ResponseModel(string StatusCode, string? Description, TypeRef? Type, IReadOnlyList<HeaderModel> Headers);

/// <summary>A documented response header.</summary>
/// <param name="Name">The header name.</param>
/// <param name="Type">Its type.</param>
/// <param name="Description">The spec's description.</param>
public sealed record HeaderModel(string Name, TypeRef Type, string? Description);
