namespace Pipeline.Notebooks;

/// <summary>What a run produced.</summary>
/// <param name="Notebook">The executed notebook: outputs and execution counts filled in, the injected-parameters
/// cell inserted, every cell with a stable id. After a failure, later code cells have no outputs and no count.</param>
/// <param name="Failure">The cell that failed, or null when every cell ran.</param>
/// <param name="Parameters">Every parameter of the parameters cell with its effective value, in declaration order.</param>
/// <param name="Elapsed">Wall-clock time of the run (never written into the notebook).</param>
public sealed record RunResult(NotebookDocument Notebook, CellFailure? Failure, IReadOnlyList<NotebookParameter> Parameters, TimeSpan Elapsed)
{
    /// <summary>The version of the .NET Interactive kernel that ran the cells (from the tool manifest).</summary>
    public string? KernelVersion { get; init; }

    /// <summary>True when no cell failed.</summary>
    public bool Succeeded => Failure is null;
}
