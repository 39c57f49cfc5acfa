namespace Pipeline.Notebooks;

/// <summary>How a notebook is run.</summary>
public sealed record NotebookRunOptions
{
    /// <summary><c>name=value</c> overrides of the parameters cell's defaults, in the order given.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; init; } = [];

    /// <summary>How long one cell may run before the run fails; null (the default, as in papermill and Jupyter) means no
    /// limit. A cell past its time cannot be aborted (.NET has no thread abort); it is abandoned and the run reports it.</summary>
    public TimeSpan? CellTimeout { get; init; }

    /// <summary>The current directory while cells run; null means the notebook's folder, as in a Jupyter kernel, so
    /// relative paths in the notebook (and in -p values) are relative to the notebook.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>What runs the cells: Roslyn scripting in this process (the default) or the .NET Interactive kernel.</summary>
    public NotebookEngine Engine { get; init; } = NotebookEngine.Scripting;

    /// <summary>Called before each code cell runs with a line such as <c>cell 4 (code cell 2 of 6)</c>; the CLI writes
    /// it to a terminal. Null: no progress.</summary>
    public Action<string>? Progress { get; init; }

    /// <summary>The local NuGet package folder for <c>#r "nuget: …"</c>; null means <c>NUGET_PACKAGES</c> or <c>~/.nuget/packages</c>.</summary>
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
