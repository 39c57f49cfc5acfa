namespace Pipeline.Events;

/// <summary>
/// What <see cref="EventSummary"/> counts of one loaded row: produced by the row mappers after every check
/// the loader makes, so <c>inspect</c> can count a file without building its <see cref="ConflictEvent"/> records.
/// </summary>
/// <param name="Date">The event date (UCDP: <c>date_start</c>).</param>
/// <param name="End">The last day (UCDP: <c>date_end</c>); <paramref name="Date"/> when the event has no range.</param>
/// <param name="Precision">How precisely the date is known.</param>
/// <param name="EventType">The event type as written.</param>
/// <param name="HarmonisedType">The harmonised type.</param>
/// <param name="Fatalities">Fatalities (UCDP: best estimate).</param>
internal readonly record struct CountedEvent(DateOnly Date, DateOnly End, DatePrecision Precision, string EventType, HarmonisedEventType HarmonisedType, int Fatalities)
{
    /// <summary>The counted fields of a record.</summary>
    public static CountedEvent Of(ConflictEvent e) => new(e.Date, e.DateEnd ?? e.Date, e.Precision, e.EventType, e.HarmonisedType, e.Fatalities);
}
