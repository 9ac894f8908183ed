namespace DockerApiGen.Runtime.Streams;

/// <summary>Conveniences for progress streams (pull, push, build, load, import).</summary>
public static class ProgressExtensions
{
    /// <summary>
    /// Reads a progress stream to its end, reporting each message, so the operation is known to have finished
    /// (ending a pull's stream early leaves the pull unfinished). An error in the stream throws
    /// <see cref="Errors.DockerProgressException"/>.
    /// </summary>
    /// <typeparam name="T">The message type.</typeparam>
    /// <param name="messages">The stream, as returned by the client.</param>
    /// <param name="progress">Receives each message, if given.</param>
    /// <param name="cancellationToken">Cancels reading (and so the operation).</param>
    /// <returns>The last message (builds and pushes put the image id or digest there), or default when there was none.</returns>
    public static async Task<T?> WaitForCompletionAsync<T>(this IAsyncEnumerable<T> messages, IProgress<T>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        T? last = default;
        await foreach (var message in messages.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            progress?.Report(message);
            last = message;
        }

        return last;
    }
}
