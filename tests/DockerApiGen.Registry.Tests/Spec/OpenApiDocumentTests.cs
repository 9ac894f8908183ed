using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace DockerApiGen.Registry.Tests.Spec;

/// <summary>
/// The structure of specs/registry/openapi.yaml, until the generator reads it: a plain YAML parse, then the
/// operations, parameters, references, schemas and headers the registry client relies on.
/// </summary>
public sealed class OpenApiDocumentTests
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "head", "patch"];
    private static readonly Lazy<YamlMappingNode> Root = new(Load);

    private static YamlMappingNode Load()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "DockerApiGen.sln")))
        {
            folder = folder.Parent;
        }

        var path = Path.Combine(folder?.FullName ?? throw new InvalidOperationException("The repository root (DockerApiGen.sln) was not found above the test binaries."), "specs", "registry", "openapi.yaml");
        var stream = new YamlStream();
        using var reader = new StreamReader(path);
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }

    private static YamlMappingNode Map(YamlNode node, string key) => (YamlMappingNode)((YamlMappingNode)node).Children[new YamlScalarNode(key)];

    private static bool TryGet(YamlNode node, string key, out YamlNode value)
    {
        value = null!;
        return node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out value!);
    }

    private static string Text(YamlNode node, string key) => ((YamlScalarNode)((YamlMappingNode)node).Children[new YamlScalarNode(key)]).Value!;

    private static IEnumerable<(string Path, string Method, YamlMappingNode Operation, YamlMappingNode PathItem)> Operations()
        => Map(Root.Value, "paths").Children.SelectMany(path => ((YamlMappingNode)path.Value).Children
            .Where(m => Methods.Contains(((YamlScalarNode)m.Key).Value))
            .Select(m => (((YamlScalarNode)path.Key).Value!, ((YamlScalarNode)m.Key).Value!, (YamlMappingNode)m.Value, (YamlMappingNode)path.Value)));

    /// <summary>A node with its $ref followed.</summary>
    private static YamlNode Resolve(YamlNode node)
    {
        while (TryGet(node, "$ref", out var reference))
        {
            node = Follow(((YamlScalarNode)reference).Value!);
        }

        return node;
    }

    private static YamlNode Follow(string reference)
    {
        Assert.StartsWith("#/", reference, StringComparison.Ordinal);
        YamlNode node = Root.Value;
        foreach (var part in reference[2..].Split('/'))
        {
            Assert.True(TryGet(node, part, out node), $"The reference {reference} does not resolve (no '{part}').");
        }

        return node;
    }

    [Fact]
    public void Is_an_openapi_3_0_document_with_bearer_and_basic_security()
    {
        Assert.StartsWith("3.0.", Text(Root.Value, "openapi"), StringComparison.Ordinal);
        var schemes = Map(Map(Root.Value, "components"), "securitySchemes");
        Assert.Equal("bearer", Text(schemes.Children[new YamlScalarNode("bearerAuth")], "scheme"));
        Assert.Equal("basic", Text(schemes.Children[new YamlScalarNode("basicAuth")], "scheme"));
    }

    [Fact]
    public void Has_every_distribution_endpoint_once_with_a_unique_operation_id()
    {
        var ids = Operations().Select(o => $"{o.Method.ToUpperInvariant()} {o.Path} {Text(o.Operation, "operationId")}").ToList();
        Assert.Equal(
        [
            "GET /v2/ CheckApi",
            "GET /v2/_catalog CatalogList",
            "GET /v2/{name}/tags/list TagsList",
            "GET /v2/{name}/manifests/{reference} ManifestGet",
            "HEAD /v2/{name}/manifests/{reference} ManifestHead",
            "PUT /v2/{name}/manifests/{reference} ManifestPut",
            "DELETE /v2/{name}/manifests/{reference} ManifestDelete",
            "GET /v2/{name}/blobs/{digest} BlobGet",
            "HEAD /v2/{name}/blobs/{digest} BlobHead",
            "DELETE /v2/{name}/blobs/{digest} BlobDelete",
            "POST /v2/{name}/blobs/uploads/ BlobUploadCreate",
            "GET /v2/{name}/blobs/uploads/{reference} BlobUploadStatus",
            "PATCH /v2/{name}/blobs/uploads/{reference} BlobUploadChunk",
            "PUT /v2/{name}/blobs/uploads/{reference} BlobUploadComplete",
            "DELETE /v2/{name}/blobs/uploads/{reference} BlobUploadCancel",
            "GET /v2/{name}/referrers/{digest} ReferrersList",
        ], ids);
    }

    [Fact]
    public void Every_operation_is_tagged_summarised_and_answers_401_and_429()
    {
        var tags = ((YamlSequenceNode)Root.Value.Children[new YamlScalarNode("tags")]).Select(t => Text(t, "name")).ToHashSet();
        foreach (var (path, method, operation, _) in Operations())
        {
            var where = $"{method} {path}";
            Assert.All((YamlSequenceNode)operation.Children[new YamlScalarNode("tags")], t => Assert.Contains(((YamlScalarNode)t).Value!, tags));
            Assert.False(string.IsNullOrWhiteSpace(Text(operation, "summary")), where);
            var responses = Map(operation, "responses").Children.Keys.Select(k => ((YamlScalarNode)k).Value!).ToList();
            Assert.All(responses, code => Assert.Matches("^[1-5][0-9][0-9]$", code));
            Assert.Contains(responses, code => code[0] is '2');
            Assert.Contains("401", responses);
            Assert.Contains("429", responses);
        }
    }

    [Fact]
    public void Path_parameters_are_declared_and_required()
    {
        foreach (var (path, method, operation, pathItem) in Operations())
        {
            var declared = new[] { pathItem, operation }
                .Where(n => n.Children.ContainsKey(new YamlScalarNode("parameters")))
                .SelectMany(n => (YamlSequenceNode)n.Children[new YamlScalarNode("parameters")])
                .Select(Resolve)
                .Where(p => Text(p, "in") == "path")
                .ToDictionary(p => Text(p, "name"), p => Text(p, "required"));
            var inPath = Regex.Matches(path, "{([^}]+)}").Select(m => m.Groups[1].Value).ToList();
            Assert.Equal(inPath.Order(), declared.Keys.Order());
            Assert.All(declared.Values, required => Assert.Equal("true", required));
            _ = method;
        }
    }

    [Fact]
    public void Every_reference_resolves()
    {
        var count = 0;
        void Walk(YamlNode node)
        {
            switch (node)
            {
                case YamlMappingNode map:
                    foreach (var (key, value) in map.Children)
                    {
                        if (((YamlScalarNode)key).Value == "$ref")
                        {
                            Follow(((YamlScalarNode)value).Value!);
                            count++;
                        }
                        else
                        {
                            Walk(value);
                        }
                    }

                    break;
                case YamlSequenceNode sequence:
                    foreach (var item in sequence)
                    {
                        Walk(item);
                    }

                    break;
            }
        }

        Walk(Root.Value);
        Assert.True(count > 100, $"only {count} references");
    }

    [Fact]
    public void Error_answers_carry_the_error_body()
    {
        foreach (var (path, method, operation, _) in Operations().Where(o => o.Method != "head"))
        {
            foreach (var (code, response) in Map(operation, "responses").Children)
            {
                if (((YamlScalarNode)code).Value![0] == '4')
                {
                    var body = Map(Map(Map(Resolve(response), "content"), "application/json"), "schema");
                    Assert.Equal("#/components/schemas/ErrorResponse", Text(body, "$ref"));
                }
            }

            _ = path;
        }

        var codes = ((YamlSequenceNode)Map(Map(Map(Root.Value, "components"), "schemas"), "ErrorCode").Children[new YamlScalarNode("enum")]).Select(c => ((YamlScalarNode)c).Value).ToList();
        Assert.Superset(new HashSet<string?>(["BLOB_UNKNOWN", "BLOB_UPLOAD_INVALID", "BLOB_UPLOAD_UNKNOWN", "DIGEST_INVALID", "MANIFEST_BLOB_UNKNOWN", "MANIFEST_INVALID",
            "MANIFEST_UNKNOWN", "NAME_INVALID", "NAME_UNKNOWN", "SIZE_INVALID", "UNAUTHORIZED", "DENIED", "UNSUPPORTED", "TOOMANYREQUESTS"]), codes.ToHashSet());
    }

    [Fact]
    public void Manifest_media_types_match_their_schemas()
    {
        var get = Operations().Single(o => Text(o.Operation, "operationId") == "ManifestGet").Operation;
        var content = Map(Map(Map(get, "responses"), "200"), "content");
        foreach (var (type, schema) in new[]
        {
            ("application/vnd.oci.image.manifest.v1+json", "OciImageManifest"),
            ("application/vnd.oci.image.index.v1+json", "OciImageIndex"),
            ("application/vnd.docker.distribution.manifest.v2+json", "DockerManifest"),
            ("application/vnd.docker.distribution.manifest.list.v2+json", "DockerManifestList"),
        })
        {
            var reference = Text(Map(content.Children[new YamlScalarNode(type)], "schema"), "$ref");
            Assert.Equal("#/components/schemas/" + schema, reference);
            // Each schema names its media type (as text: the generated models keep mediaType and schemaVersion plain
            // values, and the client checks them against Content-Type).
            var mediaType = Map(Map(Follow(reference), "properties"), "mediaType");
            Assert.Contains("`" + type + "`", Text(mediaType, "description"), StringComparison.Ordinal);
        }

        Assert.True(content.Children.ContainsKey(new YamlScalarNode("*/*")), "other media types come back as bytes");
    }

    [Fact]
    public void Schemas_declare_what_they_require()
    {
        var schemas = Map(Map(Root.Value, "components"), "schemas");
        foreach (var name in new[] { "Descriptor", "Platform", "OciImageManifest", "OciImageIndex", "DockerManifest", "DockerManifestList", "ImageConfig", "TagList", "Catalog", "ErrorResponse", "ErrorInfo" })
        {
            Assert.True(schemas.Children.ContainsKey(new YamlScalarNode(name)), name);
        }

        foreach (var (name, schema) in schemas.Children)
        {
            if (TryGet(schema, "required", out var required))
            {
                var properties = Map(schema, "properties").Children.Keys.Select(k => ((YamlScalarNode)k).Value).ToHashSet();
                Assert.All((YamlSequenceNode)required, r => Assert.True(properties.Contains(((YamlScalarNode)r).Value), $"{name} requires {r} but does not declare it"));
            }
        }
    }

    [Fact]
    public void The_protocol_headers_are_described()
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (_, _, operation, _) in Operations())
        {
            foreach (var (_, response) in Map(operation, "responses").Children)
            {
                if (TryGet(Resolve(response), "headers", out var headers))
                {
                    used.UnionWith(((YamlMappingNode)headers).Children.Keys.Select(k => ((YamlScalarNode)k).Value!));
                }
            }

            if (TryGet(operation, "parameters", out var parameters))
            {
                used.UnionWith(((YamlSequenceNode)parameters).Select(Resolve).Where(p => Text(p, "in") == "header").Select(p => Text(p, "name")));
            }
        }

        Assert.Superset(new HashSet<string>(["Docker-Content-Digest", "Location", "Range", "Content-Range", "Link", "OCI-Subject", "WWW-Authenticate", "Docker-Upload-UUID", "Retry-After", "OCI-Chunk-Min-Length", "OCI-Filters-Applied", "Accept"]), used);
    }
}
