namespace Pipeline.Events;

/// <summary>
/// Something odd about a row that was nevertheless loaded, because the source itself publishes such rows
/// (e.g. UCDP rows whose best estimate lies outside low..high). Reported, never silently fixed.
/// </summary>
/// <param name="File">The file.</param>
/// <param name="Line">1-based line where the record starts.</param>
/// <param name="Column">Header name of the column concerned.</param>
/// <param name="Value">The value as written.</param>
/// <param name="Message">What is odd and what was done.</param>
public sealed record RowWarning(string File, long Line, string? Column, string? Value, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => $"{File}:{Line}:{(Column is null ? "" : $" column '{Column}':")} {Message}";
}
