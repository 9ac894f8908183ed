using DockerApiGen.Generator.Semantics;

namespace DockerApiGen.Generator.Emitting;

/// <summary>
/// Prints the package's entry client (<c>DockerClient</c>): pinned to its API version, one property per
/// sub-client, thread-safe and disposable; a protected constructor lets users mock it.
/// </summary>
public static class DockerClientEmitter
{
    /// <summary>Writes the class.</summary>
    /// <param name="file">Where to write.</param>
    /// <param name="client">The client model.</param>
    public static void Emit(CSharpFile file, ClientModel client)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(client);
        var writer = file.Body;
        var names = client.Names;
        var className = names.ClientClassName;
        var connectionType = file.Type(names.Connection);
        if (names.PinsVersion)
        {
            writer.Summary($"A client for the {names.ApiTitle} v{names.Version}: every request goes to `/v{names.Version}/…` and works with any daemon that supports that version (a daemon that does not answers with a DockerApiVersionException naming the package to use). With `DockerClientOptions.NegotiateApiVersion`, it speaks an older daemon's newest version instead and refuses, before sending, what that version lacks. Thread-safe; create one per daemon and dispose it when done.");
        }
        else
        {
            writer.Summary($"A client for the {names.ApiTitle}, generated from its {names.VersionLabel} description: a sub-client per area, a method per operation. Thread-safe; create one and dispose it when done.");
        }

        writer.Line($"public {(names.IsPartial ? "partial " : string.Empty)}class {className} : {file.Type(KnownTypes.IDisposable)}").Open();
        writer.Summary(names.PinsVersion ? "The API version this client is pinned to." : "The dated description of the API this client was generated from.");
        writer.Line($"public const string ApiVersion = {ObjectEmitter.Literal(names.Version)};");
        writer.Line();
        if (client.OldestVersion is { } oldest)
        {
            writer.Summary($"The oldest API version this package knows the contents of (its availability markers start there): a client that negotiates (`DockerClientOptions.NegotiateApiVersion`) goes no lower.");
            writer.Line($"public const string OldestApiVersion = {ObjectEmitter.Literal(oldest.ToString())};");
            writer.Line();
        }

        writer.Line($"private readonly {connectionType}? _connection;");
        writer.Line("private readonly bool _ownsConnection;");
        foreach (var area in client.Areas)
        {
            writer.Line($"private readonly {area.ClassName}? _{Field(area.Property)};");
        }

        writer.Line();
        writer.Summary(names.PinsVersion
            ? "Connects as the options say; with no options, as the docker CLI would (DOCKER_HOST, else the default socket). Nothing is sent until the first call."
            : "Connects as the options say; with no options, with the connection's defaults. Nothing is sent until the first call.");
        writer.DocElement("param", names.PinsVersion ? "How to reach the daemon." : "How to reach the server and sign in.", "name=\"options\"");
        writer.Line($"public {className}({file.Type(names.ClientOptions)}? options = null)").Open();
        writer.Line(!names.PinsVersion ? $"_connection = new {connectionType}(options);" : client.OldestVersion is null ? $"_connection = new {connectionType}(ApiVersion, options);" : $"_connection = new {connectionType}(ApiVersion, options, OldestApiVersion);");
        writer.Line("_ownsConnection = true;");
        foreach (var area in client.Areas)
        {
            writer.Line($"_{Field(area.Property)} = new {area.ClassName}(_connection);");
        }

        writer.Close();
        writer.Line();
        writer.Summary(names.PinsVersion
            ? "Uses an existing connection, which must be pinned to this client's version; the caller keeps ownership of it."
            : "Uses an existing connection; the caller keeps ownership of it.");
        writer.DocElement("param", "The connection.", "name=\"connection\"");
        if (names.PinsVersion)
        {
            writer.DocElement("exception", "The connection is pinned to another version.", $"cref=\"{file.Type(KnownTypes.ArgumentException)}\"");
        }

        writer.Line($"public {className}({connectionType} connection)").Open();
        writer.Line($"{file.Type(KnownTypes.ArgumentNullException)}.ThrowIfNull(connection);");
        if (names.PinsVersion)
        {
            writer.Line("if (connection.ApiVersion != ApiVersion)").Open();
            writer.Line($"throw new {file.Type(KnownTypes.ArgumentException)}($\"The connection speaks API {{connection.ApiVersion}}; this client needs {{ApiVersion}}.\", nameof(connection));").Close();
            writer.Line();
        }

        writer.Line("_connection = connection;");
        foreach (var area in client.Areas)
        {
            writer.Line($"_{Field(area.Property)} = new {area.ClassName}(connection);");
        }

        writer.Close();
        writer.Line();
        writer.Summary("For mocking: a client without a connection, whose properties that are not overridden throw.");
        writer.Line($"protected {className}()").Open().Close();
        writer.Line();
        writer.Summary(names.PinsVersion ? "The connection to the daemon (transport, version, raw requests)." : "The connection every sub-client calls (transport, raw requests).");
        writer.Line($"public virtual {connectionType} Connection => _connection ?? throw Mocked();");
        foreach (var area in client.Areas)
        {
            writer.Line();
            writer.Summary($"The {area.Tag} operations.");
            writer.Line($"public virtual {area.ClassName} {area.Property} => _{Field(area.Property)} ?? throw Mocked();");
        }

        writer.Line();
        writer.Summary("Closes the connection (when this client opened it).");
        writer.Line("public void Dispose()").Open();
        writer.Line("Dispose(true);");
        writer.Line($"{file.Type(KnownTypes.GC)}.SuppressFinalize(this);").Close();
        writer.Line();
        writer.Summary("Closes the connection (when this client opened it).");
        writer.DocElement("param", "True when called from Dispose().", "name=\"disposing\"");
        writer.Line("protected virtual void Dispose(bool disposing)").Open();
        writer.Line("if (disposing && _ownsConnection)").Open();
        writer.Line("_connection?.Dispose();").Close();
        writer.Close();
        writer.Line();
        writer.Line($"private static {file.Type(KnownTypes.InvalidOperationException)} Mocked() => new(\"This client was made for mocking (protected constructor) and has no connection.\");");
        writer.Close();
    }

    private static string Field(string property) => char.ToLowerInvariant(property[0]) + property[1..];
}
