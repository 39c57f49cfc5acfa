namespace Pipeline.Synthetic;

/// <summary>
/// One ACLED sub-event type with the columns that follow from it: its event type, its 2023
/// <c>disorder_type</c>, its fatality tail and the short note template.
/// </summary>
/// <param name="EventType">ACLED <c>event_type</c>.</param>
/// <param name="SubEventType">ACLED <c>sub_event_type</c>.</param>
/// <param name="DisorderType">ACLED <c>disorder_type</c> (2023 layout).</param>
/// <param name="Fatalities">How many die in such an event.</param>
/// <param name="NoteVerb">Invented phrase used in the SYNTHETIC note, e.g. "armed clash".</param>
internal sealed record SubEventKind(
    string EventType,
    string SubEventType,
    string DisorderType,
    FatalityDistribution Fatalities,
    string NoteVerb);
