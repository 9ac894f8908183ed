namespace DockerApiGen.Generator.Tests.Support;

/// <summary>Small Swagger 2.0 specs written for the tests (never copies of Docker's).</summary>
public static class FixtureSpecs
{
    /// <summary>A spec with the given definitions and paths blocks (already indented by two spaces).</summary>
    /// <param name="definitions">YAML under <c>definitions:</c>.</param>
    /// <param name="paths">YAML under <c>paths:</c>; a trivial ping operation when omitted.</param>
    public static string Spec(string definitions, string? paths = null)
        => $"""
            swagger: "2.0"
            info:
              title: "Fixture API"
              version: "9.1"
            basePath: "/v9.1"
            produces: ["application/json"]
            definitions:
            {definitions}
            paths:
            {paths ?? Ping}
            """;

    /// <summary>A minimal operation.</summary>
    public const string Ping = """
          /_ping:
            get:
              operationId: "SystemPing"
              tags: ["System"]
              responses:
                200:
                  description: "no error"
                  schema:
                    type: "string"
        """;

    /// <summary>A spec that exercises most model features.</summary>
    public static string Rich { get; } = Spec(
        """
          Widget:
            type: "object"
            description: "A widget."
            required: [Id, Size]
            properties:
              Id:
                type: "string"
                x-nullable: false
              Size:
                type: "integer"
                format: "uint16"
              Created:
                type: "string"
                format: "dateTime"
              State:
                type: "string"
                enum: ["running", "exited", ""]
              Cmd:
                type: ["array", "string"]
                items:
                  type: "string"
              Ports:
                type: "object"
                x-dockerapigen-string-set: true
                additionalProperties:
                  type: "object"
                  enum: [{}]
              Labels:
                type: "object"
                additionalProperties:
                  type: "string"
              Health:
                type: "object"
                properties:
                  Status:
                    type: "string"
              Titled:
                type: "object"
                title: "NamedByTitle"
                properties:
                  A:
                    type: "string"
              GoNamed:
                type: "object"
                x-go-name: "NamedByGo"
                properties:
                  B:
                    type: "string"
              Widget:
                type: "boolean"
              os.version:
                type: "string"
          Base:
            type: "object"
            properties:
              Memory:
                type: "integer"
                format: "int64"
          Combined:
            allOf:
              - $ref: "#/definitions/Base"
              - type: "object"
                properties:
                  Name:
                    type: "string"
          Kind:
            type: "integer"
            enum: [0, 1, 2]
            x-enum-varnames: [Modified, Added, Deleted]
          Task:
            type: "object"
            properties:
              ID:
                type: "string"
        """,
        """
          /widgets/create:
            post:
              operationId: "WidgetCreate"
              tags: ["Widget"]
              parameters:
                - name: "body"
                  in: "body"
                  schema:
                    type: "object"
                    properties:
                      Name:
                        type: "string"
              responses:
                201:
                  description: "created"
                  schema:
                    type: "object"
                    properties:
                      Id:
                        type: "string"
          /widgets:
            get:
              operationId: "WidgetList"
              tags: ["Widget"]
              parameters:
                - name: "all"
                  in: "query"
                  type: "boolean"
                  default: false
              responses:
                200:
                  description: "ok"
                  schema:
                    type: "array"
                    items:
                      $ref: "#/definitions/Widget"
        """);
}
