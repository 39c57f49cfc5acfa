namespace Pipeline.Synthetic;

/// <summary>
/// One drawn event before it gets an id and is formatted; kept typed so the summary can count it
/// without re-parsing text.
/// </summary>
internal sealed record SyntheticEvent(
    DateOnly Date,
    int TimePrecision,
    SubEventKind Kind,
    SyntheticActor Actor1,
    string AssocActor1,
    SyntheticActor? Actor2,
    string AssocActor2,
    Admin1Place Place,
    int LatitudeE4,
    int LongitudeE4,
    int GeoPrecision,
    string SourceScale,
    string Notes,
    int Fatalities,
    string Tags,
    long Timestamp)
{
    /// <summary>ACLED's interaction code: the two inter codes, smaller first; a lone actor gives code × 10.</summary>
    public int Interaction => Actor2 is null
        ? Actor1.Inter * 10
        : (Math.Min(Actor1.Inter, Actor2.Inter) * 10) + Math.Max(Actor1.Inter, Actor2.Inter);

    /// <summary>ACLED marks political violence aimed at civilians; demonstrations never carry the flag.</summary>
    public bool CivilianTargeting =>
        Actor2 == SyntheticActors.Civilians && Kind.DisorderType == "Political violence";
}
