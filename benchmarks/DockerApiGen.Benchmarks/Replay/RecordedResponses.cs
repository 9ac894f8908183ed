using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DockerApiGen.Benchmarks.Replay;

/// <summary>
/// The real v1.41 daemon responses recorded for the model tests (tests/DockerApiGen.Models.Tests/RealResponses),
/// read where they live and turned into the compact JSON a daemon sends (the files are indented for review).
/// </summary>
public static class RecordedResponses
{
    /// <summary>Overrides where the recorded responses are read from.</summary>
    public const string DirectoryVariable = "DOCKERAPIGEN_RECORDED_RESPONSES";

    /// <summary>The folder of recorded responses: <see cref="DirectoryVariable"/>, else the one this build was made from.</summary>
    public static string Directory
    {
        get
        {
            var directory = Environment.GetEnvironmentVariable(DirectoryVariable);
            if (string.IsNullOrEmpty(directory))
            {
                directory = typeof(RecordedResponses).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                    .SingleOrDefault(attribute => attribute.Key == "RecordedResponsesDirectory")?.Value;
            }

            return System.IO.Directory.Exists(directory)
                ? directory
                : throw new DirectoryNotFoundException(
                    $"The recorded responses are not at '{directory}'. Set {DirectoryVariable} to tests/DockerApiGen.Models.Tests/RealResponses.");
        }
    }

    /// <summary>One recorded response, compacted.</summary>
    /// <param name="fileName">A file of the folder, e.g. <c>container-inspect.json</c>.</param>
    public static byte[] Read(string fileName)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Directory, fileName)));
        return Compact(document.RootElement);
    }

    /// <summary>
    /// A container list of <paramref name="count"/> items made from the first recorded one, each with its own
    /// id and name, so the payload is as large as a daemon's with that many containers.
    /// </summary>
    /// <param name="count">How many containers the list holds.</param>
    public static byte[] ContainerList(int count)
    {
        var recorded = JsonNode.Parse(File.ReadAllBytes(Path.Combine(Directory, "container-list.json")))?.AsArray()
            ?? throw new InvalidDataException("container-list.json is not a JSON array.");
        var template = recorded.FirstOrDefault() ?? throw new InvalidDataException("container-list.json holds no container.");

        var list = new JsonArray();
        for (var index = 0; index < count; index++)
        {
            var item = template.DeepClone().AsObject();
            item["Id"] = DistinctContainerId(index);
            item["Names"] = new JsonArray($"/bench-{index}");
            list.Add(item);
        }

        return Encoding.UTF8.GetBytes(list.ToJsonString());
    }

    // A 64-hex-digit id like the daemon's, the same for an index in every run.
    private static string DistinctContainerId(int index) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"dockerapigen-bench-{index}")));

    private static byte[] Compact(JsonElement element)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            element.WriteTo(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
