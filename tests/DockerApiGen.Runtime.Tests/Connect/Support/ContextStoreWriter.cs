using System.Text.Json;
using DockerApiGen.Runtime.Configuration;

namespace DockerApiGen.Runtime.Tests.Connect.Support;

/// <summary>Writes a docker CLI context store by hand, in the layout the CLI uses (what `docker context create` writes).</summary>
internal static class ContextStoreWriter
{
    public static void Write(string configDirectory, string name, string host, bool skipTlsVerify = false, string? tlsFilesFrom = null)
    {
        var digest = DockerContextStore.DigestOf(name);
        var meta = Path.Combine(configDirectory, "contexts", "meta", digest);
        Directory.CreateDirectory(meta);
        var document = new Dictionary<string, object>
        {
            ["Name"] = name,
            ["Metadata"] = new Dictionary<string, string> { ["Description"] = "written by a DockerApiGen test" },
            ["Endpoints"] = new Dictionary<string, object> { ["docker"] = new Dictionary<string, object> { ["Host"] = host, ["SkipTLSVerify"] = skipTlsVerify } },
        };
        File.WriteAllText(Path.Combine(meta, "meta.json"), JsonSerializer.Serialize(document, ContextJson.Default.DictionaryStringObject));
        if (tlsFilesFrom is not null)
        {
            var tls = Path.Combine(configDirectory, "contexts", "tls", digest, "docker");
            Directory.CreateDirectory(tls);
            foreach (var file in new[] { "ca.pem", "cert.pem", "key.pem" })
            {
                if (File.Exists(Path.Combine(tlsFilesFrom, file)))
                {
                    File.Copy(Path.Combine(tlsFilesFrom, file), Path.Combine(tls, file));
                }
            }
        }
    }

    public static void SetCurrentContext(string configDirectory, string name)
        => File.WriteAllText(Path.Combine(configDirectory, "config.json"), $$"""{ "auths": {}, "currentContext": "{{name}}" }""");
}

[System.Text.Json.Serialization.JsonSerializable(typeof(Dictionary<string, object>))]
[System.Text.Json.Serialization.JsonSerializable(typeof(Dictionary<string, string>))]
[System.Text.Json.Serialization.JsonSerializable(typeof(bool))]
internal sealed partial class ContextJson : System.Text.Json.Serialization.JsonSerializerContext;
