namespace Pipeline.Events;

/// <summary>
/// ACLED's six event types as of its 2019 taxonomy. Older ACLED files and UCDP's violence types are
/// mapped onto these by <see cref="EventTaxonomy"/> so that a 2011 file and a 2020 file can be counted
/// on one axis; the original text is always kept beside it on <see cref="ConflictEvent.EventType"/>.
/// </summary>
public enum HarmonisedEventType
{
    /// <summary>The type text was not recognised; it is kept as written and reported by the loader.</summary>
    Unknown = 0,

    /// <summary>Battles.</summary>
    Battles,

    /// <summary>Explosions/Remote violence (pre-2019: Remote violence).</summary>
    ExplosionsRemoteViolence,

    /// <summary>Violence against civilians.</summary>
    ViolenceAgainstCivilians,

    /// <summary>Protests (pre-2019: Riots/Protests with a protester actor).</summary>
    Protests,

    /// <summary>Riots (pre-2019: Riots/Protests with a rioter actor).</summary>
    Riots,

    /// <summary>Strategic developments (pre-2019: Strategic development, HQ established, non-violent transfer).</summary>
    StrategicDevelopments,
}
