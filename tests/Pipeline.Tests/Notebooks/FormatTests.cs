using System.Text.Json.Nodes;
using Pipeline.Notebooks;
using Pipeline.Tests.Support;
using static Pipeline.Tests.Notebooks.NotebookTestSupport;

namespace Pipeline.Tests.Notebooks;

[Collection(NotebookCollection.Name)]
public class FormatTests
{
    [Trait(TestCategory.Trait, TestCategory.Unit)]    [Fact]
    public void Format_is_chosen_by_extension()
    {
        Assert.Equal(NotebookFormat.Ipynb, NotebookFile.FormatOf("a/b.IPYNB"));
        Assert.Equal(NotebookFormat.Dib, NotebookFile.FormatOf("b.dib"));
        var ex = Assert.Throws<NotebookFormatException>(() => NotebookFile.FormatOf("notes.txt"));
        Assert.Contains("unknown notebook extension '.txt'", ex.Message);
    }

    [Trait(TestCategory.Trait, TestCategory.Unit)]
    [Fact]
    public void Ipynb_source_may_be_a_string_or_a_list_and_unknown_metadata_is_kept()
    {
        var doc = NotebookFile.Parse("""
            {"cells":[{"cell_type":"code","execution_count":null,"metadata":{"tags":["parameters"],"x-editor":{"a":1}},"outputs":[],"source":"var a = 1;\nvar b = 2;"},
                      {"cell_type":"markdown","metadata":{},"source":["# T\n","text"],"attachments":{"img.png":{"image/png":"AA=="}}}],
             "metadata":{"kernelspec":{"name":".net-csharp"},"unknown_key":[1,2]},"nbformat":4,"nbformat_minor":2}
            """, NotebookFormat.Ipynb);
        Assert.Equal("var a = 1;\nvar b = 2;", doc.Cells[0].Source);
        Assert.Equal("# T\ntext", doc.Cells[1].Source);
        Assert.Equal(["parameters"], doc.Cells[0].Tags);

        var written = JsonNode.Parse(NotebookFile.ToIpynb(doc))!;
        Assert.Equal(5, (int)written["nbformat_minor"]!);
        Assert.Equal(1, (int)written["cells"]![0]!["metadata"]!["x-editor"]!["a"]!);
        Assert.Equal("[1,2]", written["metadata"]!["unknown_key"]!.ToJsonString());
        Assert.Equal("AA==", (string)written["cells"]![1]!["attachments"]!["img.png"]!["image/png"]!);
        Assert.Equal("""["var a = 1;\n","var b = 2;"]""", written["cells"]![0]!["source"]!.ToJsonString());
    }

    [Trait(TestCategory.Trait, TestCategory.Unit)]
    [Fact]
    public void Writer_uses_sorted_keys_one_space_indent_and_a_final_newline()
    {
        var text = NotebookFile.ToIpynb(NotebookFile.Read(Fixture("shared-state.ipynb")));
        Assert.StartsWith("{\n \"cells\": [\n  {\n   \"cell_type\": \"markdown\",\n   \"id\": \"c0\",\n   \"metadata\": {},\n   \"source\": [", text);
        Assert.EndsWith("\n \"nbformat\": 4,\n \"nbformat_minor\": 5\n}\n", text);
        Assert.DoesNotContain("\r", text);
    }

    [Trait(TestCategory.Trait, TestCategory.Unit)]
    [Fact]
    public void Missing_or_duplicate_cell_ids_get_stable_ids_from_position_and_text()
    {
        var cells = new[]
        {
            new NotebookCell { Kind = CellKind.Code, Source = "var a = 1;" },
            new NotebookCell { Kind = CellKind.Code, Source = "var a = 1;", Id = "dup" },
            new NotebookCell { Kind = CellKind.Code, Source = "var b = 1;", Id = "dup" },
            new NotebookCell { Kind = CellKind.Markdown, Source = "x", Id = "not valid!" },
        };
        var doc = new NotebookDocument { Cells = cells };
        string[] Ids(string json) => JsonNode.Parse(json)!["cells"]!.AsArray().Select(c => (string)c!["id"]!).ToArray();
        var first = Ids(NotebookFile.ToIpynb(doc));
        Assert.Equal(first, Ids(NotebookFile.ToIpynb(doc)));
        Assert.Equal(4, first.Distinct().Count());
        Assert.Equal("dup", first[1]);
        Assert.All(first, id => Assert.Matches("^[a-zA-Z0-9-_]{1,64}$", id));
        Assert.NotEqual(Ids(NotebookFile.ToIpynb(doc))[0], Ids(NotebookFile.ToIpynb(doc with { Cells = [cells[0] with { Source = "var a = 2;" }] }))[0]);
    }

    [Trait(TestCategory.Trait, TestCategory.Unit)]
    [Fact]
    public void Dib_reads_meta_header_kernel_separators_and_tags_comment()
    {
        var doc = NotebookFile.Read(Fixture("same-cells.dib"));
        Assert.Equal([CellKind.Markdown, CellKind.Code, CellKind.Code, CellKind.Code], doc.Cells.Select(c => c.Kind));
        Assert.Equal("# Same cells\n\nIn both formats.", doc.Cells[0].Source);
        Assert.Equal(["parameters"], doc.Cells[1].Tags);
        Assert.Equal("csharp", doc.Cells[2].Language);
        Assert.Equal("csharp", (string)doc.Metadata["polyglot_notebook"]!["kernelInfo"]!["defaultKernelName"]!);
        Assert.Equal(".net-csharp", (string)doc.Metadata["kernelspec"]!["name"]!);
    }

    [Trait(TestCategory.Trait, TestCategory.Unit)]
    [Fact]
    public void Unreadable_notebooks_give_a_format_error_naming_the_file()
    {
        using var temp = new TempFolder();
        var bad = temp.File("bad.ipynb");
        File.WriteAllText(bad, "{ not json");
        Assert.Contains("bad.ipynb: not valid JSON", Assert.Throws<NotebookFormatException>(() => NotebookFile.Read(bad)).Message);
        File.WriteAllText(bad, """{"nbformat": 3, "worksheets": []}""");
        Assert.Contains("nbformat 3 is not supported", Assert.Throws<NotebookFormatException>(() => NotebookFile.Read(bad)).Message);
        Assert.Contains("file not found", Assert.Throws<NotebookFormatException>(() => NotebookFile.Read(temp.File("missing.ipynb"))).Message);
    }

    [KernelFact]
    public async Task Dib_and_ipynb_with_the_same_cells_give_the_same_outputs_and_both_executed_copies_validate_with_nbformat()
    {
        using var temp = new TempFolder();
        var fromIpynb = await Run("same-cells.ipynb", ("factor", "5"));
        var fromDib = await Run("same-cells.dib", ("factor", "5"));
        Assert.True(fromIpynb.Succeeded && fromDib.Succeeded);
        Assert.Equal("5 10 15 20\n", Stdout(Cell(fromDib, 4)));
        Assert.Equal(Comparable(fromIpynb.Notebook), Comparable(fromDib.Notebook));
        foreach (var (name, r) in new[] { ("ipynb", fromIpynb), ("dib", fromDib) })
        {
            var path = temp.File(name + ".out.ipynb");
            File.WriteAllText(path, NotebookFile.ToIpynb(r.Notebook));
            Assert.Equal("", NbformatErrors(path));
        }
    }

    [NbformatFact]
    public void Nbformat_check_fails_on_an_invalid_notebook()
    {
        using var temp = new TempFolder();
        var path = temp.File("invalid.ipynb");
        File.WriteAllText(path, """{"cells":[{"cell_type":"code","source":"x"}],"metadata":{},"nbformat":4,"nbformat_minor":5}""");
        Assert.NotEqual("", NbformatErrors(path));
    }

    [Trait(TestCategory.Trait, TestCategory.Unit)]
    [Fact]
    public void Html_escapes_sources_markdown_and_text_outputs()
    {
        var doc = new NotebookDocument
        {
            Cells =
            [
                new NotebookCell { Kind = CellKind.Markdown, Source = "# Title <b>\n\nSee `a<b` and **bold** <script>alert(1)</script>\n\n- item & more" },
                new NotebookCell { Kind = CellKind.Code, Source = "var s = \"</pre><script>x</script>\";", ExecutionCount = 1, Outputs = [new StreamOutput("stdout", "<i>not markup</i>\n"), new ErrorOutput("E", "<bad>", ["E: <bad>"])] },
            ],
        };
        var html = NotebookHtml.Render(doc, "<title>");
        Assert.Contains("<title>&lt;title&gt;</title>", html);
        Assert.Contains("<h1>Title &lt;b&gt;</h1>", html);
        Assert.Contains("<p>See <code>a&lt;b</code> and <strong>bold</strong> &lt;script&gt;alert(1)&lt;/script&gt;</p>", html);
        Assert.Contains("<li>item &amp; more</li>", html);
        Assert.Contains("var s = &quot;&lt;/pre&gt;&lt;script&gt;x&lt;/script&gt;&quot;;", html);
        Assert.Contains("&lt;i&gt;not markup&lt;/i&gt;", html);
        Assert.Contains("E: &lt;bad&gt;", html);
        Assert.DoesNotContain("<script>", html);
        Assert.Equal(html, NotebookHtml.Render(doc, "<title>"));
    }

    /// <summary>Kinds, sources, counts and outputs; ids and metadata differ between the formats by design.</summary>
    private static string Comparable(NotebookDocument doc) =>
        NotebookFile.ToIpynb(new NotebookDocument { Cells = doc.Cells.Select(c => c with { Id = "x", Metadata = [] }).ToList() });
}
