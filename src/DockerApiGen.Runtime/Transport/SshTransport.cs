using System.Diagnostics;
using System.Globalization;

namespace DockerApiGen.Runtime.Transport;

/// <summary>
/// A daemon reached over SSH (<c>ssh://user@host:port</c>) the way the docker CLI does it: each connection runs
/// <c>ssh … -- host docker system dial-stdio</c>, and HTTP travels over that process's stdin and stdout. The
/// remote machine needs the docker CLI and access to its daemon; the local one needs an ssh client and a key
/// the remote accepts.
/// </summary>
public sealed class SshTransport : DockerTransport
{
    private readonly SshTransportOptions _options;

    /// <summary>Creates the transport.</summary>
    /// <param name="host">The remote host (name or address).</param>
    /// <param name="user">The remote user, or null for ssh's default (the ssh config's, else the local user).</param>
    /// <param name="port">The ssh port, or null for ssh's default.</param>
    /// <param name="options">How to run ssh; null for defaults.</param>
    /// <exception cref="ArgumentException">The host or user is empty, starts with <c>-</c> (ssh would read it as an option) or holds spaces or control characters.</exception>
    public SshTransport(string host, string? user = null, int? port = null, SshTransportOptions? options = null)
    {
        Host = CheckArgument(host, nameof(host)) ?? throw new ArgumentException("The ssh host is empty.", nameof(host));
        User = CheckArgument(user, nameof(user));
        Port = port is null or (> 0 and <= 65535) ? port : throw new ArgumentOutOfRangeException(nameof(port), port, "An ssh port is between 1 and 65535.");
        _options = options ?? new SshTransportOptions();
    }

    /// <summary>The remote host.</summary>
    public string Host { get; }

    /// <summary>The remote user, or null for ssh's default.</summary>
    public string? User { get; }

    /// <summary>The ssh port, or null for ssh's default.</summary>
    public int? Port { get; }

    /// <inheritdoc />
    public override string Endpoint => $"ssh://{(User is null ? "" : User + "@")}{(Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]" : Host)}{(Port is { } port ? ":" + port.ToString(CultureInfo.InvariantCulture) : "")}";

    /// <summary>The arguments given to ssh for one connection (options, then <c>--</c>, the host and the remote command).</summary>
    public IReadOnlyList<string> SshArguments
    {
        get
        {
            var arguments = new List<string>();
            foreach (var option in _options.Options)
            {
                arguments.Add("-o");
                arguments.Add(option);
            }

            if (_options.IdentityFile is { } identity)
            {
                arguments.Add("-i");
                arguments.Add(identity);
            }

            // The docker CLI's own defaults: give up after 30 s and allocate no terminal (the stream is binary).
            arguments.AddRange(["-o", "ConnectTimeout=30", "-T"]);
            if (!_options.AllowInteractiveLogin)
            {
                arguments.AddRange(["-o", "BatchMode=yes"]);
            }

            if (User is not null)
            {
                arguments.AddRange(["-l", User]);
            }

            if (Port is { } port)
            {
                arguments.AddRange(["-p", port.ToString(CultureInfo.InvariantCulture)]);
            }

            arguments.AddRange(["--", Host, "docker", "system", "dial-stdio"]);
            return arguments;
        }
    }

    /// <inheritdoc />
    public override ValueTask<Stream> ConnectAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var start = new ProcessStartInfo(_options.SshExecutable)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        foreach (var argument in SshArguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("Process.Start returned no process.");
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            throw new DockerConnectionException(Endpoint, $"Cannot connect to the Docker daemon at {Endpoint}: the ssh client '{_options.SshExecutable}' cannot be started ({ex.Message}). Install OpenSSH's client, or set SshTransportOptions.SshExecutable.", ex);
        }

        return ValueTask.FromResult<Stream>(new SshProcessStream(process, Endpoint));
    }

    private static string? CheckArgument(string? value, string name)
    {
        if (value is null)
        {
            return null;
        }

        if (value.Length == 0 || value[0] == '-' || value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw new ArgumentException($"The ssh {name} '{value}' is not usable: it must be non-empty, must not start with '-' and must not hold spaces or control characters.", name);
        }

        return value;
    }
}
