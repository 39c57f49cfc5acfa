using CsvHelper;

namespace Pipeline.Events;

/// <summary>The current CSV record of a <see cref="CsvReader"/> as <see cref="IRecordCells"/>.</summary>
internal sealed class CsvRecordCells(CsvReader reader) : IRecordCells
{
    public int FieldCount => reader.FieldCount;

    public string GetString(int column) => reader.GetString(column);

    public ReadOnlySpan<byte> GetUtf8(int column) => reader.GetSpan(column);

    public ReadOnlySpan<byte> RawRecord => reader.RawRecord;
}
