using DockerApiGen.Generator.Model;

namespace DockerApiGen.Generator.Semantics;

/// <summary>How a paged list's page is read: the C# properties that hold its entries and the link to the next page.</summary>
/// <param name="Page">The page type.</param>
/// <param name="Items">The C# property that holds the page's entries.</param>
/// <param name="Next">The C# property that holds the next page's link.</param>
public sealed record PageAccess(CSharpTypeName Page, string Items, string Next);

/// <summary>
/// Plans the answers that are not one JSON value but a question about the resource (<c>exists</c>: HEAD, true or
/// false) or a list spread over linked pages (<c>paged</c>: the 2xx schema is a page object with a list of entries
/// and a link to the next page, which the runtime connection follows as the caller reads).
/// </summary>
internal static class PagedAnswers
{
    /// <summary>The answer of a paged list; null (and a reported problem) when the 2xx schema is not a page.</summary>
    /// <param name="operation">The operation.</param>
    /// <param name="schema">Its 2xx schema.</param>
    /// <param name="declared">The declaration (which page properties hold the entries and the link).</param>
    /// <param name="types">The type mapping.</param>
    /// <param name="json">The JSON context being planned.</param>
    /// <param name="file">The operations file, for messages.</param>
    /// <param name="report">Where problems go.</param>
    public static Answer? Paged(OperationModel operation, TypeRef? schema, ResponseSemantics declared, TypeMapper types, JsonContextPlanner json, string file, Action<OperationModel, string> report)
    {
        var page = schema is NamedRef named ? types.Find(named.Name) as ObjectType : null;
        var items = page?.Properties.FirstOrDefault(p => p.WireName == declared.Items && p.Type is ArrayRef);
        var next = page?.Properties.FirstOrDefault(p => p.WireName == declared.Next && p.Type is PrimitiveRef { Kind: PrimitiveKind.String });
        if (page is null || items is null || next is null)
        {
            report(operation, $"'{operation.OperationId}' is declared `kind: paged` in {file}, but its 2xx schema is {(page is null ? "not an object" : $"'{page.Name}', which lacks {(items is null ? $"a list property '{declared.Items}'" : $"a string property '{declared.Next}'")}")}: name the page's properties with `items` and `next`, or fix the schema with a patch.");
            return null;
        }

        var item = types.NameOf(((ArrayRef)items.Type).Item);
        var pageType = types.NameOf(schema!);
        return new Answer(AnswerKind.Paged, KnownTypes.IAsyncEnumerable.Of(item), item, json.Entry(schema!), null, false, null, $"Every entry of the list, fetching pages ({page.Name}) as they are read and following each page's `{declared.Next}` link; stop enumerating to stop fetching. The options' page size applies to every page.")
        {
            Paging = new PageAccess(pageType, items.Name, next.Name),
        };
    }

    /// <summary>The answer of an existence check.</summary>
    /// <param name="noTimeLimit">Whether the call has no time limit.</param>
    public static Answer Exists(bool noTimeLimit)
        => new(AnswerKind.Exists, KnownTypes.Task.Of(KnownTypes.Boolean), KnownTypes.Boolean, null, null, noTimeLimit, null, "True when the server answered with a success, false when it answered 404 Not Found; other errors throw.");
}
