namespace Pipeline.Events;

/// <summary>
/// One conflict event, from ACLED or UCDP GED, after validation. Only the loaders build these, and they
/// build them from values already checked, so everything downstream (binning, charts, tables) can trust
/// the fields without re-checking. The original event-type text is kept next to the harmonised type so a
/// reader can always see what the source said.
/// </summary>
public sealed record ConflictEvent
{
    private readonly int fatalities;
    private readonly double? latitude;
    private readonly double? longitude;

    /// <summary>The source's own id (ACLED <c>event_id_cnty</c>, else <c>data_id</c>; UCDP <c>id</c>).</summary>
    public required string Id { get; init; }

    /// <summary>Which dataset family the row came from.</summary>
    public required EventSource Source { get; init; }

    /// <summary>The event date (UCDP: <c>date_start</c>). With a coarse <see cref="Precision"/> the true date lies in the week/month/year around it.</summary>
    public required DateOnly Date { get; init; }

    /// <summary>UCDP's <c>date_end</c> when it differs from <see cref="Date"/>; null for ACLED.</summary>
    public DateOnly? DateEnd { get; init; }

    /// <summary>How precisely <see cref="Date"/> is known.</summary>
    public required DatePrecision Precision { get; init; }

    /// <summary>The event type exactly as the source wrote it (e.g. <c>Remote Violence</c>, <c>State-based conflict</c>).</summary>
    public required string EventType { get; init; }

    /// <summary>The event type on ACLED's current six-type scale (see <see cref="EventTaxonomy"/>).</summary>
    public required HarmonisedEventType HarmonisedType { get; init; }

    /// <summary>The sub-type as written, or implied by an old type name (e.g. <c>Armed clash</c>); null when unknown.</summary>
    public string? SubEventType { get; init; }

    /// <summary>ACLED <c>disorder_type</c> (2021+ files); null when absent.</summary>
    public string? DisorderType { get; init; }

    /// <summary>First actor (UCDP: <c>side_a</c>).</summary>
    public string? Actor1 { get; init; }

    /// <summary>Associated/allied actors of actor 1, as written.</summary>
    public string? AssocActor1 { get; init; }

    /// <summary>Second actor (UCDP: <c>side_b</c>).</summary>
    public string? Actor2 { get; init; }

    /// <summary>Associated/allied actors of actor 2, as written.</summary>
    public string? AssocActor2 { get; init; }

    /// <summary>ACLED interaction code of actor 1: a number before 2024 (e.g. <c>3</c>), text after (<c>Rioters</c>).</summary>
    public string? Inter1 { get; init; }

    /// <summary>ACLED interaction code of actor 2.</summary>
    public string? Inter2 { get; init; }

    /// <summary>Country name as written.</summary>
    public required string Country { get; init; }

    /// <summary>First-level administrative unit (UCDP: <c>adm_1</c>).</summary>
    public string? Admin1 { get; init; }

    /// <summary>Second-level administrative unit.</summary>
    public string? Admin2 { get; init; }

    /// <summary>Third-level administrative unit.</summary>
    public string? Admin3 { get; init; }

    /// <summary>Named location (UCDP: <c>where_coordinates</c>).</summary>
    public string? Location { get; init; }

    /// <summary>Latitude in degrees, −90..90, or null when not given.</summary>
    public double? Latitude
    {
        get => latitude;
        init => latitude = value is null or (>= -90 and <= 90)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(Latitude), value, "latitude must lie in −90..90");
    }

    /// <summary>Longitude in degrees, −180..180, or null when not given.</summary>
    public double? Longitude
    {
        get => longitude;
        init => longitude = value is null or (>= -180 and <= 180)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(Longitude), value, "longitude must lie in −180..180");
    }

    /// <summary>ACLED <c>geo_precision</c> (1–3) or UCDP <c>where_prec</c> (1–7); the two scales differ.</summary>
    public int? GeoPrecision { get; init; }

    /// <summary>
    /// Reported fatalities (UCDP: best estimate). Never negative. ACLED codes vague reports conservatively
    /// (e.g. "dozens" as 12), so these are lower-leaning counts, not estimates of the true toll.
    /// </summary>
    public required int Fatalities
    {
        get => fatalities;
        init => fatalities = value >= 0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(Fatalities), value, "fatalities cannot be negative");
    }

    /// <summary>UCDP low estimate; null for ACLED.</summary>
    public int? FatalitiesLow { get; init; }

    /// <summary>UCDP high estimate; null for ACLED.</summary>
    public int? FatalitiesHigh { get; init; }

    /// <summary>The 1-based line of the source file where this event's record starts, so any number can be traced back.</summary>
    public required long SourceLine { get; init; }
}
