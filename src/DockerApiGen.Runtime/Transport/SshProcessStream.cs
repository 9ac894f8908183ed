using System.Diagnostics;
using System.Text;

namespace DockerApiGen.Runtime.Transport;

/// <summary>
/// The byte stream of one <c>ssh … docker system dial-stdio</c> process: writes go to its stdin, reads come from
/// its stdout. Half-closing closes stdin (dial-stdio then half-closes its daemon connection). When ssh fails,
/// the error carries what it printed on stderr (the only place ssh says why), and names the endpoint.
/// </summary>
internal sealed class SshProcessStream : Stream, IHalfClosableStream
{
    // Enough for ssh's diagnostics; a chatty remote cannot grow the buffer without bound.
    private const int MaxStderrChars = 4096;
    private static readonly TimeSpan ExitWait = TimeSpan.FromSeconds(5);
    private readonly Process _process;
    private readonly string _endpoint;
    private readonly Stream _stdin;
    private readonly Stream _stdout;
    private readonly StringBuilder _stderr = new();
    private bool _stdinClosed;
    private bool _disposed;

    public SshProcessStream(Process process, string endpoint)
    {
        _process = process;
        _endpoint = endpoint;
        _stdin = process.StandardInput.BaseStream;
        _stdout = process.StandardOutput.BaseStream;
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (_stderr)
            {
                if (_stderr.Length < MaxStderrChars)
                {
                    _stderr.Append(e.Data.AsSpan(0, Math.Min(e.Data.Length, MaxStderrChars - _stderr.Length))).Append('\n');
                }
            }
        };
        process.BeginErrorReadLine();
    }

    public override bool CanRead => true;

    public override bool CanWrite => !_stdinClosed;

    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await _stdout.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        if (read == 0 && buffer.Length > 0)
        {
            // End of stdout: the daemon closed the connection (ssh exits 0), or ssh failed (it exits non-zero and says why on stderr).
            await ThrowIfFailedAsync(cancellationToken).ConfigureAwait(false);
        }

        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        try
        {
            await _stdin.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
            await _stdin.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            // A broken pipe: ssh is gone. Its stderr says why.
            await ThrowIfFailedAsync(cancellationToken).ConfigureAwait(false);
            throw new DockerConnectionException(_endpoint, $"The ssh connection to {_endpoint} closed while sending: {ex.Message}.", ex);
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override Task FlushAsync(CancellationToken cancellationToken) => _stdinClosed ? Task.CompletedTask : _stdin.FlushAsync(cancellationToken);

    public override void Flush() => FlushAsync(CancellationToken.None).GetAwaiter().GetResult();

    public ValueTask CloseWriteAsync(CancellationToken cancellationToken)
    {
        if (!_stdinClosed)
        {
            _stdinClosed = true;
            _process.StandardInput.Close();
        }

        return ValueTask.CompletedTask;
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true;
            try
            {
                if (!_stdinClosed)
                {
                    _process.StandardInput.Close();
                }
            }
            catch (IOException)
            {
                // ssh already exited; its stdin pipe is broken, which is fine when closing.
            }

            try
            {
                // The connection is over; as the docker CLI, end ssh rather than wait for it.
                if (!_process.HasExited)
                {
                    _process.Kill();
                }
            }
            catch (InvalidOperationException)
            {
                // It exited in between.
            }

            _process.Dispose();
        }

        base.Dispose(disposing);
    }

    private async Task ThrowIfFailedAsync(CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(ExitWait);
        try
        {
            await _process.WaitForExitAsync(wait.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return; // Still running after closing stdout: not a failure we can describe.
        }

        if (_process.ExitCode == 0)
        {
            return;
        }

        string stderr;
        lock (_stderr)
        {
            stderr = _stderr.ToString().Trim().TrimEnd('.');
        }

        var advice = _process.ExitCode == 255
            ? "ssh could not connect or log in: check the host, port, user and key (SshTransportOptions.IdentityFile), and that the host key is known (or set SshTransportOptions.Options)."
            : "The remote command 'docker system dial-stdio' failed: check that the docker CLI is installed on the remote machine and that its user may reach the daemon there.";
        throw new DockerConnectionException(_endpoint,
            $"Cannot connect to the Docker daemon at {_endpoint}: ssh exited with code {_process.ExitCode}{(stderr.Length > 0 ? $" and said: {stderr}" : " without a message")}. {advice}");
    }
}
