namespace Pipeline.Events;

/// <summary>
/// The loaded events column by column, as the columnar cache stores them: dates as day numbers, counts as
/// integers, text as a code per row into each column's distinct values. Aggregations that only need a few
/// columns (counts per week, per type, per admin1) read these arrays directly and never build a
/// <see cref="ConflictEvent"/>, which is what makes a cached reload cheap.
/// </summary>
/// <remarks>
/// Only tables read from the cache carry columns, and only when no row has a UCDP date range or
/// fatality band (see <see cref="EventTable.Columns"/>); everything else goes through the events.
/// </remarks>
public sealed class EventColumns
{
    private readonly int[] dayNumbers;
    private readonly byte[] precision;
    private readonly byte[] harmonised;
    private readonly int[] fatalities;
    private readonly Dictionary<EventTextField, Lazy<(string?[] Values, int[] Codes)>> text;

    internal EventColumns(int[] dayNumbers, byte[] precision, byte[] harmonised, int[] fatalities, Dictionary<EventTextField, Lazy<(string?[] Values, int[] Codes)>> text)
    {
        this.dayNumbers = dayNumbers;
        this.precision = precision;
        this.harmonised = harmonised;
        this.fatalities = fatalities;
        this.text = text;
    }

    /// <summary>Number of events.</summary>
    public int Count => dayNumbers.Length;

    /// <summary><see cref="DateOnly.DayNumber"/> of each event's <see cref="ConflictEvent.Date"/>.</summary>
    public ReadOnlySpan<int> DayNumbers => dayNumbers;

    /// <summary>Each event's <see cref="ConflictEvent.Precision"/>.</summary>
    public ReadOnlySpan<byte> Precision => precision;

    /// <summary>Each event's <see cref="ConflictEvent.HarmonisedType"/>.</summary>
    public ReadOnlySpan<byte> HarmonisedTypes => harmonised;

    /// <summary>Each event's <see cref="ConflictEvent.Fatalities"/>.</summary>
    public ReadOnlySpan<int> Fatalities => fatalities;

    /// <summary>
    /// One text column: its distinct values (index 0 is null, "no value") and, per event, the index of its value.
    /// </summary>
    /// <remarks>Each text column is decoded on first use, so an aggregation pays only for the columns it reads.</remarks>
    public (IReadOnlyList<string?> Values, ReadOnlyMemory<int> Codes) Text(EventTextField field)
    {
        var (values, codes) = Decoded(field);
        return (values, codes);
    }

    internal (string?[] Values, int[] Codes) Decoded(EventTextField field) => text[field].Value;
}

/// <summary>The text fields of <see cref="ConflictEvent"/> that <see cref="EventColumns"/> holds.</summary>
public enum EventTextField
{
    /// <summary><see cref="ConflictEvent.EventType"/>.</summary>
    EventType,

    /// <summary><see cref="ConflictEvent.SubEventType"/>.</summary>
    SubEventType,

    /// <summary><see cref="ConflictEvent.DisorderType"/>.</summary>
    DisorderType,

    /// <summary><see cref="ConflictEvent.Actor1"/>.</summary>
    Actor1,

    /// <summary><see cref="ConflictEvent.AssocActor1"/>.</summary>
    AssocActor1,

    /// <summary><see cref="ConflictEvent.Actor2"/>.</summary>
    Actor2,

    /// <summary><see cref="ConflictEvent.AssocActor2"/>.</summary>
    AssocActor2,

    /// <summary><see cref="ConflictEvent.Inter1"/>.</summary>
    Inter1,

    /// <summary><see cref="ConflictEvent.Inter2"/>.</summary>
    Inter2,

    /// <summary><see cref="ConflictEvent.Country"/>.</summary>
    Country,

    /// <summary><see cref="ConflictEvent.Admin1"/>.</summary>
    Admin1,

    /// <summary><see cref="ConflictEvent.Admin2"/>.</summary>
    Admin2,

    /// <summary><see cref="ConflictEvent.Admin3"/>.</summary>
    Admin3,

    /// <summary><see cref="ConflictEvent.Location"/>.</summary>
    Location,
}
