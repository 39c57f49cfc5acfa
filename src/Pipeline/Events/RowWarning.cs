namespace Pipeline.Events;

/// <summary>
/// Something odd about a row that was nevertheless loaded, because the source itself publishes such rows
/// (e.g. UCDP rows whose best estimate lies outside low..high) or because the oddity does not change what
/// the row means (a control character inside a text cell). Reported, never silently fixed.
/// </summary>
/// <param name="File">The file.</param>
/// <param name="Line">1-based line where the record starts.</param>
/// <param name="Column">Header name of the column concerned.</param>
/// <param name="Value">
/// The value as written, except that control characters are shown as <c>[U+0000]</c>: a warning is read on a
/// terminal or in a page, where raw NULs and escape sequences would be invisible or harmful.
/// </param>
/// <param name="Message">What is odd and what was done.</param>
/// <param name="Kind">What the warning is about.</param>
public sealed record RowWarning(string File, long Line, string? Column, string? Value, string Message, RowWarningKind Kind = RowWarningKind.AsPublished)
{
    /// <inheritdoc/>
    public override string ToString() => $"{File}:{Line}:{(Column is null ? "" : $" column '{Column}':")} {Message}";
}
