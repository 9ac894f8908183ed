using System.Formats.Tar;
using System.Text;

namespace DockerApiGen.Contract.Tests.Responses;

/// <summary>A tar archive (export, archive get, image save): 200 with a small valid tar of one file.</summary>
public sealed class TarResponse : WireBehaviour
{
    /// <summary>The file the archive holds.</summary>
    public const string FileName = "sample.txt";

    /// <summary>The file's content.</summary>
    public const string FileContent = "sample\n";

    private static readonly Lazy<byte[]> Archive = new(Build);

    /// <summary>The archive's bytes.</summary>
    public static byte[] ArchiveBytes => Archive.Value;

    /// <summary>The one instance.</summary>
    public static TarResponse Instance { get; } = new();

    private TarResponse()
    {
    }

    /// <inheritdoc />
    public override async Task<bool> RespondAsync(ResponseContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await Server.HttpResponseWriter.WriteAsync(context.Connection, 200, [new("Content-Type", "application/x-tar")], Archive.Value, context.IsHead, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private static byte[] Build()
    {
        using var archive = new MemoryStream();
        using (var writer = new TarWriter(archive, TarEntryFormat.Pax, leaveOpen: true))
        {
            var entry = new PaxTarEntry(TarEntryType.RegularFile, FileName)
            {
                Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
                ModificationTime = DateTimeOffset.Parse(SampleJson.DateTime[..19] + "Z", System.Globalization.CultureInfo.InvariantCulture),
                DataStream = new MemoryStream(Encoding.UTF8.GetBytes(FileContent)),
            };
            writer.WriteEntry(entry);
        }

        return archive.ToArray();
    }
}
