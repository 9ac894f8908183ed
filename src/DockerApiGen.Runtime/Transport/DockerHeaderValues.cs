using System.Net.Http.Headers;

namespace DockerApiGen.Runtime.Transport;

/// <summary>
/// Refuses header values that could end their header line and start another (CR, LF) or cut it (NUL). .NET's
/// <c>TryAddWithoutValidation</c> and raw HTTP writers (the hijack handshake) send such values as they are, so a
/// value built from user input (an image name, a registry login) could inject headers. Every handler from
/// <see cref="DockerTransport.CreateHandler"/> applies this check to every header it sends; code that writes
/// HTTP itself calls <see cref="ThrowIfUnsafe(string, string?)"/>.
/// </summary>
public static class DockerHeaderValues
{
    /// <summary>Whether the value is safe to send in a header line.</summary>
    /// <param name="value">The header value.</param>
    public static bool IsSafe(string? value) => value is null || value.AsSpan().IndexOfAny('\r', '\n', '\0') < 0;

    /// <summary>Throws when the value holds CR, LF or NUL. The message names the header, never the value (it may be a credential).</summary>
    /// <param name="name">The header's name.</param>
    /// <param name="value">The header's value.</param>
    /// <exception cref="ArgumentException">The value holds CR, LF or NUL.</exception>
    public static void ThrowIfUnsafe(string name, string? value)
    {
        if (!IsSafe(value))
        {
            throw new ArgumentException($"The value of the HTTP header '{name}' holds a line break (CR or LF) or NUL, which would let it inject other headers; the request is refused. (The value is not shown: it may hold a credential.)", nameof(value));
        }
    }

    /// <summary>Checks every value of the header <paramref name="name"/> of a request (request and content headers).</summary>
    /// <param name="name">The header's name.</param>
    /// <param name="request">The request.</param>
    /// <exception cref="ArgumentException">A value holds CR, LF or NUL.</exception>
    public static void ThrowIfUnsafe(string name, HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Headers.NonValidated.TryGetValues(name, out var values)
            || (request.Content is not null && request.Content.Headers.NonValidated.TryGetValues(name, out values)))
        {
            foreach (var value in values)
            {
                ThrowIfUnsafe(name, value);
            }
        }
    }

    /// <summary>
    /// Parses a <c>User-Agent</c> value given in client options ("MyTool/1.2 (ci)": one or more products and comments)
    /// into the values a request carries.
    /// </summary>
    /// <param name="userAgent">The value, as a user wrote it.</param>
    /// <param name="optionName">The option it came from, for the error (<c>HubClientOptions.UserAgent</c>).</param>
    /// <returns>The products and comments, in order.</returns>
    /// <exception cref="ArgumentException">The value is not a valid <c>User-Agent</c>.</exception>
    public static ProductInfoHeaderValue[] ParseUserAgent(string userAgent, string optionName)
    {
        using var scratch = new HttpRequestMessage();
        var header = scratch.Headers.UserAgent;
        return header.TryParseAdd(userAgent)
            ? [.. header]
            : throw new ArgumentException($"{optionName} '{userAgent}' is not a valid User-Agent value.", nameof(userAgent));
    }
}
