using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;

namespace DockerApiGen.Runtime.Transport;

/// <summary>
/// Turns what .NET throws when a connection to the daemon fails (an <see cref="HttpRequestException"/> around a
/// socket, TLS or protocol error) into a <see cref="DockerConnectionException"/> that names the endpoint and says
/// what to do. Used by everything that sends through a transport's handler or opens its connections.
/// </summary>
public static class DockerConnectionFailures
{
    /// <summary>The answer a Go HTTPS server (the daemon with <c>--tls</c>) gives to a plain HTTP request.</summary>
    public const string PlainRequestToTlsServerAnswer = "Client sent an HTTP request to an HTTPS server.";

    /// <summary>The explained failure, or null when <paramref name="exception"/> is not a connection failure (e.g. cancellation).</summary>
    /// <param name="transport">The transport the request went through.</param>
    /// <param name="exception">What was thrown.</param>
    public static DockerConnectionException? Explain(DockerTransport transport, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(exception);
        var endpoint = transport.Endpoint;
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is DockerConnectionException explained)
            {
                return explained;
            }
        }

        if (Find<AuthenticationException>(exception) is { } tls)
        {
            return new DockerConnectionException(endpoint, $"The TLS handshake with the Docker daemon at {endpoint} failed: {Describe(tls)}. {TlsAdvice(transport, tls)}", exception);
        }

        if (transport.Tls is not null && Find<IOException>(exception) is { } io
            && Find<SocketException>(exception) is null or { SocketErrorCode: SocketError.ConnectionReset or SocketError.ConnectionAborted })
        {
            // TLS 1.3 finishes the client's side of the handshake before the daemon checks the client certificate,
            // so a rejected (or missing) certificate shows up as the daemon closing (or resetting) the connection
            // at the first read or write after the handshake.
            return new DockerConnectionException(endpoint,
                $"The Docker daemon at {endpoint} closed the TLS connection ({Describe(io)}). "
                + (transport.Tls.ClientCertificateContext is null && transport.Tls.ClientCertificates is not { Count: > 0 }
                    ? "No client certificate was sent, and a daemon started with --tlsverify requires one: provide cert.pem and key.pem (DOCKER_CERT_PATH, the context's TLS folder or DockerTlsOptions)."
                    : "It did not accept the client certificate: use a cert.pem and key.pem signed by the CA the daemon trusts (its --tlscacert)."),
                exception);
        }

        if (exception is HttpRequestException { HttpRequestError: HttpRequestError.InvalidResponse or HttpRequestError.ResponseEnded })
        {
            return new DockerConnectionException(endpoint, $"The endpoint {endpoint} did not answer as a Docker daemon ({exception.Message}). Check the address and port, and whether the daemon expects TLS.", exception);
        }

        if (Find<SocketException>(exception) is { } socket)
        {
            return new DockerConnectionException(endpoint, $"Cannot connect to the Docker daemon at {endpoint}: {socket.Message}. Check that the daemon runs and listens there.", exception);
        }

        return null;
    }

    /// <summary>
    /// The explained failure when a daemon's error answer shows that the connection itself is wrong (a plain HTTP
    /// request to a daemon that expects TLS), else null.
    /// </summary>
    /// <param name="transport">The transport the request went through.</param>
    /// <param name="status">The answer's status.</param>
    /// <param name="body">The answer's body, as text.</param>
    public static DockerConnectionException? ExplainAnswer(DockerTransport transport, HttpStatusCode status, string? body)
    {
        ArgumentNullException.ThrowIfNull(transport);
        if (status == HttpStatusCode.BadRequest && body is not null && body.Contains(PlainRequestToTlsServerAnswer, StringComparison.Ordinal))
        {
            return new DockerConnectionException(transport.Endpoint,
                $"The Docker daemon at {transport.Endpoint} expects TLS, but this client sent plain HTTP. Set DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH to the folder with ca.pem, cert.pem and key.pem (or DockerClientOptions.Tls), or use an https:// endpoint.");
        }

        return null;
    }

    /// <summary>
    /// The failure when a connection ends before the daemon's answer is complete (the daemon stopped or restarted,
    /// or the network dropped while a stream, a wait or a body was being read): names the endpoint and the
    /// operation, and keeps what .NET threw (usually <see cref="HttpIOException"/>) as the inner exception.
    /// </summary>
    /// <param name="endpoint">The daemon's endpoint.</param>
    /// <param name="request">The request whose answer was cut.</param>
    /// <param name="exception">What reading the answer threw.</param>
    internal static DockerConnectionException Interrupted(string endpoint, Http.DockerRequest request, Exception exception)
        => new(endpoint, $"The connection to the Docker daemon at {endpoint} ended before its answer to {request.OperationId} ({request.Method} {request.Path}) was complete ({exception.Message.TrimEnd('.')}). The daemon may have stopped or restarted: check that it runs, then call again.", exception);

    private static string TlsAdvice(DockerTransport transport, AuthenticationException tls)
    {
        var text = Describe(tls);
        if (text.Contains("frame", StringComparison.OrdinalIgnoreCase) || text.Contains("wrong version number", StringComparison.OrdinalIgnoreCase) || text.Contains("packet length", StringComparison.OrdinalIgnoreCase))
        {
            return "The endpoint does not speak TLS: it looks like a plain HTTP daemon. Use tcp:// without TLS settings (unset DOCKER_TLS_VERIFY) or http://, or start the daemon with --tlsverify.";
        }

        if (text.Contains("certificate", StringComparison.OrdinalIgnoreCase) && text.Contains("alert", StringComparison.OrdinalIgnoreCase))
        {
            return transport.Tls?.ClientCertificateContext is null
                ? "The daemon requires a client certificate: provide cert.pem and key.pem signed by the CA it trusts."
                : "The daemon rejected the client certificate: use a cert.pem and key.pem signed by the CA it trusts (its --tlscacert).";
        }

        return "Check the CA, the client certificate and that the daemon speaks TLS on this port.";
    }

    private static string Describe(Exception exception)
    {
        // OpenSSL's detail (e.g. "tlsv13 alert certificate required") is in the innermost exception.
        var messages = new List<string>();
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            var message = current.Message.Trim().TrimEnd('.');
            if (message.Length > 0 && !messages.Contains(message))
            {
                messages.Add(message);
            }
        }

        return string.Join(": ", messages);
    }

    private static T? Find<T>(Exception exception)
        where T : Exception
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is T found)
            {
                return found;
            }
        }

        return null;
    }
}
