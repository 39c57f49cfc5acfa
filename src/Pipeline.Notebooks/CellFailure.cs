namespace Pipeline.Notebooks;

/// <summary>The cell that stopped a run and why.</summary>
/// <param name="CellNumber">1-based position of the cell in the executed notebook (markdown cells count); the HTML does not show it, so messages name <see cref="ExecutionCount"/>.</param>
/// <param name="CellId">The cell's id in the executed notebook.</param>
/// <param name="Line">1-based line inside the cell, when known.</param>
/// <param name="ErrorType">The exception type (<c>CompilationError</c> for code that does not compile, <c>TimeoutException</c> for a cell over its time).</param>
/// <param name="Message">The message.</param>
public sealed record CellFailure(int CellNumber, string CellId, int? Line, string ErrorType, string Message)
{
    /// <summary>The cell's number as the executed notebook and its HTML show it (<c>In [N]</c>: its execution count), or null when it has none.</summary>
    public int? ExecutionCount { get; init; }

    /// <summary>The cell as a reader of the executed notebook finds it: <c>In [N]</c>, else <c>cell N</c> (its position).</summary>
    public string Where => ExecutionCount is { } n ? $"In [{n}]" : $"cell {CellNumber}";

    /// <summary><c>In [N], line L: Type: message</c>.</summary>
    public override string ToString() =>
        $"{Where}{(Line is { } l ? $", line {l}" : "")}: {ErrorType}: {Message}";
}
