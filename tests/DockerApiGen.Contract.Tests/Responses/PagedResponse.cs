using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using DockerApiGen.Contract.Tests.Server;
using DockerApiGen.Contract.Tests.Spec;
using DockerApiGen.Contract.Tests.Validation;

namespace DockerApiGen.Contract.Tests.Responses;

/// <summary>
/// A page of a paged list (the Hub's: <c>count</c>, <c>next</c>, <c>previous</c>, <c>results</c>): the list has
/// <see cref="Pages"/> pages of one entry each; the request's <c>page</c> (default 1) picks one, whose <c>next</c> and
/// <c>previous</c> link the neighbours with the request's other query values kept. Links are absolute on
/// <c>https://hub.docker.com</c>, as the Hub writes them, so a client must follow them on its own base address.
/// </summary>
public sealed class PagedResponse : WireBehaviour
{
    /// <summary>How many pages every list has.</summary>
    public const int Pages = 3;

    /// <summary>The host the links name.</summary>
    public const string LinkHost = "https://hub.docker.com";

    /// <summary>The one instance.</summary>
    public static PagedResponse Instance { get; } = new();

    private PagedResponse()
    {
    }

    /// <summary>Whether an operation answers pages: its success schema is an object with a string <c>next</c> and a list <c>results</c>.</summary>
    /// <param name="spec">The spec.</param>
    /// <param name="operation">The operation.</param>
    public static bool IsPage(ContractSpec spec, SpecOperation operation)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (operation?.Success?.Response["schema"] is not { } schema)
        {
            return false;
        }

        var page = spec.Schemas.Resolve(schema);
        return page.Properties.TryGetValue("next", out var next) && spec.Schemas.Resolve(next).Allows("string")
            && page.Properties.TryGetValue("results", out var results) && spec.Schemas.Resolve(results).Types is ["array"];
    }

    /// <inheritdoc />
    public override async Task<bool> RespondAsync(ResponseContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (status, response) = context.Operation.Success!.Value;
        var query = QueryString.Parse(context.Request.RawQuery, []);
        var number = query.LastOrDefault(p => p.Key == "page").Value is { } text && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var requested) ? requested : 1;
        var page = context.Samples.For(response["schema"]!)!.AsObject();
        var results = page["results"]!.AsArray();
        if (number > Pages)
        {
            results.Clear();
        }

        if (page.ContainsKey("count"))
        {
            page["count"] = Pages;
        }

        SetLink(page, "next", number < Pages ? Link(context.Request, number + 1) : null);
        SetLink(page, "previous", number > 1 ? Link(context.Request, number - 1) : null);
        var headers = ResponseHeaders.Declared(response, context).Concat(context.ExtraHeaders).Append(new("Content-Type", context.Operation.SuccessMediaType ?? "application/json"));
        await HttpResponseWriter.WriteAsync(context.Connection, status, headers, Encoding.UTF8.GetBytes(page.ToJsonString()), context.IsHead, cancellationToken).ConfigureAwait(false);
        return true;
    }

    // A missing link is left out rather than null: some page schemas do not mark it nullable.
    private static void SetLink(JsonObject page, string name, string? link)
    {
        if (link is null)
        {
            page.Remove(name);
        }
        else
        {
            page[name] = link;
        }
    }

    /// <summary>The request's path and query with another <c>page</c>, on the Hub's public address.</summary>
    private static string Link(HttpRequest request, int page)
    {
        var others = request.RawQuery.Split('&', StringSplitOptions.RemoveEmptyEntries).Where(p => !p.StartsWith("page=", StringComparison.Ordinal));
        return $"{LinkHost}{request.RawPath}?{string.Join('&', others.Append($"page={page.ToString(CultureInfo.InvariantCulture)}"))}";
    }
}
