using System.Net.Http.Headers;
using DockerApiGen.Runtime.Auth;
using DockerApiGen.Runtime.Transport;
using DockerApiGen.Runtime.Tests.Connect.Support;
using DockerApiGen.Tests.Shared;

namespace DockerApiGen.Runtime.Tests.Connect;

/// <summary>No header injection through a transport's HTTP pipeline, and no secret in messages or ToString().</summary>
public sealed class HeaderAndSecretTests
{
    [Fact]
    public async Task A_header_value_with_cr_lf_never_reaches_the_wire_as_a_header_of_its_own()
    {
        // A unix socket server that records the request bytes exactly as the transport's handler writes them.
        using var folder = new TempFolder();
        var path = folder.Combine("capture.sock");
        using var listener = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.Unix, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Unspecified);
        listener.Bind(new System.Net.Sockets.UnixDomainSocketEndPoint(path));
        listener.Listen();
        var captured = CaptureOneRequestAsync(listener);

        using var transport = new UnixSocketTransport(path);
        using var http = new HttpClient(transport.CreateHandler()) { BaseAddress = transport.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "_ping");
        request.Headers.TryAddWithoutValidation("X-Registry-Auth", "abc\r\nX-Injected: 1");
        var error = await Assert.ThrowsAnyAsync<Exception>(() => http.SendAsync(request, TestContext.Current.CancellationToken));

        var argument = Assert.IsType<ArgumentException>(error is ArgumentException ? error : error.InnerException);
        Assert.StartsWith("The value of the HTTP header 'X-Registry-Auth' holds a line break (CR or LF) or NUL, which would let it inject other headers; the request is refused.", argument.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("abc", error.ToString(), StringComparison.Ordinal);
        // Whatever the server saw (nothing, or the connection closing), it was not an injected header.
        var wire = await captured.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.DoesNotContain("X-Injected", wire, StringComparison.Ordinal);
    }

    [Fact]
    public void Raw_http_writers_can_check_a_value_themselves()
    {
        Assert.True(DockerHeaderValues.IsSafe("eyJ1c2VybmFtZSI6InUifQ=="));
        Assert.False(DockerHeaderValues.IsSafe("a\nb"));
        Assert.False(DockerHeaderValues.IsSafe("a\0b"));
        var error = Assert.Throws<ArgumentException>(() => DockerHeaderValues.ThrowIfUnsafe("Upgrade", "tcp\r\nX-Injected: 1"));
        Assert.DoesNotContain("X-Injected", error.Message, StringComparison.Ordinal);
    }

    private static async Task<string> CaptureOneRequestAsync(System.Net.Sockets.Socket listener)
    {
        using var connection = await listener.AcceptAsync(TestContext.Current.CancellationToken);
        var buffer = new byte[8192];
        var text = new System.Text.StringBuilder();
        while (!text.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await connection.ReceiveAsync(buffer, TestContext.Current.CancellationToken);
            if (read == 0)
            {
                break;
            }

            text.Append(System.Text.Encoding.ASCII.GetString(buffer, 0, read));
        }

        try
        {
            await connection.SendAsync("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nOK"u8.ToArray(), TestContext.Current.CancellationToken);
        }
        catch (System.Net.Sockets.SocketException)
        {
            // The client refused the request and closed the connection: there is nobody to answer.
        }
        return text.ToString();
    }

    [Fact]
    public void Registry_credentials_travel_as_base64url_so_no_character_of_a_secret_reaches_a_header_raw()
    {
        var credentials = new RegistryCredentials("user\r\nX-Injected: 1", "pass\nword", "127.0.0.1:5000");
        var value = credentials.ToHeaderValue();
        Assert.DoesNotContain('\r', value);
        Assert.DoesNotContain('\n', value);
        Assert.True(new HttpRequestMessage().Headers.TryAddWithoutValidation("X-Registry-Auth", value));
    }

    [Fact]
    public void Options_and_tls_settings_never_show_a_secret()
    {
        var options = new DockerClientOptions
        {
            Endpoint = "tcp://admin:hunter2@docker.example:2376",
            Tls = new DockerTlsOptions { CertificateDirectory = "/certs" },
            Ssh = new SshTransportOptions { IdentityFile = "/keys/id" },
        };
        var text = options.ToString();
        Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
        Assert.Contains("Key = (file)", text, StringComparison.Ordinal);
        Assert.Equal("ssh://u:***@host", DockerEndpoints.Redact("ssh://u:p%40ss@host"));
    }

    [Fact]
    public void Basic_auth_in_a_uri_is_not_a_way_in()
    {
        // A user:password in tcp:// would end up in the Host header or be dropped silently; it is refused instead.
        var error = Assert.Throws<DockerApiGen.Runtime.Configuration.DockerConfigurationException>(() => DockerEndpoints.FromEndpoint("tcp://admin:hunter2@docker.example:2375"));
        Assert.Equal("The Docker endpoint 'tcp://admin:***@docker.example:2375' (from endpoint) is malformed: a TCP endpoint carries no user name or password (use TLS client certificates). Write it as unix:///var/run/docker.sock, tcp://host:2376, https://host:2376, ssh://user@host or npipe:////./pipe/docker_engine.", error.Message);
        _ = new MediaTypeHeaderValue("text/plain");
    }
}
