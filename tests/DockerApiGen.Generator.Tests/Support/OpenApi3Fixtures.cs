namespace DockerApiGen.Generator.Tests.Support;

/// <summary>Small OpenAPI 3.0 documents written for the tests (never copies of Docker's).</summary>
public static class OpenApi3Fixtures
{
    /// <summary>A document with the given <c>components</c> and <c>paths</c> blocks (already indented by two spaces).</summary>
    /// <param name="components">YAML under <c>components:</c>; none when empty.</param>
    /// <param name="paths">YAML under <c>paths:</c>.</param>
    /// <param name="top">Further top-level YAML (servers, security).</param>
    public static string Document(string components, string paths, string top = "")
        => $"""
            openapi: 3.0.3
            info:
              title: Fixture API
              version: "1"
            {top}
            paths:
            {paths}
            components:
            {(components.Length == 0 ? "  {}" : components)}
            """;

    /// <summary>An OpenAPI 3 document that exercises what Swagger 2 lacks: components of every kind, request bodies with several media types, servers, security.</summary>
    public static string Rich { get; } = Document(
        """
          schemas:
            widget:
              type: object
              required: [id]
              properties:
                id:
                  type: string
                label:
                  type: string
                  nullable: true
                secret:
                  type: string
                  writeOnly: true
                state:
                  type: string
                  enum: [on, off]
            problem:
              type: object
              properties:
                status:
                  type: string
                detail:
                  type: string
          responses:
            not_found:
              description: Not found
              content:
                application/json:
                  schema:
                    $ref: '#/components/schemas/problem'
            server_error:
              description: Failure
              content:
                application/problem+json:
                  schema:
                    allOf:
                      - $ref: '#/components/schemas/problem'
                      - properties:
                          status:
                            example: '500'
                          trace:
                            type: string
          parameters:
            page:
              in: query
              name: page
              schema:
                type: integer
                format: int32
                default: 1
            kind:
              in: query
              name: kind
              style: form
              explode: false
              schema:
                type: string
                enum: [big, small]
            widget_id:
              in: path
              name: widget_id
              required: true
              schema:
                type: string
          requestBodies:
            widget_patch:
              required: true
              content:
                application/json:
                  schema:
                    type: object
                    properties:
                      label:
                        type: string
          securitySchemes:
            bearer:
              type: http
              scheme: bearer
              bearerFormat: JWT
            key:
              type: apiKey
              in: header
              name: X-Key
        """,
        """
          /v2/widgets:
            get:
              parameters:
                - $ref: '#/components/parameters/page'
                - $ref: '#/components/parameters/kind'
              responses:
                '200':
                  description: The widgets
                  headers:
                    X-Total:
                      schema:
                        type: integer
                  content:
                    application/json:
                      schema:
                        type: object
                        properties:
                          count:
                            type: integer
                          results:
                            type: array
                            items:
                              $ref: '#/components/schemas/widget'
                    text/csv:
                      schema:
                        type: array
                        items:
                          type: object
                          properties:
                            Id:
                              type: string
                '500':
                  $ref: '#/components/responses/server_error'
            post:
              operationId: WidgetMake
              security: []
              requestBody:
                description: The new widget
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      properties:
                        label:
                          type: string
                  application/x-www-form-urlencoded:
                    schema:
                      type: object
                      properties:
                        form_label:
                          type: string
              responses:
                '201':
                  description: Made
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/widget'
          /v2/widgets/{widget_id}:
            parameters:
              - $ref: '#/components/parameters/widget_id'
            get:
              security:
                - key: []
                - bearer: [read]
              responses:
                '200':
                  description: One widget
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/widget'
                '404':
                  $ref: '#/components/responses/not_found'
            patch:
              requestBody:
                $ref: '#/components/requestBodies/widget_patch'
              responses:
                '204':
                  description: Updated
            head:
              responses:
                '200':
                  description: Exists
        """,
        """
        servers:
          - url: https://api.example.invalid/{base}
            description: The service
            variables:
              base:
                default: v2
                enum: [v2, v3]
        security:
          - bearer: []
        """);
}
