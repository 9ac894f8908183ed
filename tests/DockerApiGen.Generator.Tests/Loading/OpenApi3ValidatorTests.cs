using DockerApiGen.Generator.Diagnostics;
using DockerApiGen.Generator.Loading;
using DockerApiGen.Generator.Specs;
using DockerApiGen.Generator.Tests.Support;

namespace DockerApiGen.Generator.Tests.Loading;

/// <summary>Loading OpenAPI 3.0 documents: every structural error names its file, line, JSON pointer and what to do.</summary>
public sealed class OpenApi3ValidatorTests
{
    private const string Ok = """
          /v2/things:
            get:
              responses:
                '200':
                  description: ok
        """;

    private static Task<LoadedSpec> Load(string text)
        => SpecLoader.LoadAsync(new ApiVersion(2025, 3, VersionScheme.Date), text, "fixture.yaml", [], TestContext.Current.CancellationToken);

    private static async Task<SpecProblem> SingleProblem(string text)
        => Assert.Single((await Assert.ThrowsAsync<GenerationException>(() => Load(text))).Problems);

    private static int LineOf(string text, string needle)
        => text.Split('\n').Select((line, i) => (line, i)).First(x => x.line.Contains(needle, StringComparison.Ordinal)).i + 1;

    [Fact]
    public async Task The_rich_fixture_loads_as_openapi_3()
    {
        var spec = await Load(OpenApi3Fixtures.Rich);
        Assert.Equal(SpecFormat.OpenApi3, spec.Format);
        Assert.Equal(5, spec.Document.Operations.Count());
    }

    [Fact]
    public async Task A_document_of_neither_format_says_which_formats_are_read()
    {
        var problem = await SingleProblem("info:\n  title: x\npaths: {}\n");
        Assert.Equal(("fixture.yaml", "/"), (problem.File, problem.JsonPointer));
        Assert.Contains("neither a Swagger 2.0 spec", problem.Message, StringComparison.Ordinal);
        Assert.NotNull(problem.Hint);
    }

    [Fact]
    public async Task Openapi_3_1_is_refused_with_its_line()
    {
        var text = OpenApi3Fixtures.Document(string.Empty, Ok).Replace("openapi: 3.0.3", "openapi: 3.1.0", StringComparison.Ordinal);
        var problem = await SingleProblem(text);
        Assert.Equal((1, "/openapi"), (problem.Line, problem.JsonPointer));
        Assert.Contains("OpenAPI 3.1.0 is not supported", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dangling_component_reference_names_its_line_and_pointer()
    {
        var text = OpenApi3Fixtures.Document("""
              schemas:
                a:
                  type: object
                  properties:
                    b:
                      $ref: '#/components/schemas/missing'
            """, Ok);
        var problem = await SingleProblem(text);
        Assert.Equal("/components/schemas/a/properties/b/$ref", problem.JsonPointer);
        Assert.Equal(LineOf(text, "schemas/missing"), problem.Line);
        Assert.Contains("points at nothing", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Swagger_file_type_is_explained_in_openapi_3()
    {
        var text = OpenApi3Fixtures.Document("""
              schemas:
                upload:
                  type: file
            """, Ok);
        var problem = await SingleProblem(text);
        Assert.Equal((LineOf(text, "type: file"), "/components/schemas/upload/type"), (problem.Line, problem.JsonPointer));
        Assert.Contains("format: binary", problem.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_list_of_types_is_refused_in_openapi_3_0()
    {
        var text = OpenApi3Fixtures.Document("""
              schemas:
                cmd:
                  type: [array, string]
            """, Ok);
        var problem = await SingleProblem(text);
        Assert.Equal("/components/schemas/cmd/type", problem.JsonPointer);
        Assert.Contains("nullable: true", problem.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_parameter_component_named_type_is_a_name_not_a_keyword()
    {
        var text = OpenApi3Fixtures.Document("""
              parameters:
                type:
                  in: query
                  name: type
                  schema:
                    $ref: '#/components/schemas/missing'
            """, Ok);
        var problem = await SingleProblem(text);
        Assert.Equal("/components/parameters/type/schema/$ref", problem.JsonPointer);
    }

    [Fact]
    public async Task A_duplicate_operation_id_names_the_first_place()
    {
        var text = OpenApi3Fixtures.Document(string.Empty, """
              /a:
                get:
                  operationId: Same
                  responses:
                    '200':
                      description: ok
              /b:
                get:
                  operationId: Same
                  responses:
                    '200':
                      description: ok
            """);
        var problem = await SingleProblem(text);
        Assert.Equal(("/paths/~1b/get/operationId", LineOf(text, "/b:") + 2), (problem.JsonPointer, problem.Line));
        Assert.Contains("first used at /paths/~1a/get", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_path_parameter_missing_from_the_declarations_is_named()
    {
        var text = OpenApi3Fixtures.Document(string.Empty, """
              /things/{id}:
                get:
                  responses:
                    '200':
                      description: ok
            """);
        var problem = await SingleProblem(text);
        Assert.Equal(("/paths/~1things~1{id}/get", LineOf(text, "get:")), (problem.JsonPointer, problem.Line));
        Assert.Contains("path parameter 'id'", problem.Message, StringComparison.Ordinal);
        Assert.Contains("in: path", problem.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_declared_path_parameter_the_template_lacks_is_named()
    {
        var text = OpenApi3Fixtures.Document(string.Empty, """
              /things:
                parameters:
                  - in: path
                    name: id
                    required: true
                    schema:
                      type: string
                get:
                  responses:
                    '200':
                      description: ok
            """);
        var problem = await SingleProblem(text);
        Assert.Equal(("/paths/~1things/parameters/0", LineOf(text, "- in: path")), (problem.JsonPointer, problem.Line));
        Assert.Contains("does not appear in the path", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_path_parameter_not_marked_required_is_named_once_where_declared()
    {
        var text = OpenApi3Fixtures.Document("""
              parameters:
                id:
                  in: path
                  name: id
                  schema:
                    type: string
            """, """
              /things/{id}:
                parameters:
                  - $ref: '#/components/parameters/id'
                get:
                  responses:
                    '200':
                      description: ok
                delete:
                  responses:
                    '204':
                      description: gone
            """);
        var problem = await SingleProblem(text);
        Assert.Equal(("/components/parameters/id", LineOf(text, "    id:")), (problem.JsonPointer, problem.Line));
        Assert.Contains("required: true", problem.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_parameter_is_swagger_2_only()
    {
        var text = OpenApi3Fixtures.Document(string.Empty, """
              /things:
                post:
                  parameters:
                    - in: body
                      name: body
                      schema:
                        type: object
                  responses:
                    '200':
                      description: ok
            """);
        var problem = await SingleProblem(text);
        Assert.Equal(("/paths/~1things/post/parameters/0/in", LineOf(text, "- in: body")), (problem.JsonPointer, problem.Line));
        Assert.Contains("requestBody", problem.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_parameter_without_schema_says_where_its_type_goes()
    {
        var text = OpenApi3Fixtures.Document(string.Empty, """
              /things:
                get:
                  parameters:
                    - in: query
                      name: all
                      type: boolean
                  responses:
                    '200':
                      description: ok
            """);
        var problem = await SingleProblem(text);
        Assert.Equal("/paths/~1things/get/parameters/0", problem.JsonPointer);
        Assert.Contains("neither `schema` nor `content`", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_body_without_content_is_named_in_a_component_too()
    {
        var text = OpenApi3Fixtures.Document("""
              requestBodies:
                empty:
                  description: nothing
            """, """
              /things:
                post:
                  requestBody:
                    $ref: '#/components/requestBodies/empty'
                  responses:
                    '200':
                      description: ok
            """);
        var problems = (await Assert.ThrowsAsync<GenerationException>(() => Load(text))).Problems;
        Assert.Contains(problems, p => p.JsonPointer == "/paths/~1things/post/requestBody" && p.Line == LineOf(text, "requestBody:"));
        Assert.Contains(problems, p => p.JsonPointer == "/components/requestBodies/empty" && p.Line == LineOf(text, "empty:"));
        Assert.All(problems, p => Assert.Contains("no `content`", p.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_security_requirement_naming_an_undeclared_scheme_is_named()
    {
        var text = OpenApi3Fixtures.Document(string.Empty, """
              /things:
                get:
                  security:
                    - ghost: []
                  responses:
                    '200':
                      description: ok
            """);
        var problem = await SingleProblem(text);
        Assert.Equal(("/paths/~1things/get/security/0/ghost", LineOf(text, "- ghost")), (problem.JsonPointer, problem.Line));
        Assert.Contains("/components/securitySchemes", problem.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_http_security_scheme_needs_its_scheme()
    {
        var text = OpenApi3Fixtures.Document("""
              securitySchemes:
                token:
                  type: http
            """, Ok);
        var problem = await SingleProblem(text);
        Assert.Equal(("/components/securitySchemes/token", LineOf(text, "token:")), (problem.JsonPointer, problem.Line));
        Assert.Contains("bearer", problem.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_needs_a_url()
    {
        var text = OpenApi3Fixtures.Document(string.Empty, Ok, "servers:\n  - description: nowhere\n");
        var problem = await SingleProblem(text);
        Assert.Equal(("/servers/0", LineOf(text, "- description: nowhere")), (problem.JsonPointer, problem.Line));
    }

    [Fact]
    public async Task An_operation_without_responses_is_named()
    {
        var text = OpenApi3Fixtures.Document(string.Empty, """
              /things:
                delete:
                  summary: gone
            """);
        var problem = await SingleProblem(text);
        Assert.Equal(("/paths/~1things/delete", LineOf(text, "delete:")), (problem.JsonPointer, problem.Line));
    }

    [Fact]
    public async Task A_duplicate_yaml_key_names_its_line()
    {
        var text = OpenApi3Fixtures.Document(string.Empty, Ok + "\n  /v2/things:\n    post:\n      responses: {}\n");
        var problem = await SingleProblem(text);
        Assert.Equal(LineOf(text, "responses: {}") - 2, problem.Line);
        Assert.Contains("Duplicate key", problem.Message, StringComparison.Ordinal);
        Assert.Contains("/v2/things", problem.Message, StringComparison.Ordinal);
    }
}
