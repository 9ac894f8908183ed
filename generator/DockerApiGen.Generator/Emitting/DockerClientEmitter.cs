namespace DockerApiGen.Generator.Emitting;

/// <summary>
/// Emits the version's <c>DockerClient</c>: pinned to <c>/v1.NN/</c>, one property per sub-client,
/// thread-safe and disposable; a protected constructor lets users mock it.
/// </summary>
public static class DockerClientEmitter
{
    /// <summary>The class name.</summary>
    public const string ClassName = "DockerClient";

    /// <summary>Writes the class.</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="plan">The planned clients.</param>
    /// <param name="settings">Names for the version.</param>
    public static void Emit(SourceWriter writer, ClientPlan plan, EmitSettings settings)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(settings);
        const string connectionType = "global::DockerApiGen.Runtime.Http.DockerApiConnection";
        writer.Summary($"A client for Docker Engine API v{settings.Version}: every request goes to `/v{settings.Version}/…` and works with any daemon that supports that version (a daemon that does not answers with a DockerApiVersionException naming the package to use). Thread-safe; create one per daemon and dispose it when done.");
        writer.Line($"public class {ClassName} : global::System.IDisposable").Open();
        writer.Summary("The API version this client is pinned to.");
        writer.Line($"public const string ApiVersion = \"{settings.Version}\";");
        writer.Line();
        writer.Line($"private readonly {connectionType}? _connection;");
        writer.Line("private readonly bool _ownsConnection;");
        foreach (var area in plan.Areas)
        {
            writer.Line($"private readonly {area.ClassName}? _{Field(area.Area.Property)};");
        }

        writer.Line();
        writer.Summary("Connects as the options say; with no options, as the docker CLI would (DOCKER_HOST, else the default socket). Nothing is sent until the first call.");
        writer.DocElement("param", "How to reach the daemon.", "name=\"options\"");
        writer.Line($"public {ClassName}(global::DockerApiGen.Runtime.DockerClientOptions? options = null)").Open();
        writer.Line($"_connection = new {connectionType}(ApiVersion, options);");
        writer.Line("_ownsConnection = true;");
        foreach (var area in plan.Areas)
        {
            writer.Line($"_{Field(area.Area.Property)} = new {area.ClassName}(_connection);");
        }

        writer.Close();
        writer.Line();
        writer.Summary("Uses an existing connection, which must be pinned to this client's version; the caller keeps ownership of it.");
        writer.DocElement("param", "The connection.", "name=\"connection\"");
        writer.DocElement("exception", "The connection is pinned to another version.", "cref=\"global::System.ArgumentException\"");
        writer.Line($"public {ClassName}({connectionType} connection)").Open();
        writer.Line("global::System.ArgumentNullException.ThrowIfNull(connection);");
        writer.Line("if (connection.ApiVersion != ApiVersion)").Open();
        writer.Line("throw new global::System.ArgumentException($\"The connection speaks API {connection.ApiVersion}; this client needs {ApiVersion}.\", nameof(connection));").Close();
        writer.Line();
        writer.Line("_connection = connection;");
        foreach (var area in plan.Areas)
        {
            writer.Line($"_{Field(area.Area.Property)} = new {area.ClassName}(connection);");
        }

        writer.Close();
        writer.Line();
        writer.Summary("For mocking: a client without a connection, whose properties that are not overridden throw.");
        writer.Line($"protected {ClassName}()").Open().Close();
        writer.Line();
        writer.Summary("The connection to the daemon (transport, version, raw requests).");
        writer.Line($"public virtual {connectionType} Connection => _connection ?? throw Mocked();");
        foreach (var area in plan.Areas)
        {
            writer.Line();
            writer.Summary($"The {area.Area.Tag} operations.");
            writer.Line($"public virtual {area.ClassName} {area.Area.Property} => _{Field(area.Area.Property)} ?? throw Mocked();");
        }

        writer.Line();
        writer.Summary("Closes the connection (when this client opened it).");
        writer.Line("public void Dispose()").Open();
        writer.Line("Dispose(true);");
        writer.Line("global::System.GC.SuppressFinalize(this);").Close();
        writer.Line();
        writer.Summary("Closes the connection (when this client opened it).");
        writer.DocElement("param", "True when called from Dispose().", "name=\"disposing\"");
        writer.Line("protected virtual void Dispose(bool disposing)").Open();
        writer.Line("if (disposing && _ownsConnection)").Open();
        writer.Line("_connection?.Dispose();").Close();
        writer.Close();
        writer.Line();
        writer.Line("private static global::System.InvalidOperationException Mocked() => new(\"This client was made for mocking (protected constructor) and has no connection.\");");
        writer.Close();
    }

    private static string Field(string property) => char.ToLowerInvariant(property[0]) + property[1..];
}
