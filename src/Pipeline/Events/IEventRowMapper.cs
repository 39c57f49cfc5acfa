namespace Pipeline.Events;

/// <summary>Maps the records of one file layout to events; one implementation per dataset family.</summary>
internal interface IEventRowMapper
{
    EventSource Source { get; }

    /// <summary>A human name of the layout recognised from the header, e.g. "ACLED 2019–2022 export (31 columns)".</summary>
    string Layout { get; }

    /// <summary>Returns the event, or null with the rejection that says why not.</summary>
    ConflictEvent? Map(RowContext row, out RowRejection? rejection);

    /// <summary>
    /// Checks the row by exactly the rules of <see cref="Map"/> (same rejections, same warnings) and returns only
    /// what a summary counts, without reading the other text columns or building the record.
    /// </summary>
    bool TryCount(RowContext row, out CountedEvent counted, out RowRejection? rejection);

    /// <summary>Whether the row carries the synthetic-data marker in its source column.</summary>
    bool IsSyntheticRow(RowContext row);
}
