using System.ComponentModel;
using System.IO.Pipes;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;

namespace DockerApiGen.Runtime.Transport;

/// <summary>
/// A connected pipe that can half-close. The daemon creates its pipe in message mode, where a zero-length
/// message means "no more data" (what Docker's own client, go-winio, sends for CloseWrite). .NET's pipe streams
/// skip zero-length writes, so the empty message is written with <c>WriteFile</c> directly.
/// </summary>
[SupportedOSPlatform("windows")]
internal sealed class NamedPipeConnectionStream(NamedPipeClientStream pipe) : Stream, IHalfClosableStream
{
    private const int ErrorIoPending = 997;

    public override bool CanRead => pipe.CanRead;

    public override bool CanWrite => pipe.CanWrite;

    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => pipe.ReadAsync(buffer, cancellationToken);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => pipe.ReadAsync(buffer, offset, count, cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => pipe.Read(buffer, offset, count);

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => pipe.WriteAsync(buffer, cancellationToken);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => pipe.WriteAsync(buffer, offset, count, cancellationToken);

    public override void Write(byte[] buffer, int offset, int count) => pipe.Write(buffer, offset, count);

    public override Task FlushAsync(CancellationToken cancellationToken) => pipe.FlushAsync(cancellationToken);

    public override void Flush() => pipe.Flush();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public ValueTask CloseWriteAsync(CancellationToken cancellationToken)
    {
        // The pipe is opened for overlapped I/O and bound to the thread pool's completion port. An event handle
        // with its low bit set keeps this write's completion off that port (documented for GetQueuedCompletionStatus),
        // so the stream's own I/O is undisturbed; the write is waited for on the event.
        using var done = new ManualResetEvent(false);
        var overlapped = Marshal.AllocHGlobal(Marshal.SizeOf<NativeOverlapped>());
        try
        {
            Marshal.StructureToPtr(new NativeOverlapped { EventHandle = done.SafeWaitHandle.DangerousGetHandle() | 1 }, overlapped, fDeleteOld: false);
            if (!WriteFile(pipe.SafePipeHandle, IntPtr.Zero, 0, IntPtr.Zero, overlapped))
            {
                var error = Marshal.GetLastPInvokeError();
                if (error != ErrorIoPending)
                {
                    throw new IOException($"Closing the pipe's sending side failed: {new Win32Exception(error).Message}", new Win32Exception(error));
                }

                done.WaitOne();
            }

            return ValueTask.CompletedTask;
        }
        finally
        {
            Marshal.FreeHGlobal(overlapped);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            pipe.Dispose();
        }

        base.Dispose(disposing);
    }

    // DllImport rather than LibraryImport: the runtime project does not allow unsafe code, and every argument is blittable
    // or a SafeHandle, which the built-in marshaller handles (AOT included).
    [DllImport("kernel32.dll", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static extern bool WriteFile(SafeHandle file, IntPtr buffer, int bytesToWrite, IntPtr bytesWritten, IntPtr overlapped);
}
