using DockerApiGen.Generator.Emitting;

namespace DockerApiGen.Generator.Tests.Emitting;

/// <summary>Spec descriptions (Markdown) become XML documentation that IDEs format.</summary>
public sealed class MarkdownDocsTests
{
    [Fact]
    public void One_paragraph_stays_plain_with_code_and_emphasis_as_xml()
    {
        Assert.Equal(["Use <c>docker ps</c>, <i>not</i> <b>this</b> &amp; that."], MarkdownDocs.ToXmlLines("Use `docker ps`, _not_ **this** & that."));
    }

    [Fact]
    public void Several_paragraphs_are_each_a_para_and_keep_their_lines()
    {
        Assert.Equal(
            ["<para>First line", "second line.</para>", "<para>Next.</para>"],
            MarkdownDocs.ToXmlLines("First line\nsecond line.\n\nNext."));
    }

    [Fact]
    public void Fenced_code_keeps_its_indentation_and_escapes_markup()
    {
        Assert.Equal(
            ["<para>Example:</para>", "<code>{", "  \"a\": \"&lt;b&gt;\"", "}</code>"],
            MarkdownDocs.ToXmlLines("Example:\n\n```json\n{\n  \"a\": \"<b>\"\n}\n```\n"));
    }

    [Fact]
    public void Lists_become_xml_lists()
    {
        Assert.Equal(
            ["<para>Kinds:</para>", "<list type=\"bullet\">", "<item><description><c>a</c>: first</description></item>", "<item><description>second</description></item>", "</list>"],
            MarkdownDocs.ToXmlLines("Kinds:\n\n- `a`: first\n- second\n"));
    }

    [Fact]
    public void Absolute_links_become_see_href_and_links_into_the_spec_page_become_text()
    {
        Assert.Equal(
            ["See <see href=\"https://docs.docker.com/x?a=1&amp;b=2\">the docs</see> and the <c>/auth</c> endpoint."],
            MarkdownDocs.ToXmlLines("See [the docs](https://docs.docker.com/x?a=1&b=2) and the [`/auth`](#operation/SystemAuth) endpoint."));
    }

    [Fact]
    public void Html_is_reduced_to_text_and_quotes_to_paragraphs()
    {
        Assert.Equal(["10^-9 CPUs."], MarkdownDocs.ToXmlLines("10<sup>-9</sup> CPUs."));
        Assert.Equal(["<para>Text.</para>", "<para><b>Note</b>: unstable.</para>"], MarkdownDocs.ToXmlLines("Text.\n\n<p><br /></p>\n\n> **Note**: unstable.\n"));
    }
}
