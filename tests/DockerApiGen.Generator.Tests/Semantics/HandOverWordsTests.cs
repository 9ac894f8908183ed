using DockerApiGen.Generator.Diagnostics;
using DockerApiGen.Generator.Emitting;
using DockerApiGen.Generator.Model;
using DockerApiGen.Generator.Roslyn;
using DockerApiGen.Generator.Semantics;
using DockerApiGen.Generator.Specs;
using DockerApiGen.Generator.Tests.Parsing;
using DockerApiGen.Generator.Tests.Support;

namespace DockerApiGen.Generator.Tests.Semantics;

/// <summary>
/// The words for APIs whose answers and addresses hand-written code must handle (the Registry's): answers handed over
/// as they are (<c>response</c>) or with their headers (<c>json-with-headers</c>), repository names that keep their
/// slashes (<c>segments</c>), sessions addressed by an earlier answer's URL (<c>location</c>), bodies sent byte-exact
/// (<c>bytes</c>), <c>Content-Length</c> set on the body; and response headers declared by reference to a component.
/// A fixture document through every stage, compiled against a stand-in connection.
/// </summary>
public sealed class HandOverWordsTests
{
    private const string Operations = """
        areas:
          Things: { property: Things, noun: Thing }
          Sessions: { property: Sessions, noun: Session }
        responses:
          ThingGet: { kind: response }
          ThingList: { kind: json-with-headers, result: Fixture.Runtime.Page }
          SessionAppend: { kind: response }
        parameters:
          - { name: name, encoding: segments }
          - { operation: SessionAppend, name: session, encoding: location }
          - { operation: SessionClose, name: session, encoding: location }
          - { operation: ThingPut, name: body, encoding: bytes }
        """;

    private static readonly string Document = OpenApi3Fixtures.Document(
        """
          schemas:
            Thing:
              type: object
              properties:
                kind:
                  type: string
            ThingPage:
              type: object
              properties:
                things:
                  type: array
                  items:
                    type: string
          headers:
            ThingDigest:
              description: The thing's digest.
              schema:
                type: string
        """,
        """
          /v2/{name}/things/{reference}:
            parameters:
              - { name: name, in: path, required: true, schema: { type: string } }
              - { name: reference, in: path, required: true, schema: { type: string } }
            get:
              operationId: ThingGet
              tags: [Things]
              responses:
                "200":
                  description: The thing.
                  headers:
                    Thing-Digest:
                      $ref: "#/components/headers/ThingDigest"
                  content:
                    application/vnd.thing+json:
                      schema:
                        $ref: "#/components/schemas/Thing"
            put:
              operationId: ThingPut
              tags: [Things]
              parameters:
                - { name: Content-Type, in: header, required: true, schema: { type: string } }
              requestBody:
                required: true
                content:
                  application/vnd.thing+json:
                    schema:
                      $ref: "#/components/schemas/Thing"
                  "*/*":
                    schema:
                      type: string
                      format: binary
              responses:
                "201":
                  description: Stored.
          /v2/{name}/things:
            get:
              operationId: ThingList
              tags: [Things]
              parameters:
                - { name: name, in: path, required: true, schema: { type: string } }
              responses:
                "200":
                  description: A page.
                  content:
                    application/json:
                      schema:
                        $ref: "#/components/schemas/ThingPage"
          /v2/{name}/sessions/{session}:
            parameters:
              - { name: name, in: path, required: true, schema: { type: string } }
              - { name: session, in: path, required: true, schema: { type: string } }
            patch:
              operationId: SessionAppend
              tags: [Sessions]
              parameters:
                - { name: Content-Range, in: header, schema: { type: string } }
                - { name: Content-Length, in: header, schema: { type: integer, format: int64 } }
              requestBody:
                required: true
                content:
                  application/octet-stream:
                    schema:
                      type: string
                      format: binary
              responses:
                "202":
                  description: Appended.
            delete:
              operationId: SessionClose
              tags: [Sessions]
              responses:
                "204":
                  description: Closed.
        """);

    /// <summary>The runtime types the fixture's declarations name, as small as the generated code needs.</summary>
    private const string StandInRuntime = """
        #nullable enable
        namespace Fixture.Runtime;

        /// <summary>x</summary>
        public sealed class FixtureOptions
        {
        }

        /// <summary>x</summary>
        /// <typeparam name="T">x</typeparam>
        public sealed class Page<T>
        {
        }

        /// <summary>x</summary>
        public sealed class FixtureConnection : System.IDisposable
        {
            /// <summary>x</summary>
            /// <param name="options">x</param>
            public FixtureConnection(FixtureOptions? options) => Options = options;

            /// <summary>x</summary>
            public FixtureOptions? Options { get; }

            /// <summary>x</summary>
            /// <param name="request">x</param>
            /// <param name="cancellationToken">x</param>
            public System.Threading.Tasks.Task SendAsync(DockerApiGen.Runtime.Http.DockerRequest request, System.Threading.CancellationToken cancellationToken) => System.Threading.Tasks.Task.CompletedTask;

            /// <summary>x</summary>
            /// <param name="request">x</param>
            /// <param name="cancellationToken">x</param>
            public System.Threading.Tasks.Task<System.Net.Http.HttpResponseMessage> SendForResponseAsync(DockerApiGen.Runtime.Http.DockerRequest request, System.Threading.CancellationToken cancellationToken) => throw new System.NotSupportedException();

            /// <summary>x</summary>
            /// <typeparam name="T">x</typeparam>
            /// <param name="request">x</param>
            /// <param name="typeInfo">x</param>
            /// <param name="cancellationToken">x</param>
            public System.Threading.Tasks.Task<Page<T>> SendWithHeadersAsync<T>(DockerApiGen.Runtime.Http.DockerRequest request, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo, System.Threading.CancellationToken cancellationToken) => throw new System.NotSupportedException();

            /// <summary>x</summary>
            public void Dispose()
            {
            }
        }
        """;

    private static readonly EmitSettings Settings = new(
        new ApiVersion(1, 1),
        new string('b', 64),
        "Fixture.Api",
        "Fixture API",
        "FixtureJsonContext",
        new FamilyClient("FixtureApiClient", "Fixture.Runtime.FixtureConnection", "Fixture.Runtime.FixtureOptions") { PinsVersion = false })
    {
        EmitsProjectFile = false,
        Server = "the server",
    };

    private static async Task<(ApiModel Model, ClientModel Client)> BuildAsync(string operations = Operations)
    {
        var model = await OpenApi3ModelTests.Build(Document);
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "operations.yaml");
        File.WriteAllText(path, operations);
        return (model, ClientModelBuilder.Build(model, OperationsConfig.Load(path), Settings.Names, Settings.JsonContextName));
    }

    [Fact]
    public async Task A_header_declared_by_reference_to_a_component_has_the_components_schema_and_description()
    {
        var (model, _) = await BuildAsync();
        var header = model.Operations.Single(o => o.OperationId == "ThingGet").Responses.Single().Headers.Single();
        Assert.Equal(("Thing-Digest", (TypeRef)new PrimitiveRef(PrimitiveKind.String, null), "The thing's digest."), (header.Name, header.Type, header.Description));
    }

    [Fact]
    public async Task The_words_decide_addresses_bodies_and_answers()
    {
        var (_, client) = await BuildAsync();

        var get = client.MethodFor("ThingGet")!;
        Assert.Equal((AnswerKind.Response, (CSharpTypeName)KnownTypes.Task.Of(KnownTypes.HttpResponseMessage)), (get.Answer.Kind, get.Answer.ReturnType));
        Assert.Equal("segments", get.Path.Single(s => s.IsParameter && s.Text == "name").Format);
        Assert.Null(get.Path.Single(s => s.IsParameter && s.Text == "reference").Format);

        var put = client.MethodFor("ThingPut")!;
        Assert.Equal(["name", "reference", "contentType", "body"], put.Parameters.Select(p => p.Name));
        Assert.Equal(KnownTypes.Stream, put.Parameters[^1].Type);
        Assert.Equal([RequestTarget.Body, RequestTarget.ContentType], put.Request.Select(r => r.Target));

        var list = client.MethodFor("ThingList")!;
        Assert.Equal((AnswerKind.JsonWithHeaders, (CSharpTypeName)KnownTypes.Task.Of(new NamedTypeName("Fixture.Runtime", "Page").Of(new NamedTypeName("Fixture.Api.Models", "ThingPage")))), (list.Answer.Kind, list.Answer.ReturnType));

        var append = client.MethodFor("SessionAppend")!;
        Assert.Equal("location", append.Location);
        Assert.Equal(["location", "body"], append.Parameters.Select(p => p.Name));
        Assert.Equal(((CSharpTypeName)KnownTypes.Uri, true), (append.Parameters[0].Type, append.Parameters[0].NeedsNullCheck));
        Assert.Equal([RequestTarget.Header, RequestTarget.Body, RequestTarget.ContentLength], append.Request.Select(r => r.Target));
        Assert.Equal(["ContentRange", "ContentLength"], append.Options!.Properties.Select(p => p.Name));
        Assert.Equal(KnownTypes.Int64.AsNullable(), append.Options.Properties[1].Type);
    }

    [Fact]
    public async Task The_emitted_client_calls_the_connection_as_the_words_say_and_compiles()
    {
        var (_, client) = await BuildAsync();
        var files = VersionEmitter.Emit(client, Settings);
        var things = files.Single(f => f.RelativePath == "Generated/Clients/ThingsClient.cs").Text;
        var sessions = files.Single(f => f.RelativePath == "Generated/Clients/SessionsClient.cs").Text;
        var entry = files.Single(f => f.RelativePath == "Generated/FixtureApiClient.cs").Text;

        Assert.Contains("new DockerRequest(HttpMethod.Get, $\"/v2/{name:segments}/things/{reference}\", \"ThingGet\")", things, StringComparison.Ordinal);
        Assert.Contains("return Connection.SendForResponseAsync(request, cancellationToken);", things, StringComparison.Ordinal);
        Assert.Contains("request.StreamBody(body, \"application/octet-stream\");\n        request.ContentType(contentType);", things, StringComparison.Ordinal);
        Assert.Contains("return Connection.SendWithHeadersAsync(request, FixtureJsonContext.Default.ThingPage, cancellationToken);", things, StringComparison.Ordinal);
        Assert.Contains("new DockerRequest(HttpMethod.Patch, location, \"SessionAppend\")", sessions, StringComparison.Ordinal);
        Assert.Contains("request.ContentLength(options?.ContentLength);", sessions, StringComparison.Ordinal);
        Assert.Contains("_connection = new FixtureConnection(options);", entry, StringComparison.Ordinal);
        Assert.Contains("/// <param name=\"connection\">The connection to the server.</param>", sessions, StringComparison.Ordinal);
        Assert.Equal(files, CodeFormatter.Format(files));

        InMemoryCompiler.Compile(Settings.RootNamespace, [.. files, new GeneratedFile("StandIn.cs", StandInRuntime)], TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_word_in_the_wrong_place_is_an_error_naming_the_declaration()
    {
        var locationOnAHeader = Operations.Replace("- { operation: SessionClose, name: session, encoding: location }", "- { operation: SessionClose, name: session, encoding: location }\n  - { operation: SessionAppend, name: Content-Range, encoding: location }", StringComparison.Ordinal);
        var problem = Assert.Single(Assert.Throws<GenerationException>(() => BuildAsync(locationOnAHeader).GetAwaiter().GetResult()).Problems);
        Assert.Contains("Parameter 'Content-Range' of 'SessionAppend' is declared `Location`", problem.Message, StringComparison.Ordinal);
        Assert.Contains("which is for path parameters, not query or header parameters", problem.Message, StringComparison.Ordinal);

        var bodyAsLocation = Operations.Replace("- { operation: ThingPut, name: body, encoding: bytes }", "- { operation: ThingPut, name: reference, encoding: bytes }", StringComparison.Ordinal);
        var path = Assert.Single(Assert.Throws<GenerationException>(() => BuildAsync(bodyAsLocation).GetAwaiter().GetResult()).Problems);
        Assert.Contains("Path parameter 'reference' of 'ThingPut' is declared `Bytes`", path.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_with_headers_needs_a_result_and_says_so_with_the_line()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "operations.yaml");
        File.WriteAllText(path, "responses:\n  ThingList: { kind: json-with-headers }\n");
        var problem = Assert.Single(Assert.Throws<GenerationException>(() => OperationsConfig.Load(path)).Problems);
        Assert.Equal(2, problem.Line);
        Assert.Contains("needs a `result`: the runtime's generic type", problem.Message, StringComparison.Ordinal);
    }
}
