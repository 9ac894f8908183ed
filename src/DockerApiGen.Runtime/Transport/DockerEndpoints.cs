using System.Net.Security;
using System.Text.RegularExpressions;
using DockerApiGen.Runtime.Configuration;

namespace DockerApiGen.Runtime.Transport;

/// <summary>
/// Decides how to reach the daemon, in the docker CLI's order: the client's options (a transport, an endpoint or a
/// context), then <c>DOCKER_HOST</c>, then <c>DOCKER_CONTEXT</c>, then the docker config's <c>currentContext</c>
/// (read from the CLI's context store), then the platform default (<c>unix:///var/run/docker.sock</c>, or
/// <c>npipe:////./pipe/docker_engine</c> on Windows). TLS for <c>tcp://</c> comes from the options, else from
/// <c>DOCKER_TLS_VERIFY</c>/<c>DOCKER_TLS</c> with <c>DOCKER_CERT_PATH</c>, else from the context.
/// </summary>
public static partial class DockerEndpoints
{
    private const string TlsEnvironmentSetting = "DOCKER_TLS_VERIFY/DOCKER_TLS and DOCKER_CERT_PATH";
    private const string ExamplesAdvice = "Write it as unix:///var/run/docker.sock, tcp://host:2376, https://host:2376, ssh://user@host or npipe:////./pipe/docker_engine.";

    /// <summary>The platform's default endpoint: the named pipe on Windows, the unix socket elsewhere.</summary>
    public static string DefaultEndpoint => OperatingSystem.IsWindows() ? NamedPipeTransport.DefaultEndpoint : "unix://" + UnixSocketTransport.DefaultSocketPath;

    /// <summary>The transport for the given options, resolved against the process's environment (see the class).</summary>
    /// <param name="options">The client's options.</param>
    /// <exception cref="DockerConfigurationException">A setting is malformed or names something that does not exist; the message says which and what to do.</exception>
    public static DockerTransport Resolve(DockerClientOptions options) => Resolve(options, DockerEnvironment.FromProcess());

    /// <summary>The transport for the given options, resolved against the given environment (see the class).</summary>
    /// <param name="options">The client's options.</param>
    /// <param name="environment">The environment variables and home folder to read.</param>
    /// <exception cref="DockerConfigurationException">A setting is malformed or names something that does not exist; the message says which and what to do.</exception>
    public static DockerTransport Resolve(DockerClientOptions options, DockerEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        if (options.Transport is { } transport)
        {
            return transport;
        }

        if (options.Endpoint is not null && options.Context is not null)
        {
            throw new DockerConfigurationException("DockerClientOptions", "DockerClientOptions sets both Endpoint and Context; set one of them (as the docker CLI refuses --host with --context).");
        }

        var tlsSetting = options.Tls is null ? TlsEnvironmentSetting : "DockerClientOptions.Tls";
        var tls = options.Tls ?? TlsFromEnvironment(environment);
        if (options.Endpoint is { } endpoint)
        {
            return FromEndpoint(endpoint, tls, options.Ssh, "DockerClientOptions.Endpoint", tlsSetting);
        }

        if (options.Context is { } context)
        {
            return FromContextName(context, "DockerClientOptions.Context", environment, options);
        }

        if (environment.Get("DOCKER_HOST") is { } host)
        {
            return FromEndpoint(host, tls, options.Ssh, "DOCKER_HOST", tlsSetting);
        }

        if (environment.Get("DOCKER_CONTEXT") is { } contextName)
        {
            return FromContextName(contextName, "DOCKER_CONTEXT", environment, options);
        }

        var config = DockerConfigFile.Load(environment);
        if (config.CurrentContext is { } current)
        {
            return FromContextName(current, $"currentContext in {config.Path}", environment, options);
        }

        return FromEndpoint(DefaultEndpoint, tls, options.Ssh, "the platform default", tlsSetting);
    }

    /// <summary>The transport for an endpoint string, without TLS unless the scheme is <c>https://</c> (verified against the system's trust store).</summary>
    /// <param name="endpoint"><c>unix://</c>, <c>tcp://</c>, <c>http://</c>, <c>https://</c>, <c>npipe://</c> or <c>ssh://</c>; a bare <c>host:port</c> means <c>tcp://</c>.</param>
    /// <exception cref="DockerConfigurationException">The endpoint is malformed or its scheme is not supported; the message says which are.</exception>
    public static DockerTransport FromEndpoint(string endpoint) => FromEndpoint(endpoint, tls: null, ssh: null);

    /// <summary>The transport for an endpoint string with TLS and ssh settings.</summary>
    /// <param name="endpoint"><c>unix://</c>, <c>tcp://</c>, <c>http://</c>, <c>https://</c>, <c>npipe://</c> or <c>ssh://</c>; a bare <c>host:port</c> means <c>tcp://</c>.</param>
    /// <param name="tls">TLS files for <c>tcp://</c> and <c>https://</c>; with them <c>tcp://</c> uses TLS (default port 2376). Ignored by other schemes.</param>
    /// <param name="ssh">How to run ssh for <c>ssh://</c>.</param>
    /// <exception cref="DockerConfigurationException">The endpoint is malformed, its scheme is not supported, or a TLS file is missing.</exception>
    public static DockerTransport FromEndpoint(string endpoint, DockerTlsOptions? tls, SshTransportOptions? ssh = null)
        => FromEndpoint(endpoint, tls, ssh, "endpoint", "DockerTlsOptions");

    /// <summary>The transport of a docker CLI context from the store in the environment's config folder.</summary>
    /// <param name="name">The context's name; <c>default</c> is the platform default.</param>
    /// <param name="environment">Where the store is (<c>DOCKER_CONFIG</c> or <c>~/.docker</c>).</param>
    /// <param name="ssh">How to run ssh for an <c>ssh://</c> context.</param>
    /// <exception cref="DockerConfigurationException">The context does not exist or cannot be read.</exception>
    public static DockerTransport FromContext(string name, DockerEnvironment environment, SshTransportOptions? ssh = null)
        => FromContextName(name, "context name", environment, new DockerClientOptions { Ssh = ssh });

    /// <summary>
    /// TLS settings from the environment, as the docker CLI reads them: <c>DOCKER_TLS_VERIFY</c> set to any non-empty
    /// value (even <c>0</c>) turns TLS on and verifies the daemon; <c>DOCKER_TLS</c> alone turns TLS on without
    /// verifying; the files come from <c>DOCKER_CERT_PATH</c>, else the config folder. <c>DOCKER_CERT_PATH</c> alone
    /// turns nothing on. Null when TLS is off.
    /// </summary>
    /// <param name="environment">The environment.</param>
    public static DockerTlsOptions? TlsFromEnvironment(DockerEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var verify = environment.Get("DOCKER_TLS_VERIFY") is not null;
        if (!verify && environment.Get("DOCKER_TLS") is null)
        {
            return null;
        }

        return new DockerTlsOptions
        {
            CertificateDirectory = environment.Get("DOCKER_CERT_PATH") ?? environment.ConfigDirectory,
            DangerouslyAcceptAnyServerCertificate = !verify,
        };
    }

    /// <summary>The endpoint with any password in it replaced by <c>***</c>, for messages.</summary>
    /// <param name="endpoint">The endpoint as written.</param>
    public static string Redact(string endpoint) => endpoint is null ? "" : PasswordInUserInfo().Replace(endpoint, "${prefix}:***@");

    private static DockerTransport FromContextName(string name, string setting, DockerEnvironment environment, DockerClientOptions options)
    {
        if (name == DockerContext.DefaultName)
        {
            return FromEndpoint(DefaultEndpoint, null, options.Ssh, $"the default context (from {setting})", TlsEnvironmentSetting);
        }

        var context = new DockerContextStore(environment.ConfigDirectory).Load(name, setting);
        var contextSetting = $"the docker context '{name}' (from {setting})";
        if (context.Host is null)
        {
            throw new DockerConfigurationException(setting, $"The docker context '{name}' (from {setting}) has no docker endpoint. Set one with 'docker context update {name} --docker host=…'.");
        }

        DockerTlsOptions? tls = null;
        if (context.HasTls || context.SkipTlsVerify)
        {
            tls = new DockerTlsOptions
            {
                CaCertificateFile = context.CaFile,
                ClientCertificateFile = context.CertFile,
                ClientKeyFile = context.KeyFile,
                DangerouslyAcceptAnyServerCertificate = context.SkipTlsVerify,
            };
        }

        return FromEndpoint(context.Host, options.Tls ?? tls, options.Ssh, contextSetting, options.Tls is null ? contextSetting : "DockerClientOptions.Tls");
    }

    private static DockerTransport FromEndpoint(string endpoint, DockerTlsOptions? tls, SshTransportOptions? ssh, string setting, string tlsSetting)
    {
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            throw new DockerConfigurationException(setting, $"The Docker endpoint (from {setting}) is empty. {ExamplesAdvice}");
        }

        var schemeEnd = endpoint.IndexOf("://", StringComparison.Ordinal);
        var scheme = schemeEnd < 0 ? "tcp" : endpoint[..schemeEnd].ToLowerInvariant();
        var rest = schemeEnd < 0 ? endpoint : endpoint[(schemeEnd + 3)..];
        return scheme switch
        {
            "unix" => new UnixSocketTransport(rest.Length > 0 ? Uri.UnescapeDataString(rest) : UnixSocketTransport.DefaultSocketPath),
            "npipe" => ParseNamedPipe(endpoint, rest, setting),
            "tcp" => ParseTcp(endpoint, "tcp://" + (rest.StartsWith(':') ? "127.0.0.1" + rest : rest), tls, tls is null ? 2375 : 2376, setting, tlsSetting),
            "http" => ParseTcp(endpoint, endpoint, null, 80, setting, tlsSetting),
            "https" => ParseTcp(endpoint, endpoint, tls ?? new DockerTlsOptions(), 443, setting, tlsSetting),
            "ssh" => ParseSsh(endpoint, ssh, setting),
            _ => throw new DockerConfigurationException(setting, $"The Docker endpoint '{Redact(endpoint)}' (from {setting}) has the scheme '{scheme}', which this client does not support. {ExamplesAdvice}"),
        };
    }

    private static TcpTransport ParseTcp(string endpoint, string url, DockerTlsOptions? tls, int defaultPort, string setting, string tlsSetting)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
        {
            throw Malformed(endpoint, setting, "it is not a valid host and port");
        }

        if (uri.UserInfo.Length > 0)
        {
            throw Malformed(endpoint, setting, "a TCP endpoint carries no user name or password (use TLS client certificates)");
        }

        if (uri.AbsolutePath is not ("/" or "") || uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            throw Malformed(endpoint, setting, "it has a path, query or fragment after the host and port");
        }

        var host = uri.Host.Trim('[', ']');
        var port = HasExplicitPort(url) ? uri.Port : defaultPort;
        var display = new TcpTransport(host, port).Endpoint;
        SslClientAuthenticationOptions? ssl = tls is null ? null : CreateTls(tls, host, display, tlsSetting);
        return new TcpTransport(host, port, ssl);
    }

    private static SslClientAuthenticationOptions CreateTls(DockerTlsOptions tls, string host, string endpoint, string tlsSetting)
    {
        var noFiles = tls.EffectiveCaCertificateFile is null && tls.EffectiveClientCertificateFile is null && tls.EffectiveClientKeyFile is null;
        if (noFiles && !tls.DangerouslyAcceptAnyServerCertificate)
        {
            // https:// (or a context) without any TLS files: the daemon's certificate is checked by the system's trust store.
            return new SslClientAuthenticationOptions { TargetHost = host };
        }

        return DockerTls.CreateClientOptions(tls, host, endpoint, tlsSetting);
    }

    private static bool HasExplicitPort(string url)
    {
        var authority = url[(url.IndexOf("://", StringComparison.Ordinal) + 3)..];
        var end = authority.IndexOfAny(['/', '?', '#']);
        authority = end < 0 ? authority : authority[..end];
        var lastColon = authority.LastIndexOf(':');
        return lastColon >= 0 && lastColon > authority.LastIndexOf(']');
    }

    private static NamedPipeTransport ParseNamedPipe(string endpoint, string rest, string setting)
    {
        // npipe:////./pipe/docker_engine: after the scheme, //server/pipe/name (backslashes accepted too).
        var parts = rest.Replace('\\', '/').TrimStart('/').Split('/', 3);
        if (rest.Length == 0)
        {
            return new NamedPipeTransport("docker_engine");
        }

        if (parts.Length != 3 || parts[0].Length == 0 || !parts[1].Equals("pipe", StringComparison.OrdinalIgnoreCase) || parts[2].Length == 0)
        {
            throw Malformed(endpoint, setting, "a named pipe is written npipe:////SERVER/pipe/NAME, e.g. npipe:////./pipe/docker_engine");
        }

        return new NamedPipeTransport(parts[2], parts[0]);
    }

    private static SshTransport ParseSsh(string endpoint, SshTransportOptions? ssh, string setting)
    {
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
        {
            throw Malformed(endpoint, setting, "write it as ssh://user@host or ssh://user@host:port");
        }

        var userInfo = uri.UserInfo;
        if (userInfo.Contains(':', StringComparison.Ordinal))
        {
            throw new DockerConfigurationException(setting, $"The Docker endpoint '{Redact(endpoint)}' (from {setting}) holds a password; ssh:// endpoints do not take one (as in the docker CLI). Log in with a key: ssh-agent, the ssh config, or SshTransportOptions.IdentityFile.");
        }

        if (uri.AbsolutePath is not ("/" or "") || uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            throw Malformed(endpoint, setting, "an ssh endpoint has nothing after the host and port");
        }

        try
        {
            return new SshTransport(uri.Host.Trim('[', ']'), userInfo.Length > 0 ? Uri.UnescapeDataString(userInfo) : null, HasExplicitPort(endpoint) ? uri.Port : null, ssh);
        }
        catch (ArgumentException ex)
        {
            throw new DockerConfigurationException(setting, $"The Docker endpoint '{Redact(endpoint)}' (from {setting}) is not usable: {ex.Message}", ex);
        }
    }

    private static DockerConfigurationException Malformed(string endpoint, string setting, string why)
        => new(setting, $"The Docker endpoint '{Redact(endpoint)}' (from {setting}) is malformed: {why}. {ExamplesAdvice}");

    [GeneratedRegex("^(?<prefix>[A-Za-z][A-Za-z0-9+.-]*://[^/@:]*):[^/@]*@")]
    private static partial Regex PasswordInUserInfo();
}
