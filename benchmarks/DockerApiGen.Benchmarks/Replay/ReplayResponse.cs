using System.Globalization;
using System.Text;

namespace DockerApiGen.Benchmarks.Replay;

/// <summary>
/// A complete HTTP/1.1 response (status line, headers, body) prepared once, so answering a request is one
/// socket write. The headers are the ones Docker Engine 20.10 sends, so clients parse as much as they would.
/// </summary>
public static class ReplayResponse
{
    /// <summary>A 200 response with a JSON body.</summary>
    /// <param name="body">The JSON.</param>
    public static byte[] Json(byte[] body) => Build("200 OK", "application/json", body);

    /// <summary>A 200 response with a plain-text body (<c>/_ping</c>).</summary>
    /// <param name="text">The text.</param>
    public static byte[] Text(string text) => Build("200 OK", "text/plain; charset=utf-8", Encoding.UTF8.GetBytes(text));

    /// <summary>An error response with the daemon's <c>{"message": …}</c> body.</summary>
    /// <param name="status">Status code and reason, e.g. <c>404 Not Found</c>.</param>
    /// <param name="message">The message.</param>
    public static byte[] Error(string status, string message) =>
        Build(status, "application/json", Encoding.UTF8.GetBytes($"{{\"message\":\"{message}\"}}\n"));

    private static byte[] Build(string status, string contentType, byte[] body)
    {
        var head = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {status}\r\n")
            .Append("Api-Version: 1.41\r\n")
            .Append(CultureInfo.InvariantCulture, $"Content-Type: {contentType}\r\n")
            .Append("Docker-Experimental: false\r\n")
            .Append("Ostype: linux\r\n")
            .Append("Server: Docker/20.10.24 (linux) (DockerApiGen replay)\r\n")
            // A real daemon stamps each response; one stamp at startup costs clients the same parsing.
            .Append(CultureInfo.InvariantCulture, $"Date: {DateTimeOffset.UtcNow:r}\r\n")
            .Append(CultureInfo.InvariantCulture, $"Content-Length: {body.Length}\r\n")
            .Append("\r\n")
            .ToString();
        return [.. Encoding.ASCII.GetBytes(head), .. body];
    }
}
