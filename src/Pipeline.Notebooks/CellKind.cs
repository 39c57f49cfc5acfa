namespace Pipeline.Notebooks;

/// <summary>The nbformat cell types.</summary>
public enum CellKind
{
    /// <summary>Source code the kernel executes.</summary>
    Code,

    /// <summary>Markdown text, never executed.</summary>
    Markdown,

    /// <summary>Raw text passed through unchanged.</summary>
    Raw,
}
