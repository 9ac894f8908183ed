using DockerApiGen.Generator.Diagnostics;
using DockerApiGen.Generator.Model;
using DockerApiGen.Generator.Semantics;
using DockerApiGen.Generator.Tests.Parsing;
using DockerApiGen.Generator.Tests.Support;

namespace DockerApiGen.Generator.Tests.Semantics;

/// <summary>
/// The client model's naming and binding decisions, on a fixture spec and an operations file written for
/// it: no code is emitted or compiled here.
/// </summary>
public sealed class ClientModelTests
{
    private const string Operations = """
        areas:
          Widget: { property: Widgets, noun: Widget }
          System: { property: System, noun: System }
        methodNames:
          WidgetGetAll: SaveAll
        optionNames:
          WidgetList: { q: Quiet }
        responses:
          SystemPing: { kind: headers, result: DockerApiGen.Runtime.Responses.PingResult }
          WidgetPull: { kind: progress, message: PullInfo }
          WidgetAttach: { kind: hijack, upgrade: h2c }
          WidgetWait: { kind: json, timeout: none }
          WidgetEvents: { kind: json-stream }
          WidgetGetAll: { kind: stream }
        parameters:
          - { name: filters, encoding: filters }
          - { name: X-Registry-Auth, encoding: registry-auth }
          - { operation: WidgetPull, name: labels, encoding: json-string-map }
          - { operation: WidgetPull, name: platform, encoding: json, type: Platform }
          - { operation: WidgetPull, name: platforms, encoding: json, type: Platform }
          - { operation: WidgetPull, name: outputs, encoding: json-list, type: Platform }
        """;

    private static readonly string Spec = FixtureSpecs.Spec(
        """
          Platform:
            type: "object"
            properties:
              os:
                type: "string"
          ErrorDetail:
            type: "object"
            properties:
              code:
                type: "integer"
              message:
                type: "string"
          PullInfo:
            type: "object"
            properties:
              status:
                type: "string"
              error:
                type: "string"
              errorDetail:
                $ref: "#/definitions/ErrorDetail"
          Mode:
            type: "string"
            enum: ["fast", "slow"]
        """,
        """
          /_ping:
            get:
              operationId: "SystemPing"
              tags: ["System"]
              responses:
                200:
                  description: "ok"
                  schema:
                    type: "string"
          /widgets/json:
            get:
              operationId: "WidgetList"
              tags: ["Widget"]
              parameters:
                - { name: "all", in: "query", type: "boolean" }
                - { name: "q", in: "query", type: "boolean" }
                - { name: "filters", in: "query", type: "string" }
                - { name: "modes", in: "query", type: "array", items: { type: "string", enum: ["fast", "slow"] } }
              responses:
                200:
                  description: "ok"
                  schema:
                    type: "array"
                    items:
                      $ref: "#/definitions/Platform"
          /widgets/{id}/parts/{index}:
            put:
              operationId: "WidgetPutPart"
              tags: ["Widget"]
              consumes: ["application/x-tar"]
              parameters:
                - { name: "index", in: "path", required: true, type: "integer" }
                - { name: "body", in: "body", required: true, schema: { type: "string", format: "binary" } }
                - { name: "id", in: "path", required: true, type: "string" }
                - { name: "mode", in: "query", required: true, type: "string" }
                - { name: "Content-Type", in: "header", type: "string", enum: ["application/x-tar", "application/gzip"] }
              responses:
                200:
                  description: "ok"
                204:
                  description: "nothing"
          /widgets/pull:
            post:
              operationId: "WidgetPull"
              tags: ["Widget"]
              parameters:
                - { name: "X-Registry-Auth", in: "header", type: "string" }
                - { name: "labels", in: "query", type: "string" }
                - { name: "platform", in: "query", type: "string" }
                - { name: "platforms", in: "query", type: "array", items: { type: "string" } }
                - { name: "outputs", in: "query", type: "string" }
              responses:
                200:
                  description: "ok"
          /widgets/{id}/attach:
            post:
              operationId: "WidgetAttach"
              tags: ["Widget"]
              parameters:
                - { name: "id", in: "path", required: true, type: "string" }
              responses:
                101:
                  description: "upgraded"
          /widgets/{id}/wait:
            post:
              operationId: "WidgetWait"
              tags: ["Widget"]
              parameters:
                - { name: "id", in: "path", required: true, type: "string" }
              responses:
                200:
                  description: "ok"
                  schema:
                    $ref: "#/definitions/Platform"
                204:
                  description: "no body"
          /widgets/events:
            get:
              operationId: "WidgetEvents"
              tags: ["Widget"]
              responses:
                200:
                  description: "ok"
                  schema:
                    type: "object"
          /widgets/get:
            get:
              operationId: "WidgetGetAll"
              tags: ["Widget"]
              responses:
                200:
                  description: "ok"
                  schema:
                    type: "string"
                    format: "binary"
        """);

    [Fact]
    public async Task Areas_and_method_names_come_from_tags_nouns_and_declared_names()
    {
        var client = await BuildAsync();

        Assert.Equal(["System", "Widgets"], client.Areas.Select(a => a.Property));
        Assert.Equal("WidgetsClient", client.Areas[1].ClassName);
        Assert.Equal("ListAsync", Method(client, "WidgetList").Name);
        Assert.Equal("SaveAllAsync", Method(client, "WidgetGetAll").Name);
        Assert.Equal("PingAsync", Method(client, "SystemPing").Name);
    }

    [Fact]
    public async Task Positional_parameters_are_path_then_required_query_then_body()
    {
        var method = Method(await BuildAsync(), "WidgetPutPart");

        Assert.Equal(["index", "id", "mode", "body"], method.Parameters.Select(p => p.Name));
        Assert.Equal(KnownTypes.Int64, method.Parameters[0].Type);
        Assert.False(method.Parameters[0].NeedsNullCheck);
        Assert.Equal(KnownTypes.Stream, method.Parameters[3].Type);
        Assert.True(method.Parameters[3].NeedsNullCheck);
        Assert.Equal(
            [new PathSegment("/widgets/", false), new PathSegment("id", true), new PathSegment("/parts/", false), new PathSegment("index", true)],
            method.Path);
    }

    [Fact]
    public async Task The_body_goes_before_its_content_type_and_a_stream_body_takes_the_declared_media_type()
    {
        var method = Method(await BuildAsync(), "WidgetPutPart");

        Assert.Equal([RequestTarget.Query, RequestTarget.Body, RequestTarget.ContentType], method.Request.Select(r => r.Target));
        var body = method.Request[1];
        Assert.Equal((WireEncoding.Stream, "application/x-tar"), (body.Encoding, body.ContentType));
        Assert.Equal(WireEncoding.EnumValue, method.Request[2].Encoding);
        Assert.True(method.Request[2].FromOptions);
        Assert.Equal(AnswerKind.Empty, method.Answer.Kind);
    }

    [Fact]
    public async Task Optional_parameters_become_options_with_readable_names_and_declared_encodings()
    {
        var client = await BuildAsync();
        var list = Method(client, "WidgetList");

        Assert.Equal("WidgetListOptions", list.Options!.Name);
        Assert.Equal(["All", "Quiet", "Filters", "Modes"], list.Options.Properties.Select(p => p.Name));
        Assert.Equal(KnownTypes.DockerFilters.AsNullable(), list.Options.Properties[2].Type);
        Assert.Equal(WireEncoding.EnumValues, list.Request.Single(r => r.WireName == "modes").Encoding);
        Assert.Equal("q", list.Request.Single(r => r.Source == "Quiet").WireName);
    }

    [Fact]
    public async Task Json_encodings_name_their_metadata_and_credentials_are_secret()
    {
        var pull = Method(await BuildAsync(), "WidgetPull");
        var options = pull.Options!.Properties.ToDictionary(p => p.Name);
        RequestValue Value(string wire) => pull.Request.Single(r => r.WireName == wire);

        Assert.True(options["RegistryAuth"].IsSecret);
        Assert.Equal(KnownTypes.RegistryCredentials.AsNullable(), options["RegistryAuth"].Type);
        Assert.Equal((WireEncoding.Json, "IDictionaryStringString"), (Value("labels").Encoding, Value("labels").Json!.PropertyName));
        Assert.Equal((WireEncoding.Json, "Platform"), (Value("platform").Encoding, Value("platform").Json!.PropertyName));
        Assert.Equal((WireEncoding.JsonEach, "Platform"), (Value("platforms").Encoding, Value("platforms").Json!.PropertyName));
        Assert.Equal((WireEncoding.Json, "IListPlatform"), (Value("outputs").Encoding, Value("outputs").Json!.PropertyName));
    }

    [Fact]
    public async Task Answers_follow_the_declared_kind()
    {
        var client = await BuildAsync();

        var pull = Method(client, "WidgetPull").Answer;
        Assert.Equal((AnswerKind.Progress, true), (pull.Kind, pull.NoTimeLimit));
        Assert.Equal(new ProgressErrors("Error", "ErrorDetail", "Message", "Code"), pull.Errors);
        var ping = Method(client, "SystemPing").Answer;
        Assert.Equal((AnswerKind.Headers, "PingResult", false), (ping.Kind, ((NamedTypeName)ping.Result!).Name, ping.NoTimeLimit));
        Assert.Equal((AnswerKind.Hijack, "h2c"), (Method(client, "WidgetAttach").Answer.Kind, Method(client, "WidgetAttach").Answer.Upgrade));
        var wait = Method(client, "WidgetWait").Answer;
        Assert.Equal((AnswerKind.OptionalJson, true), (wait.Kind, wait.NoTimeLimit));
        Assert.Equal(KnownTypes.Task.Of(new NamedTypeName("DockerApiGen.Engine.V9_1.Models", "Platform").AsNullable()), wait.ReturnType);
        var events = Method(client, "WidgetEvents").Answer;
        Assert.Equal((AnswerKind.JsonStream, "IDictionaryStringJsonElement"), (events.Kind, events.Json!.PropertyName));
        Assert.Equal(AnswerKind.Stream, Method(client, "WidgetGetAll").Answer.Kind);
    }

    [Fact]
    public async Task The_json_context_lists_every_model_and_every_json_value_an_operation_carries_once()
    {
        var client = await BuildAsync();
        var names = client.JsonContext.Entries.Select(e => e.PropertyName).ToList();

        Assert.Equal(names.Distinct().Count(), names.Count);
        Assert.Contains("Platform", names);
        Assert.Contains("Mode", names);
        Assert.Contains("IListPlatform", names);
        Assert.Contains("IDictionaryStringString", names);
        Assert.Contains("IDictionaryStringJsonElement", names);
        Assert.All(client.Methods.SelectMany(m => m.Request).Select(r => r.Json).OfType<JsonContextEntry>(), e => Assert.Contains(e, client.JsonContext.Entries));
    }

    [Fact]
    public async Task A_declared_json_type_the_version_lacks_is_an_error_naming_the_declaration()
    {
        var problems = await ProblemsAsync(Operations.Replace("type: Platform }\n  - { operation: WidgetPull, name: platforms", "type: Nowhere }\n  - { operation: WidgetPull, name: platforms", StringComparison.Ordinal));

        Assert.Contains(problems, p => p.Message.Contains("declared as JSON of 'Nowhere'", StringComparison.Ordinal) && p.Message.Contains("(line ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_parameter_the_client_cannot_send_asks_for_a_declaration()
    {
        var problems = await ProblemsAsync(Operations.Replace("  - { name: filters, encoding: filters }\n", string.Empty, StringComparison.Ordinal)
            .Replace("kind: headers, result: DockerApiGen.Runtime.Responses.PingResult", "kind: json", StringComparison.Ordinal));

        // Without its declaration, filters is just a string and is sent as one; ping's bare string is JSON.
        Assert.Empty(problems);
        var noStream = await ProblemsAsync(Operations.Replace("  WidgetGetAll: { kind: stream }\n", string.Empty, StringComparison.Ordinal));
        Assert.Contains(noStream, p => p.Message.Contains("'WidgetGetAll' answers binary content", StringComparison.Ordinal) && p.Message.Contains("under `responses`", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_name_taken_by_a_model_type_is_an_error()
    {
        var spec = Spec.Replace("  Mode:\n", "  WidgetListOptions:\n    type: \"object\"\n  Mode:\n", StringComparison.Ordinal);
        var problems = await ProblemsAsync(Operations, spec);

        Assert.Contains(problems, p => p.Message.Contains("'WidgetListOptions' is also a model type's name", StringComparison.Ordinal));
    }

    private static ClientMethod Method(ClientModel client, string operationId)
        => client.MethodFor(operationId) ?? throw new InvalidOperationException($"No method for {operationId}.");

    private static async Task<ClientModel> BuildAsync(string operations = Operations, string? spec = null)
    {
        var model = await ModelBuilderTests.Build(spec ?? Spec);
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "operations.yaml");
        await File.WriteAllTextAsync(path, operations, TestContext.Current.CancellationToken);
        return FixtureOperations.Client(model, OperationsConfig.Load(path));
    }

    private static async Task<IReadOnlyList<SpecProblem>> ProblemsAsync(string operations, string? spec = null)
    {
        try
        {
            await BuildAsync(operations, spec);
            return [];
        }
        catch (GenerationException ex)
        {
            return ex.Problems;
        }
    }
}
