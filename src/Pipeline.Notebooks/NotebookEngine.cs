namespace Pipeline.Notebooks;

/// <summary>What runs a notebook's cells.</summary>
public enum NotebookEngine
{
    /// <summary>Roslyn scripting in this process; cells tagged <c>kernel-only</c> are left unexecuted.</summary>
    Scripting,

    /// <summary>The .NET Interactive kernel pinned in the repository's tool manifest, as a child process
    /// (<c>dotnet-interactive stdio</c>): every cell runs, as in Jupyter.</summary>
    Kernel,
}
