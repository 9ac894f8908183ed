namespace DockerApiGen.Generator.Specs;

/// <summary>The description format of a spec file, read from the document itself (<c>swagger:</c> or <c>openapi:</c>).</summary>
public enum SpecFormat
{
    /// <summary>Swagger 2.0 (the Engine's specs): <c>definitions</c>, body parameters, <c>consumes</c>/<c>produces</c>.</summary>
    Swagger2,

    /// <summary>OpenAPI 3.0 (the Hub's, the project's registry document): <c>components</c>, request bodies and content types per body.</summary>
    OpenApi3,
}
