namespace Pipeline.Events;

/// <summary>
/// The cells of the record being loaded, whatever the file format (CSV record, spreadsheet row), as text.
/// Lets <see cref="RowContext"/> and the row mappers stay format-agnostic.
/// </summary>
internal interface IRecordCells
{
    /// <summary>Number of cells in the current record.</summary>
    int FieldCount { get; }

    /// <summary>The cell as text ("" when empty); <paramref name="column"/> is below <see cref="FieldCount"/>.</summary>
    string GetString(int column);

    /// <summary>The cell as UTF-8 bytes, for the fast number and date paths (CSV: in place, no copy).</summary>
    ReadOnlySpan<byte> GetUtf8(int column);

    /// <summary>
    /// The record's bytes as they are in the file (quotes, separators and inner line breaks included), for
    /// locating lines and quotes; empty for formats that have no such text (spreadsheets).
    /// </summary>
    ReadOnlySpan<byte> RawRecord { get; }
}
