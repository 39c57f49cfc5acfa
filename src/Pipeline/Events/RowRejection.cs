using Pipeline.Text;

namespace Pipeline.Events;

/// <summary>
/// Why one input row was not loaded, located precisely enough to fix it by hand: the file, the 1-based
/// line where the record starts (and the line where it ends), the column (by header name and 1-based
/// position), the raw value, the reason and a hint. Every row a loader reads ends up either as an event or
/// as one of these.
/// </summary>
/// <param name="File">The file the row came from.</param>
/// <param name="Line">1-based line where the record starts (records may span lines inside quotes); see <see cref="LastLine"/>.</param>
/// <param name="Column">Header name of the offending column, or null when the whole row is at fault.</param>
/// <param name="ColumnNumber">1-based position of that column, or null.</param>
/// <param name="Value">The raw value that failed, or null.</param>
/// <param name="Reason">Short, stable reason (used to group rejections).</param>
/// <param name="Hint">What the user can do about it.</param>
public sealed record RowRejection(
    string File,
    long Line,
    string? Column,
    int? ColumnNumber,
    string? Value,
    string Reason,
    string Hint)
{
    private readonly long lastLine;

    /// <summary>1-based physical line where the record starts: the same as <see cref="Line"/>.</summary>
    public long FirstLine => Line;

    /// <summary>
    /// 1-based physical line where the record ends: after <see cref="Line"/> when a quoted field of the record
    /// held line breaks, so that several lines of the file were read as this one record (a quote left open
    /// swallows the rows after it). Spreadsheet rows always have one line. Never before <see cref="Line"/>.
    /// </summary>
    public long LastLine
    {
        get => Math.Max(lastLine, Line);
        init => lastLine = value;
    }

    /// <summary>Whether several physical lines were read as this one record.</summary>
    public bool SpansLines => LastLine > Line;

    /// <summary>The physical lines of the record.</summary>
    public LineRange Lines => new(Line, LastLine);

    /// <summary>
    /// One line for logs and terminals: <c>file:line: column 'x' (3): reason: 'value'. hint</c>, with
    /// <c>file:3–4:</c> for a record read from several lines and control characters in the value shown as <c>[U+0000]</c>.
    /// </summary>
    public override string ToString()
    {
        var where = Column is null ? "" : $" column '{Column}'{(ColumnNumber is { } n ? $" (#{n})" : "")}:";
        var value = Value is null ? "" : $" got '{Truncate(VisibleControls.Reveal(Value))}'.";
        return $"{File}:{Lines}:{where} {Reason}.{value} {Hint}";
    }

    private static string Truncate(string s) => s.Length <= 80 ? s : string.Concat(s.AsSpan(0, 77), "...");
}
