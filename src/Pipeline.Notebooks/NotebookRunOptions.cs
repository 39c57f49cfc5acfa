namespace Pipeline.Notebooks;

/// <summary>How a notebook is run.</summary>
public sealed record NotebookRunOptions
{
    /// <summary><c>name=value</c> overrides of the parameters cell's defaults, in the order given.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; init; } = [];

    /// <summary>How long one cell may run before the run fails; null (the default, as in papermill and Jupyter) means no
    /// limit. A cell past its time ends the kernel process, and the run reports it in that cell.</summary>
    public TimeSpan? CellTimeout { get; init; }

    /// <summary>The kernel's current directory; null means the notebook's folder, as in Jupyter, so relative paths in
    /// the notebook (and in -p values) are relative to the notebook.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>Called before each code cell runs with a line such as <c>cell 4 (code cell 2 of 6)</c>; the CLI writes
    /// it to a terminal. Null: no progress.</summary>
    public Action<string>? Progress { get; init; }

    /// <summary>The NuGet package folder the kernel tool was restored into (<c>dotnet tool restore</c>); null means
    /// <c>NUGET_PACKAGES</c> or <c>~/.nuget/packages</c>. The kernel resolves a cell's <c>#r "nuget: …"</c> itself.</summary>
    public string? NuGetPackagesFolder { get; init; }

    /// <summary>Checks the values; called by the runner.</summary>
    /// <exception cref="ArgumentException">A timeout that is not positive.</exception>
    public void Validate()
    {
        if (CellTimeout is { } limit && limit <= TimeSpan.Zero)
        {
            throw new ArgumentException($"the cell timeout must be positive; got {limit.TotalSeconds} s");
        }
    }
}
