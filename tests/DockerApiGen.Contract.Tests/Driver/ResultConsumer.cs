using System.Formats.Tar;
using System.Net.WebSockets;
using System.Reflection;
using System.Text;
using DockerApiGen.Contract.Tests.Responses;
using DockerApiGen.Runtime.Responses;
using DockerApiGen.Runtime.Streams;

namespace DockerApiGen.Contract.Tests.Driver;

/// <summary>
/// Consumes what a generated method returns, fully, and checks it carries what the server sent: awaits
/// tasks, enumerates streams of messages, reads tar streams and container output, writes stdin to a
/// hijacked connection and reads its echo, exchanges a message over a websocket.
/// </summary>
public static class ResultConsumer
{
    /// <summary>What is written to a hijacked connection's stdin (and comes back as its output).</summary>
    public const string Stdin = "sample stdin\n";

    private static readonly MethodInfo DrainMethod = typeof(ResultConsumer).GetMethod(nameof(DrainAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>Consumes a returned value.</summary>
    /// <param name="method">The generated method that returned it: its declared return type says what to read, since a
    /// <see cref="Task"/> may at run time be a <see cref="Task{TResult}"/> of the runtime's own (a completed
    /// <c>Task&lt;bool&gt;</c> when the call finished synchronously) that is not the method's answer.</param>
    /// <param name="returned">What the method returned.</param>
    /// <param name="apiVersion">The client's version (a ping must report it).</param>
    /// <param name="cancellationToken">Cancels consuming.</param>
    /// <param name="operation">The operation (a stream is read as its success media type says: CSV, else a tar archive).</param>
    public static async Task ConsumeAsync(MethodInfo method, object? returned, string apiVersion, CancellationToken cancellationToken, Spec.SpecOperation? operation = null)
    {
        ArgumentNullException.ThrowIfNull(method);
        switch (returned)
        {
            case Task task:
                await task;
                var declared = method.ReturnType;
                if (declared.IsGenericType && declared.GetGenericTypeDefinition() == typeof(Task<>))
                {
                    await ConsumeValueAsync(declared.GetProperty(nameof(Task<int>.Result))!.GetValue(task), apiVersion, cancellationToken, operation);
                }

                break;
            case not null when AsyncItemType(returned.GetType()) is { } itemType:
                var count = await (Task<int>)DrainMethod.MakeGenericMethod(itemType).Invoke(null, [returned, cancellationToken])!;
                Assert.True(count > 0, "The stream yielded nothing, though the server sent messages.");
                break;
            default:
                throw new NotSupportedException($"A generated method returned {returned?.GetType().FullName ?? "null"}; the driver consumes tasks and async streams.");
        }
    }

    private static async Task ConsumeValueAsync(object? value, string apiVersion, CancellationToken cancellationToken, Spec.SpecOperation? operation)
    {
        switch (value)
        {
            case Stream csv when string.Equals(operation?.SuccessMediaType, CsvResponse.MediaType, StringComparison.OrdinalIgnoreCase):
                await using (csv)
                {
                    using var text = new StreamReader(csv);
                    var lines = (await text.ReadToEndAsync(cancellationToken)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
                    Assert.Equal(2, lines.Length); // the header row and the sample row
                }

                break;
            case bool exists:
                Assert.True(exists, "The server answered 2xx, which means the resource exists.");
                break;
            case HijackedConnection session:
                await using (session)
                {
                    await session.WriteAsync(Encoding.UTF8.GetBytes(Stdin), cancellationToken);
                    await session.CloseStdinAsync(cancellationToken);
                    var (output, _) = await session.ReadToEndAsync(cancellationToken);
                    Assert.Equal(Stdin, output);
                }

                break;
            case ContainerOutput output:
                await using (output)
                {
                    Assert.Equal((MultiplexedOutputResponse.StdoutText, MultiplexedOutputResponse.StderrText), await output.ReadToEndAsync(cancellationToken));
                }

                break;
            case Stream archive:
                await using (archive)
                {
                    using var tar = new TarReader(archive);
                    Assert.Equal(TarResponse.FileName, (await tar.GetNextEntryAsync(cancellationToken: cancellationToken))?.Name);
                    Assert.Null(await tar.GetNextEntryAsync(cancellationToken: cancellationToken));
                }

                break;
            case WebSocket socket:
                using (socket)
                {
                    await socket.SendAsync(Encoding.UTF8.GetBytes(Stdin), WebSocketMessageType.Binary, endOfMessage: true, cancellationToken);
                    var buffer = new byte[256];
                    var received = await socket.ReceiveAsync(buffer, cancellationToken);
                    Assert.Equal(Stdin, Encoding.UTF8.GetString(buffer, 0, received.Count));
                    await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, cancellationToken);
                }

                break;
            case PingResult ping:
                Assert.Equal(apiVersion, ping.ApiVersion);
                break;
            case ContainerPathStat stat:
                Assert.Equal((string)PathStatResponse.Stat["name"]!, stat.Name);
                break;
        }
    }

    private static Type? AsyncItemType(Type type)
        => type.GetInterfaces().Append(type)
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IAsyncEnumerable<>))
            ?.GetGenericArguments()[0];

    private static async Task<int> DrainAsync<T>(IAsyncEnumerable<T> items, CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var item in items.WithCancellation(cancellationToken))
        {
            Assert.NotNull(item);
            count++;
        }

        return count;
    }
}
