using DockerApiGen.Generator.Semantics;

namespace DockerApiGen.Generator.Emitting;

/// <summary>
/// Prints the package's source-generated System.Text.Json context from the client model's entries, so
/// serialization needs no reflection (trimming and AOT safe).
/// </summary>
public static class JsonContextEmitter
{
    /// <summary>Writes the context class.</summary>
    /// <param name="file">Where to write.</param>
    /// <param name="client">The client model.</param>
    public static void Emit(CSharpFile file, ClientModel client)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(client);
        var writer = file.Body;
        var casing = client.Names.Server == PackageNames.DefaultServer
            ? "as the daemon's own (Go) decoder does, because the daemon's answers do not always use the spec's casing (secret and config create send `ID` where the spec says `Id`)"
            : $"so that answers of {client.Names.Server} whose casing differs from the spec's still read";
        writer.Summary($"Source-generated System.Text.Json metadata for every model and operation body of the {client.Names.ApiTitle} {client.Names.VersionLabel}: no reflection, trimming and AOT safe. Null properties are not written; property names are matched without regard to case, {casing}.");
        writer.Line($"[{file.Attribute(KnownTypes.JsonSourceGenerationOptions)}(DefaultIgnoreCondition = {file.Type(KnownTypes.JsonIgnoreCondition)}.WhenWritingNull, PropertyNameCaseInsensitive = true)]");
        foreach (var entry in client.JsonContext.Entries)
        {
            writer.Line($"[{file.Attribute(KnownTypes.JsonSerializable)}(typeof({file.Type(entry.Type)}))]");
        }

        writer.Line($"public sealed partial class {client.JsonContext.ClassName} : {file.Type(KnownTypes.JsonSerializerContext)}").Open().Close();
    }
}
