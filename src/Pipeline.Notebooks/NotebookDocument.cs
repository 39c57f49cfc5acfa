using System.Text.Json.Nodes;

namespace Pipeline.Notebooks;

/// <summary>
/// A notebook read from <c>.ipynb</c> or <c>.dib</c>: its cells and notebook-level metadata. Running one produces
/// a new document; the one read is never changed.
/// </summary>
public sealed record NotebookDocument
{
    /// <summary>The cells, in order.</summary>
    public required IReadOnlyList<NotebookCell> Cells { get; init; }

    /// <summary>Notebook metadata (kernelspec, language_info, polyglot_notebook, anything else), kept as read.</summary>
    public JsonObject Metadata { get; init; } = [];

    /// <summary>The format the document was read from.</summary>
    public NotebookFormat SourceFormat { get; init; } = NotebookFormat.Ipynb;
}
