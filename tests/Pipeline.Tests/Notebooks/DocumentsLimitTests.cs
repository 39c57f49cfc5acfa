using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Documents.Jupyter;
using Pipeline.Notebooks;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.Notebooks;

/// <summary>
/// Why <c>pipeline run</c> reads and writes <c>.ipynb</c> with its own <see cref="NotebookFile"/> and not with
/// <c>Microsoft.DotNet.Interactive.Documents</c> (the version pinned in Directory.Packages.props), which it does use for
/// <c>.dib</c>: each finding is asserted here, so a version that fixes them makes this test fail and says the switch
/// is due. The same inputs through <see cref="NotebookFile"/> keep what Documents loses.
/// </summary>
[Trait(TestCategory.Trait, TestCategory.Unit)]
public class DocumentsLimitTests
{
    private static KernelInfoCollection Kernels()
    {
        var kernels = new KernelInfoCollection { new KernelInfo("csharp", "C#", ["c#", "cs"]) };
        kernels.DefaultKernelName = "csharp";
        return kernels;
    }

    private const string RawAndAttachment = """
        {"cells":[{"cell_type":"raw","id":"r1","metadata":{},"source":"raw text"},
                  {"attachments":{"a.png":{"image/png":"AAAA"}},"cell_type":"markdown","id":"m1","metadata":{},"source":"![a](attachment:a.png)"}],
         "metadata":{},"nbformat":4,"nbformat_minor":5}
        """;

    [Fact]
    public void Documents_reads_a_raw_cell_as_csharp_code_and_drops_attachments_where_NotebookFile_keeps_both()
    {
        var parsed = Notebook.Parse(RawAndAttachment, Kernels());
        Assert.Equal("csharp", parsed.Elements[0].KernelName);
        Assert.DoesNotContain("attachments", Notebook.ToJupyterJson(parsed, "csharp"), StringComparison.Ordinal);

        var ours = NotebookFile.Parse(RawAndAttachment, NotebookFormat.Ipynb);
        Assert.Equal(CellKind.Raw, ours.Cells[0].Kind);
        Assert.Contains("\"a.png\"", NotebookFile.ToIpynb(ours), StringComparison.Ordinal);
    }

    [Fact]
    public void Documents_cannot_write_a_shipped_notebook_it_has_read_which_NotebookFile_writes_to_its_own_bytes()
    {
        var path = Path.Combine(TestPaths.RepoRoot, "notebooks", "explore.ipynb");
        var text = File.ReadAllText(path);
        var parsed = Notebook.Parse(text, Kernels());
        Assert.Throws<InvalidCastException>(() => Notebook.ToJupyterJson(parsed, "csharp"));
        Assert.Equal(text, NotebookFile.ToIpynb(NotebookFile.Read(path)));
    }
}
