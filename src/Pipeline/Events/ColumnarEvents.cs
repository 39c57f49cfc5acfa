namespace Pipeline.Events;

/// <summary>
/// The events of a table read from the columnar cache: the columns that aggregations count from
/// (<see cref="Columns"/>) at once, the <see cref="ConflictEvent"/> records only when first asked for, all at
/// once. The count is known up front, so <see cref="EventTable"/> checks its row accounting without building them.
/// </summary>
internal sealed class ColumnarEvents(EventColumns columns, Func<ConflictEvent[]> materialise) : IReadOnlyList<ConflictEvent>
{
    private readonly Lazy<ConflictEvent[]> events = new(materialise, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The events column by column.</summary>
    public EventColumns Columns => columns;

    /// <summary>Whether the records have been built (tests use it to show that counting never builds them).</summary>
    public bool IsMaterialised => events.IsValueCreated;

    /// <inheritdoc />
    public int Count => columns.Count;

    /// <inheritdoc />
    public ConflictEvent this[int index] => events.Value[index];

    /// <inheritdoc />
    public IEnumerator<ConflictEvent> GetEnumerator() => ((IEnumerable<ConflictEvent>)events.Value).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
