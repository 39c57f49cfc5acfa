namespace Pipeline.Notebooks;

/// <summary>The notebook file formats the runner reads.</summary>
public enum NotebookFormat
{
    /// <summary>Jupyter nbformat 4 JSON (<c>.ipynb</c>).</summary>
    Ipynb,

    /// <summary>Polyglot Notebooks' text format (<c>.dib</c>): a <c>#!meta</c> header and <c>#!csharp</c> / <c>#!markdown</c> cells.</summary>
    Dib,
}
