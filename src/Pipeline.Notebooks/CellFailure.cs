namespace Pipeline.Notebooks;

/// <summary>The cell that stopped a run and why.</summary>
/// <param name="CellNumber">1-based position of the cell in the executed notebook (markdown cells count).</param>
/// <param name="CellId">The cell's id in the executed notebook.</param>
/// <param name="Line">1-based line inside the cell, when known.</param>
/// <param name="ErrorType">The exception type (<c>CompilationError</c> for code that does not compile, <c>TimeoutException</c> for a cell over its time).</param>
/// <param name="Message">The message.</param>
public sealed record CellFailure(int CellNumber, string CellId, int? Line, string ErrorType, string Message)
{
    /// <summary><c>cell N, line L: Type: message</c>.</summary>
    public override string ToString() =>
        $"cell {CellNumber}{(Line is { } l ? $", line {l}" : "")}: {ErrorType}: {Message}";
}
