using DockerApiGen.Generator.Diagnostics;
using DockerApiGen.Generator.Loading;
using DockerApiGen.Generator.Model;
using DockerApiGen.Generator.Naming;
using DockerApiGen.Generator.Parsing;
using DockerApiGen.Generator.Specs;
using DockerApiGen.Generator.Tests.Support;

namespace DockerApiGen.Generator.Tests.Parsing;

/// <summary>OpenAPI 3 documents into the same model as Swagger 2: components, bodies, media types, security, servers, derived names.</summary>
public sealed class OpenApi3ModelTests
{
    internal static async Task<ApiModel> Build(string text, NamingConfig? naming = null)
    {
        var spec = await SpecLoader.LoadAsync(new ApiVersion(2025, 3, VersionScheme.Date), text, "fixture.yaml", [], TestContext.Current.CancellationToken);
        return ModelBuilder.Build(spec, naming ?? NamingConfig.Empty);
    }

    private static OperationModel Operation(ApiModel model, string method, string path) => model.Operations.Single(o => o.Method == method && o.Path == path);

    [Fact]
    public async Task Component_schemas_keep_their_keys_and_inline_schemas_are_named_by_component_or_use()
    {
        var model = await Build(OpenApi3Fixtures.Rich);

        Assert.Equal(SpecFormat.OpenApi3, model.Format);
        Assert.Equal(NameSource.Definition, model.FindType("Widget")!.NameSource);
        Assert.Equal("/components/schemas/widget", model.FindType("Widget")!.SchemaPointer);
        Assert.Equal(NameSource.Context, model.FindType("WidgetState")!.NameSource);
        Assert.Equal(NameSource.Component, model.FindType("WidgetPatch")!.NameSource);      // the request body component's inline schema
        Assert.Equal(NameSource.Component, model.FindType("ServerError")!.NameSource);      // the response component's inline schema
        Assert.Equal(NameSource.Component, model.FindType("Kind")!.NameSource);             // the parameter component's inline enum
        Assert.Equal(NameSource.Context, model.FindType("WidgetListResponse")!.NameSource); // derived id + role
        Assert.Equal(NameSource.Context, model.FindType("WidgetMakeRequest")!.NameSource);  // spec id + role
        Assert.DoesNotContain(model.Types, t => t.Name.Any(char.IsAsciiDigit));
    }

    [Fact]
    public async Task Operations_without_an_id_get_one_from_method_and_path()
    {
        var model = await Build(OpenApi3Fixtures.Rich);

        var list = Operation(model, "GET", "/v2/widgets");
        Assert.Equal(("WidgetList", false, new OperationName("Widgets", "List")), (list.OperationId, list.HasSpecOperationId, list.PathName));
        Assert.Equal("WidgetGet", Operation(model, "GET", "/v2/widgets/{widget_id}").OperationId);
        Assert.Equal("WidgetCheck", Operation(model, "HEAD", "/v2/widgets/{widget_id}").OperationId);
        Assert.Equal("WidgetUpdate", Operation(model, "PATCH", "/v2/widgets/{widget_id}").OperationId);
        var made = Operation(model, "POST", "/v2/widgets");
        Assert.Equal(("WidgetMake", true, new OperationName("Widgets", "Create")), (made.OperationId, made.HasSpecOperationId, made.PathName));
    }

    [Fact]
    public async Task Declared_operation_names_change_the_id_and_the_inline_type_names()
    {
        var path = Path.Combine(Path.GetTempPath(), $"operations-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, "operationNames:\n  \"GET /v2/widgets\": { name: Browse }\n");
        try
        {
            var model = await Build(OpenApi3Fixtures.Rich, NamingConfig.Empty with { OperationNames = OperationNameOverrides.Load(path) });
            Assert.Equal("WidgetBrowse", Operation(model, "GET", "/v2/widgets").OperationId);
            Assert.NotNull(model.FindType("WidgetBrowseResponse"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Request_bodies_keep_every_media_type_and_become_the_last_body_parameter()
    {
        var model = await Build(OpenApi3Fixtures.Rich);

        var made = Operation(model, "POST", "/v2/widgets");
        var body = made.RequestBody!;
        Assert.True(body.IsRequired);
        Assert.Equal("The new widget", body.Description);
        Assert.Equal(["application/json", "application/x-www-form-urlencoded"], body.Contents.Select(c => c.MediaType));
        Assert.Equal(new NamedRef("WidgetMakeRequest"), body.Contents[0].Type);
        Assert.Equal(new NamedRef("WidgetMakeRequestXWwwFormUrlencoded"), body.Contents[1].Type);
        Assert.Equal(["application/json", "application/x-www-form-urlencoded"], made.Consumes);
        var parameter = made.Parameters[^1];
        Assert.Equal((ParameterLocation.Body, "body", true), (parameter.Location, parameter.WireName, parameter.IsRequired));
        Assert.Equal(new NamedRef("WidgetMakeRequest"), parameter.Type);

        var patched = Operation(model, "PATCH", "/v2/widgets/{widget_id}");
        Assert.Equal("widget_patch", patched.RequestBody!.ComponentKey);
        Assert.Equal(new NamedRef("WidgetPatch"), patched.Parameters.Single(p => p.Location == ParameterLocation.Body).Type);
    }

    [Fact]
    public async Task Responses_keep_their_media_types_headers_and_components()
    {
        var model = await Build(OpenApi3Fixtures.Rich);

        var list = Operation(model, "GET", "/v2/widgets");
        var ok = list.Responses.Single(r => r.StatusCode == "200");
        Assert.Equal(new NamedRef("WidgetListResponse"), ok.Type); // the JSON media type's schema
        Assert.Equal(["application/json", "text/csv"], ok.Contents.Select(c => c.MediaType));
        Assert.Equal(new ArrayRef(new NamedRef("WidgetListResponseCsvItem")), ok.Contents[1].Type);
        Assert.Equal(("X-Total", (TypeRef)new PrimitiveRef(PrimitiveKind.Int64, null)), (ok.Headers.Single().Name, ok.Headers.Single().Type));
        var failure = list.Responses.Single(r => r.StatusCode == "500");
        Assert.Equal(("server_error", (TypeRef?)new NamedRef("ServerError")), (failure.ComponentKey, failure.Type));
        Assert.Equal(["application/json", "text/csv", "application/problem+json"], list.Produces);

        var one = Operation(model, "GET", "/v2/widgets/{widget_id}");
        Assert.Equal(("not_found", (TypeRef?)new NamedRef("Problem")), (one.Responses.Single(r => r.StatusCode == "404").ComponentKey, one.Responses.Single(r => r.StatusCode == "404").Type));
    }

    [Fact]
    public async Task A_property_restated_without_a_type_keeps_the_type_of_the_schema_it_extends()
    {
        var model = await Build(OpenApi3Fixtures.Rich);
        var error = Assert.IsType<ObjectType>(model.FindType("ServerError"));
        Assert.Equal(["status", "detail", "trace"], error.Properties.Select(p => p.WireName));
        Assert.Equal(new PrimitiveRef(PrimitiveKind.String, null), error.Properties[0].Type);
    }

    [Fact]
    public async Task Parameters_come_from_the_path_item_and_from_components()
    {
        var model = await Build(OpenApi3Fixtures.Rich);

        var one = Operation(model, "GET", "/v2/widgets/{widget_id}");
        var id = Assert.Single(one.Parameters);
        Assert.Equal((ParameterLocation.Path, "widget_id", true, "widget_id"), (id.Location, id.WireName, id.IsRequired, id.ComponentKey));
        Assert.Equal("/paths/~1v2~1widgets~1{widget_id}/parameters/0", id.SchemaPointer);

        var list = Operation(model, "GET", "/v2/widgets");
        var page = list.Parameters.Single(p => p.WireName == "page");
        Assert.Equal((new PrimitiveRef(PrimitiveKind.Int32, "int32"), "1"), ((PrimitiveRef)page.Type, page.DefaultJson));
        var kind = list.Parameters.Single(p => p.WireName == "kind");
        Assert.Equal((new NamedRef("Kind"), "form", false), ((NamedRef)kind.Type, kind.Style, kind.Explode));
    }

    [Fact]
    public async Task Nullable_write_only_and_required_are_read()
    {
        var model = await Build(OpenApi3Fixtures.Rich);
        var widget = Assert.IsType<ObjectType>(model.FindType("Widget"));
        Assert.True(widget.Properties.Single(p => p.WireName == "id").IsRequired);
        Assert.True(widget.Properties.Single(p => p.WireName == "label").Nullable);
        Assert.True(widget.Properties.Single(p => p.WireName == "secret").IsWriteOnly);
    }

    [Fact]
    public async Task Security_schemes_requirements_and_servers_are_read()
    {
        var model = await Build(OpenApi3Fixtures.Rich);

        Assert.Equal(["bearer", "key"], model.SecuritySchemes.Select(s => s.Key));
        var bearer = model.SecuritySchemes[0];
        Assert.Equal((SecuritySchemeKind.Http, "bearer", "JWT"), (bearer.Kind, bearer.Scheme, bearer.BearerFormat));
        var key = model.SecuritySchemes[1];
        Assert.Equal((SecuritySchemeKind.ApiKey, "header", "X-Key"), (key.Kind, key.In, key.ParameterName));

        Assert.Equal("bearer", Assert.Single(Assert.Single(model.Security).Schemes).Scheme);
        Assert.Equal("bearer", Operation(model, "GET", "/v2/widgets").Security.Single().Schemes.Single().Scheme); // the document's default
        Assert.Empty(Operation(model, "POST", "/v2/widgets").Security);                                          // security: []
        var either = Operation(model, "GET", "/v2/widgets/{widget_id}").Security;
        Assert.Equal(["key", "bearer"], either.Select(r => r.Schemes.Single().Scheme));
        Assert.Equal(["read"], either[1].Schemes.Single().Scopes);

        var server = Assert.Single(model.Servers);
        Assert.Equal(("https://api.example.invalid/{base}", "The service"), (server.Url, server.Description));
        Assert.Equal(("base", "v2"), (server.Variables[0].Name, server.Variables[0].Default));
        Assert.Equal(["v2", "v3"], server.Variables[0].Values);
    }

    [Fact]
    public async Task Component_keys_that_give_one_csharp_name_are_an_error_naming_both()
    {
        var text = OpenApi3Fixtures.Document("""
              responses:
                NotFound:
                  description: a
                not_found:
                  description: b
            """, """
              /things:
                get:
                  responses:
                    '404':
                      $ref: '#/components/responses/not_found'
            """);
        var problem = Assert.Single((await Assert.ThrowsAsync<GenerationException>(() => Build(text))).Problems);
        Assert.Equal("/components/responses/not_found", problem.JsonPointer);
        Assert.Contains("'NotFound' and 'not_found' both give the C# name 'NotFound'", problem.Message, StringComparison.Ordinal);
        Assert.Contains("renameTo", problem.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Schemas_that_differ_only_in_case_clash_as_types()
    {
        var text = OpenApi3Fixtures.Document("""
              schemas:
                Error:
                  type: object
                  properties:
                    message:
                      type: string
                error:
                  type: object
                  properties:
                    detail:
                      type: string
            """, """
              /things:
                get:
                  responses:
                    '200':
                      description: ok
            """);
        var problem = Assert.Single((await Assert.ThrowsAsync<GenerationException>(() => Build(text))).Problems);
        Assert.Contains("Type name clash: 'Error'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_operations_deriving_one_id_are_an_error_that_says_where_to_name_one()
    {
        var text = OpenApi3Fixtures.Document(string.Empty, """
              /v2/things/{id}:
                parameters:
                  - { in: path, name: id, required: true, schema: { type: string } }
                get:
                  responses:
                    '200':
                      description: ok
              /v2/things/{id}/{name}:
                parameters:
                  - { in: path, name: id, required: true, schema: { type: string } }
                  - { in: path, name: name, required: true, schema: { type: string } }
                get:
                  responses:
                    '200':
                      description: ok
            """);
        var problem = Assert.Single((await Assert.ThrowsAsync<GenerationException>(() => Build(text))).Problems);
        Assert.Contains("both get the id 'ThingGet'", problem.Message, StringComparison.Ordinal);
        Assert.Contains("operationNames", problem.Hint, StringComparison.Ordinal);
    }
}
