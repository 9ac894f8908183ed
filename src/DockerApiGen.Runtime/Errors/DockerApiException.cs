using System.Net;
using System.Text.Json;

namespace DockerApiGen.Runtime.Errors;

/// <summary>
/// The daemon answered with a status that is not a success. <see cref="DaemonMessage"/> is the daemon's own
/// <c>{"message": "…"}</c> when it sent one. Subtypes mark the statuses that carry meaning
/// (<see cref="DockerNotFoundException"/>, <see cref="DockerConflictException"/>, <see cref="DockerNotModifiedException"/>).
/// </summary>
public class DockerApiException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="daemonMessage">The daemon's message, if it sent one.</param>
    /// <param name="method">The request method.</param>
    /// <param name="path">The request path (never with credentials: they travel in headers).</param>
    public DockerApiException(HttpStatusCode statusCode, string? daemonMessage, string method, string path)
        : this(statusCode, daemonMessage, method, path, Describe(statusCode, daemonMessage, method, path))
    {
    }

    /// <summary>Creates the exception with a message of the subtype's own.</summary>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="daemonMessage">The daemon's message, if it sent one.</param>
    /// <param name="method">The request method.</param>
    /// <param name="path">The request path.</param>
    /// <param name="message">The exception's message.</param>
    protected DockerApiException(HttpStatusCode statusCode, string? daemonMessage, string method, string path, string message)
        : base(message)
    {
        StatusCode = statusCode;
        DaemonMessage = daemonMessage;
        Method = method;
        Path = path;
    }

    /// <summary>The HTTP status the daemon answered.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The daemon's message, or null when the body had none.</summary>
    public string? DaemonMessage { get; }

    /// <summary>The request method.</summary>
    public string Method { get; }

    /// <summary>The request path.</summary>
    public string Path { get; }

    /// <summary>Builds the exception that fits a status: a subtype where the status has a meaning of its own.</summary>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="body">The response body (UTF-8), possibly empty or not JSON.</param>
    /// <param name="method">The request method.</param>
    /// <param name="path">The request path.</param>
    public static DockerApiException From(HttpStatusCode statusCode, ReadOnlySpan<byte> body, string method, string path)
    {
        var message = ReadMessage(body);
        return statusCode switch
        {
            HttpStatusCode.NotFound => new DockerNotFoundException(message, method, path),
            HttpStatusCode.Conflict => new DockerConflictException(message, method, path),
            HttpStatusCode.NotModified => new DockerNotModifiedException(message, method, path),
            HttpStatusCode.BadRequest when DockerApiVersionException.TryParse(message, method, path) is { } version => version,
            _ => new DockerApiException(statusCode, message, method, path),
        };
    }

    /// <summary>The <c>message</c> of a <c>{"message": "…"}</c> body; else the body as text (trimmed), else null.</summary>
    /// <param name="body">The response body.</param>
    public static string? ReadMessage(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return null;
        }

        try
        {
            var reader = new Utf8JsonReader(body);
            if (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
            {
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var isMessage = reader.ValueTextEquals("message"u8);
                    reader.Read();
                    if (isMessage && reader.TokenType == JsonTokenType.String)
                    {
                        return reader.GetString();
                    }

                    reader.Skip();
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML page, plain text): fall through to the raw text.
        }

        var text = System.Text.Encoding.UTF8.GetString(body).Trim();
        return text.Length == 0 ? null : text;
    }

    private static string Describe(HttpStatusCode statusCode, string? daemonMessage, string method, string path)
        => $"Docker answered {(int)statusCode} {statusCode} to {method} {path}{(daemonMessage is null ? "." : ": " + daemonMessage)}";
}

/// <summary>404: the container, image, network… does not exist.</summary>
/// <param name="daemonMessage">The daemon's message.</param>
/// <param name="method">The request method.</param>
/// <param name="path">The request path.</param>
public sealed class DockerNotFoundException(string? daemonMessage, string method, string path)
    : DockerApiException(HttpStatusCode.NotFound, daemonMessage, method, path);

/// <summary>409: the request conflicts with the object's state (a name in use, a running container…).</summary>
/// <param name="daemonMessage">The daemon's message.</param>
/// <param name="method">The request method.</param>
/// <param name="path">The request path.</param>
public sealed class DockerConflictException(string? daemonMessage, string method, string path)
    : DockerApiException(HttpStatusCode.Conflict, daemonMessage, method, path);

/// <summary>304: nothing to do (starting a started container, stopping a stopped one).</summary>
/// <param name="daemonMessage">The daemon's message.</param>
/// <param name="method">The request method.</param>
/// <param name="path">The request path.</param>
public sealed class DockerNotModifiedException(string? daemonMessage, string method, string path)
    : DockerApiException(HttpStatusCode.NotModified, daemonMessage, method, path);
